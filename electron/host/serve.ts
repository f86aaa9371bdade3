// `npm run serve -- --port P --data-dir D`: the loopback host. Prints exactly one line, the URL
// that logs a browser in, and runs until interrupted.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { translate } from '../../shared/i18n';
import { resolveDataDir } from '../core/platform/dataDir';
import { scheduleMaintenance } from '../core/maintenance';
import { openCoreWithFileKeys, processLocale, startupErrorMessage } from '../core/startup';
import { createHostServer, newHostToken } from './server';

export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export async function serve(argv: string[]): Promise<void> {
  const locale = processLocale(process.env);
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(translate(locale, 'cli.badArguments', { detail: `--port ${values.port}` }));
  }
  if (!existsSync(RENDERER_DIR)) throw new Error(translate(locale, 'cli.rendererMissing', { path: RENDERER_DIR }));
  const dataDir = resolveDataDir(values['data-dir'], process.env, process.platform);
  let core;
  try {
    core = openCoreWithFileKeys(dataDir);
  } catch (error) {
    throw new Error(startupErrorMessage(error, dataDir, locale) ?? String(error));
  }
  const token = newHostToken();
  const host = createHostServer({ core, staticDir: RENDERER_DIR, token, logger: core.logger });
  const actualPort = await host.listen(port);
  process.stdout.write(`Kiosk UI: http://127.0.0.1:${actualPort}/#token=${token}\n`);
  const maintenance = scheduleMaintenance(core);
  core.sync.start();

  const stop = () => {
    clearInterval(maintenance);
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  serve(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
