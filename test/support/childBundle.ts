// Bundles a test child process once with esbuild: starting a bundle takes a fifth of the time of
// compiling TypeScript on the fly. It is written under node_modules so the native SQLite module
// resolves from it.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `entry` (an absolute path) into `node_modules/.cache/<cacheName>/` and returns the file. */
export function bundleChild(entry: string, cacheName: string): string {
  const outfile = join(projectRoot, 'node_modules', '.cache', cacheName, `child-${process.pid}.mjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3-multiple-ciphers', 'better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
    absWorkingDir: projectRoot,
  });
  return outfile;
}
