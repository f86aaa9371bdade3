// Crash-test child: logs in and submits registrations as fast as it can, printing each id only
// after the call that saved it has returned (that is, after the commit). The parent kills it with
// SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createKioskCore, newClientContext } from '../../electron/core';
import { systemClock } from '../../electron/core/platform/clock';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createFileLogger } from '../../electron/core/platform/logger';
import { TEST_SCRYPT } from '../support/core';
import { person } from '../support/people';
import { sampleSubmission } from '../support/submission';

async function main(dataDir: string, firstIndex: number): Promise<void> {
  const core = createKioskCore({
    dataDir,
    // The bundled child runs from node_modules/.cache, where PROJECT_RESOURCES_DIR (relative to the
    // module) does not exist; the parent starts it in the project root.
    resourcesDir: join(process.cwd(), 'resources'),
    clock: systemClock,
    keyStore: new FileKeyStore(dataDir),
    logger: createFileLogger(dataDir, systemClock),
    scrypt: TEST_SCRYPT,
  });
  const client = newClientContext();
  const login = await core.dispatch('session.login', { staffId: 'op01', pin: '135790' }, client);
  if (!login.ok) throw new Error(`login refused: ${login.error.code}`);
  writeSync(1, 'ready\n');
  for (let index = firstIndex; ; index++) {
    // A restart may begin again at a person whose last submit committed unreported: say why it is registered twice.
    const input = sampleSubmission(core, systemClock, { who: person(index), duplicateReason: '重启后再次提交' });
    const result = await core.dispatch('registrations.submit', input, client);
    if (!result.ok) throw new Error(`submit refused: ${result.error.code}`);
    writeSync(1, `saved ${(result.value as { id: string }).id}\n`);
  }
}

const [dataDir, firstIndex] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: child <data-dir> <first-index>');
main(dataDir, Number(firstIndex ?? 0)).catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
