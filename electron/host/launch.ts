// `npm start`: the Electron window where an Electron binary exists, otherwise the loopback host.
// Builds first when the sources are newer than the build. Only the host's URL goes to stdout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n';
import { processLocale } from '../core/startup';
import { locateElectronBinary } from './electronBinary';
import { serve } from './serve';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const locale = processLocale(process.env);

/** The Electron executable; one download attempt is made when it is missing. */
export function findElectronBinary(attemptDownload: boolean): string | null {
  const first = locateElectronBinary(process.env);
  if (first.found) return first.path;
  if (!attemptDownload || !first.packageDir) return null;
  spawnSync(process.execPath, [join(first.packageDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  const second = locateElectronBinary(process.env);
  return second.found ? second.path : null;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIfNeeded(): void {
  const built = join(projectRoot, 'out', 'renderer', 'index.html');
  const sources = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts'].map((p) =>
    newestMtime(join(projectRoot, p)),
  );
  if (existsSync(built) && newestMtime(join(projectRoot, 'out')) >= Math.max(...sources)) return;
  process.stderr.write(`${translate(locale, 'cli.building')}\n`);
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(translate(locale, 'cli.buildFailed'));
}

async function main(argv: string[]): Promise<void> {
  const browserOnly = argv.includes('--browser');
  const hostArgs = argv.filter((arg) => arg !== '--browser');
  const electron = browserOnly ? null : findElectronBinary(true);
  buildIfNeeded();
  if (electron) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron, [projectRoot, ...hostArgs], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!browserOnly) process.stdout.write(`${translate(locale, 'cli.electronMissing')}\n`);
  await serve(hostArgs);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
