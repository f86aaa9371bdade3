// `npm start`: the Electron window where an Electron binary exists, otherwise the loopback host.
// Builds first when the sources are newer than the build. Only the host's URL goes to stdout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n';
import { processLocale } from '../core/startup';
import { serve } from './serve';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const locale = processLocale(process.env);

/**
 * The Electron executable, found the way the electron package finds it but without requiring the
 * package, which would try to download the binary. One download attempt is made when it is missing.
 */
export function findElectronBinary(attemptDownload: boolean): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const locate = () => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const binary = join(dist, relative);
    return existsSync(binary) ? binary : null;
  };
  const found = locate();
  if (found || !attemptDownload) return found;
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return locate();
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
