// Where the kiosk keeps its data: --data-dir, else KIOSK_DATA_DIR, else the user's data folder
// (the same folder Electron's app.getPath('userData') uses for this app).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER = 'RegistrationKiosk';

export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return resolve(flag ?? env.KIOSK_DATA_DIR ?? defaultDataDir(env, platform));
}
