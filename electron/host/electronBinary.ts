// Finds the Electron executable the way the electron package does, but without requiring the
// package: `require('electron')` tries to download a missing binary and throws.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string; packageDir: string } | { found: false; reason: string; packageDir: string | null };

const require = createRequire(import.meta.url);

export function locateElectronBinary(env: NodeJS.ProcessEnv): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (npm install)', packageDir: null };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      packageDir,
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing because the binary could not be ' +
        'downloaded on this machine; on a machine with internet run `node node_modules/electron/install.js`',
    };
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = join(dist, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path)) {
    return { found: false, packageDir, reason: `no Electron binary: ${path} (named by node_modules/electron/path.txt) does not exist` };
  }
  return { found: true, path, packageDir };
}
