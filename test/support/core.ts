// A core on a temp data dir with a manual clock, a file key store and an in-memory logger.
// PIN hashing is cheaper than production here; pinHash.test.ts pins the production parameters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKioskCore, newClientContext, type ClientContext, type KioskCore } from '../../electron/core';
import { ManualClock } from '../../electron/core/platform/clock';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createMemoryLogger } from '../../electron/core/platform/logger';
import { PROJECT_RESOURCES_DIR } from '../../electron/core/startup';
import type { ScryptParams } from '../../electron/core/operators/pinHash';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';

export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export function tempDir(prefix = 'kiosk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCore {
  core: KioskCore;
  clock: ManualClock;
  dataDir: string;
  logLines: string[];
  /** Closes the core and opens it again on the same data dir, as after a restart. */
  reopen(): TestCore;
  dispose(): void;
}

export function createTestCore(options: { dataDir?: string; clock?: ManualClock; busyTimeoutMs?: number } = {}): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new ManualClock();
  const logger = createMemoryLogger(clock);
  const core = createKioskCore({
    dataDir,
    resourcesDir: PROJECT_RESOURCES_DIR,
    clock,
    keyStore: new FileKeyStore(dataDir),
    logger,
    scrypt: TEST_SCRYPT,
    ...(options.busyTimeoutMs ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  return {
    core,
    clock,
    dataDir,
    logLines: logger.lines,
    reopen() {
      core.close();
      return createTestCore({ ...options, dataDir, clock });
    },
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls an operation and returns its value, failing the test with the error when it is refused. */
export async function callOk<K extends OperationName>(
  core: KioskCore,
  client: ClientContext,
  operation: K,
  input: OperationInput<K>,
): Promise<OperationOutput<K>> {
  const result = await core.dispatch(operation, input, client);
  if (!result.ok) throw new Error(`${operation} refused: ${JSON.stringify(result.error)}`);
  return result.value as OperationOutput<K>;
}

/** A client logged in as a fresh IT admin (the first account) — and, when asked, an operator too. */
export async function setUpAccounts(core: KioskCore) {
  const admin = newClientContext();
  await callOk(core, admin, 'setup.createFirstAdmin', { staffId: 'it01', name: '王工', pin: '246810' });
  await callOk(core, admin, 'operators.add', { staffId: 'op01', name: '李前台', role: 'operator', pin: '135790' });
  const operator = newClientContext();
  await callOk(core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
  return { admin, operator };
}

export const sampleIndividual = {
  kind: 'individual',
  name: '张三丰',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  mobile: '13912345678',
  enterprise: { source: 'code', creditCode: '91350100M000100Y43' },
} as const;
