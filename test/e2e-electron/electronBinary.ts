// Decides whether the Electron suite can run here. The executable is found the way the electron
// package finds it, but without requiring the package: `require('electron')` tries to download a
// missing binary and throws. (Same logic as findElectronBinary in electron/host/launch.ts, which
// cannot be imported because it starts the app on import.)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRunner = { runnable: true; executablePath: string } | { runnable: false; reason: string };

const require = createRequire(import.meta.url);

export function findElectronRunner(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronRunner {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { runnable: false, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      runnable: false,
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing because the binary could not be ' +
        'downloaded on this machine; on a machine with internet run `node node_modules/electron/install.js`',
    };
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executablePath = join(dist, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath)) {
    return { runnable: false, reason: `no Electron binary: ${executablePath} (named by node_modules/electron/path.txt) does not exist` };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { runnable: false, reason: 'no display for the Electron window: run the suite under `xvfb-run -a`' };
  }
  return { runnable: true, executablePath };
}
