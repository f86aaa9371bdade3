// Chaos-run child: a kiosk with its sync loop running against the platform, killed by the parent
// at random moments. Prints `ready` once its loop runs, `batch` after each applied batch, and
// `done` (then exits) after a clean pass that left nothing pending.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createKioskCore } from '../../electron/core';
import { systemClock } from '../../electron/core/platform/clock';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createFileLogger } from '../../electron/core/platform/logger';
import { productionSyncEnvironment } from '../../electron/core/sync';
import { TEST_SCRYPT } from '../support/core';

const [dataDir, timeoutMs] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: chaosChild <data-dir> <request-timeout-ms>');

const core = createKioskCore({
  dataDir,
  // Bundled into node_modules/.cache; the parent starts it in the project root.
  resourcesDir: join(process.cwd(), 'resources'),
  clock: systemClock,
  keyStore: new FileKeyStore(dataDir),
  logger: createFileLogger(dataDir, systemClock),
  scrypt: TEST_SCRYPT,
  appVersion: 'chaos',
  syncEnvironment: {
    ...productionSyncEnvironment,
    // Real timers, kept short so a run of thousands of records and dozens of kills stays minutes long.
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    tuning: { backoffBaseMs: 20, backoffCapMs: 300, intervalMs: 50, requestTimeoutMs: Number(timeoutMs ?? 1000) },
  },
});
core.events.subscribe((event) => {
  if (event.type === 'sync.progress' && event.batchId) writeSync(1, 'batch\n');
  if (event.type === 'sync.run' && event.phase === 'finished' && event.outcome?.error === null && event.outcome.pending === 0) {
    writeSync(1, 'done\n');
    core.close();
    process.exit(0);
  }
});
core.sync.start();
writeSync(1, 'ready\n');
