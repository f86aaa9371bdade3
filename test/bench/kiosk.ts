// A kiosk as the loopback host composes it (file key store, file logger, system clock; a cheap PIN
// hash, which no suite measures) on a bench folder, with accounts, and submissions of distinct registrants built ahead
// of any timing.
import { readFileSync } from 'node:fs';
import { createKioskCore, newClientContext, type ClientContext, type KioskCore } from '../../electron/core';
import { systemClock } from '../../electron/core/platform/clock';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createFileLogger } from '../../electron/core/platform/logger';
import { PROJECT_RESOURCES_DIR } from '../../electron/core/startup';
import type { SyncEnvironment } from '../../electron/core/sync';
import { RegistrationSubmissionSchema, type RegistrationSubmission, type RegistrationSubmissionInput } from '../../shared/domain/submission';
import { setUpAccounts, TEST_SCRYPT } from '../support/core';
import { person } from '../support/people';
import { chunk } from '../support/png';
import { sampleSubmission } from '../support/submission';

/**
 * The signature bench submissions carry: a drawing made on the desk's pad in Debian Chromium
 * (test/fixtures/README.md), so the image check, the stored bytes and the sync payload are those
 * of the kiosk, not of a small generated test image.
 */
const PAD_SIGNATURE = readFileSync(new URL('../fixtures/signature-pad-1150x256.png', import.meta.url));
const IHDR_END = 8 + 25;

/**
 * The pad's signature made distinct for submission `n` by a text chunk after the header (which
 * the image check skips): every submit stores an image of its own, as at the desk, instead of
 * finding the same content-addressed image already saved.
 */
export function padSignatureBase64(n: number): string {
  const tag = chunk('tEXt', Buffer.from(`Comment\u0000bench ${n}`, 'latin1'));
  return Buffer.concat([PAD_SIGNATURE.subarray(0, IHDR_END), tag, PAD_SIGNATURE.subarray(IHDR_END)]).toString('base64');
}

/** Registrants' ID numbers repeat after this many (test/support/people.ts); one kiosk stays below it. */
export const DISTINCT_REGISTRANTS = 15_000;

export interface BenchKiosk {
  core: KioskCore;
  dataDir: string;
  operatorId: string;
  operator: ClientContext;
  /** The IT admin `it01`, logged in once benchKioskWithAccounts made the accounts. */
  admin: ClientContext;
  /** The next `count` submissions, as the renderer sends them (input) and as core receives them (parsed). */
  submissions(count: number): { input: RegistrationSubmissionInput; parsed: RegistrationSubmission }[];
  close(): void;
}

/**
 * The sync engine with global fetch but no timers: a bench kiosk syncs only when told to
 * (`core.sync.runNow()`), never in the background of another measurement.
 */
const syncOnlyWhenAsked: SyncEnvironment = {
  fetch: (url, init) => fetch(url, init),
  setTimer: () => () => undefined,
  random: () => Math.random(),
};

export function openBenchKiosk(dataDir: string): BenchKiosk {
  return openCore(
    dataDir,
    createKioskCore({
      dataDir,
      resourcesDir: PROJECT_RESOURCES_DIR,
      clock: systemClock,
      keyStore: new FileKeyStore(dataDir),
      logger: createFileLogger(dataDir, systemClock),
      syncEnvironment: syncOnlyWhenAsked,
      // PIN hashing is not measured here; production's cost would only lengthen every set-up.
      scrypt: TEST_SCRYPT,
    }),
  );
}

function openCore(dataDir: string, core: KioskCore): BenchKiosk {
  let next = 0;
  return {
    core,
    dataDir,
    operatorId: 'op01',
    operator: newClientContext(),
    admin: newClientContext(),
    submissions(count) {
      if (next + count > DISTINCT_REGISTRANTS) throw new Error(`one bench kiosk registers at most ${DISTINCT_REGISTRANTS} people`);
      return Array.from({ length: count }, () => {
        const n = next++;
        const input = sampleSubmission(core, systemClock, { who: person(n), signaturePng: padSignatureBase64(n) });
        return { input, parsed: RegistrationSubmissionSchema.parse(input) };
      });
    },
    close: () => core.close(),
  };
}

/**
 * Saves `count` registrations through core.registrations.submit, every check and signature
 * included; groups of them share one outer transaction (each submit is then a savepoint), so a
 * large queue is filled without one disk flush per record.
 */
export function fillQueue(kiosk: BenchKiosk, count: number, group = 250): void {
  const { sqlite } = kiosk.core.database;
  for (let done = 0; done < count; done += group) {
    const submissions = kiosk.submissions(Math.min(group, count - done));
    sqlite.transaction(() => {
      for (const { parsed } of submissions) kiosk.core.registrations.submit(parsed, kiosk.operatorId, 'zh-CN');
    })();
  }
}

/** A bench kiosk with its first IT admin `it01` and the operator `op01`, both logged in. */
export async function benchKioskWithAccounts(dataDir: string): Promise<BenchKiosk> {
  const kiosk = openBenchKiosk(dataDir);
  const { admin, operator } = await setUpAccounts(kiosk.core);
  return { ...kiosk, admin, operator };
}
