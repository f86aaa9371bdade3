// Decides whether the Electron suite can run here: a binary, and on Linux a display.
import { locateElectronBinary } from '../../electron/host/electronBinary';

export type ElectronRunner = { runnable: true; executablePath: string } | { runnable: false; reason: string };

export function findElectronRunner(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronRunner {
  const binary = locateElectronBinary(env);
  if (!binary.found) return { runnable: false, reason: binary.reason };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { runnable: false, reason: 'no display for the Electron window: run the suite under `xvfb-run -a`' };
  }
  return { runnable: true, executablePath: binary.path };
}
