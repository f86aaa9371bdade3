// Test support for sync: a kiosk core whose sync engine runs on a manual timer queue (tests decide
// when the loop's timers fire), registrations saved in bulk, and a reference platform on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKioskCore, newClientContext, type KioskCore } from '../../electron/core';
import { ManualClock } from '../../electron/core/platform/clock';
import { FileKeyStore } from '../../electron/core/platform/keyStore';
import { createMemoryLogger } from '../../electron/core/platform/logger';
import { agreementStillCurrent } from '../../electron/core/agreements/library';
import { recordContentSha256 } from '../../electron/core/registrations/contentHash';
import { checkSubmission, writeSubmission } from '../../electron/core/registrations/submit';
import { PROJECT_RESOURCES_DIR } from '../../electron/core/startup';
import type { SyncEnvironment, SyncTuning } from '../../electron/core/sync';
import { RegistrationSubmissionSchema } from '../../shared/domain/submission';
import { callOk, TEST_SCRYPT } from '../support/core';
import { sampleSubmission } from '../support/submission';

/** Timers the test fires by hand, in due order. */
export class ManualTimers {
  private pending: Array<{ at: number; run: () => void; id: number }> = [];
  private nextId = 0;
  now = 0;

  set = (run: () => void, ms: number): (() => void) => {
    const id = this.nextId++;
    this.pending.push({ at: this.now + ms, run, id });
    return () => {
      this.pending = this.pending.filter((timer) => timer.id !== id);
    };
  };

  /** Delays of the timers waiting now, from the current time. */
  delays(): number[] {
    return this.pending.map((timer) => timer.at - this.now).sort((a, b) => a - b);
  }

  /** Fires the next timer (moving the timer clock to it); false when none waits. */
  fireNext(): boolean {
    const next = [...this.pending].sort((a, b) => a.at - b.at)[0];
    if (!next) return false;
    this.pending = this.pending.filter((timer) => timer.id !== next.id);
    this.now = next.at;
    next.run();
    return true;
  }
}

/** xorshift32: a seeded random for jitter, so a run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

export const FAST_TUNING: SyncTuning = { backoffBaseMs: 10, backoffCapMs: 200, intervalMs: 60_000, requestTimeoutMs: 2000 };

export interface SyncKiosk {
  core: KioskCore;
  clock: ManualClock;
  timers: ManualTimers;
  dataDir: string;
  /** Closes the core and opens it again on the same data dir (a restart). */
  restart(): SyncKiosk;
  dispose(): void;
}

export function createSyncKiosk(options: { dataDir?: string; clock?: ManualClock; tuning?: Partial<SyncTuning>; fetch?: SyncEnvironment['fetch']; seed?: number } = {}): SyncKiosk {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-sync-'));
  const clock = options.clock ?? new ManualClock('2026-12-04T09:00:00+08:00');
  const timers = new ManualTimers();
  const core = createKioskCore({
    dataDir,
    resourcesDir: PROJECT_RESOURCES_DIR,
    clock,
    keyStore: new FileKeyStore(dataDir),
    logger: createMemoryLogger(clock),
    scrypt: TEST_SCRYPT,
    appVersion: 'test',
    syncEnvironment: {
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      setTimer: timers.set,
      random: seededRandom(options.seed ?? 7),
      tuning: { ...FAST_TUNING, ...options.tuning },
    },
  });
  return {
    core,
    clock,
    timers,
    dataDir,
    restart() {
      core.close();
      return createSyncKiosk({ ...options, dataDir, clock });
    },
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves `count` registrations the way submit does (record, signed snapshot in the chain, audit,
 * outbox), checking the facts of the signing once: decoding the signature image is what makes a
 * real submit slow, and it is the same drawing every time. Returns the ids in order.
 */
export async function saveRegistrations(core: KioskCore, clock: ManualClock, count: number): Promise<string[]> {
  const admin = newClientContext();
  if (core.operators.count() === 0) {
    const made = await core.dispatch('setup.createFirstAdmin', { staffId: 'it01', name: '王工', pin: '246810' }, admin);
    if (!made.ok) throw new Error(made.error.code);
  }
  const { db, sqlite } = core.database;
  const profile = core.profiles.active();
  const input = RegistrationSubmissionSchema.parse(sampleSubmission(core, clock, { duplicateReason: '测试批量保存' }));
  const ctx = {
    db,
    consent: core.consent,
    profile,
    locale: 'zh-CN' as const,
    now: clock.now(),
    operatorId: 'it01',
    agreementInForce: (ref: { id: string; version: string }, moment: Date) =>
      agreementStillCurrent({ kind: input.registration.kind, agreementId: ref.id, version: ref.version }, profile, moment, core.agreements.timings()).current,
    serverOffsetMs: null,
  };
  const checked = sqlite.transaction(() => checkSubmission(input, ctx))();
  const ids: string[] = [];
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    sqlite
      .transaction(() => {
        for (let i = start; i < Math.min(count, start + chunk); i++) {
          clock.advance(1);
          ids.push(writeSubmission(input, checked, { ...ctx, now: clock.now(), agreementTitle: 'test' }).id);
        }
      })
      .immediate();
  }
  return ids;
}

/** The first IT admin (it01), a second one (it02) and an operator (op01), each logged in where named. */
export async function syncAccounts(core: KioskCore, clock: ManualClock) {
  const admin = newClientContext();
  await saveRegistrations(core, clock, 0);
  await callOk(core, admin, 'session.login', { staffId: 'it01', pin: '246810' });
  await callOk(core, admin, 'operators.add', { staffId: 'it02', name: '赵工', role: 'it_admin', pin: '975310' });
  await callOk(core, admin, 'operators.add', { staffId: 'op01', name: '李前台', role: 'operator', pin: '135790' });
  const operator = newClientContext();
  await callOk(core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
  return { admin, operator };
}

/**
 * Changes a saved record's payload in place, under a content hash that matches the new payload (so
 * only checks of the payload itself can tell): what an edited backup or a bug would leave behind.
 */
export function rewritePayload(core: KioskCore, id: string, change: Record<string, unknown>): void {
  const { sqlite } = core.database;
  const row = sqlite.prepare('SELECT r.*, s.sha256 AS snapshot FROM registrations r JOIN consent_snapshots s ON s.registration_id = r.id WHERE r.id = ?').get(id) as Record<string, string | null>;
  const payload = { ...(JSON.parse(String(row.payload)) as Record<string, unknown>), ...change };
  const contentSha256 = recordContentSha256({
    record_id: String(row.id),
    kind: row.kind === 'enterprise' ? 'enterprise' : 'individual',
    number: String(row.number),
    created_at: String(row.created_at),
    supersedes: row.supersedes ?? null,
    payload,
    snapshot_sha256: String(row.snapshot),
  });
  sqlite.prepare('UPDATE registrations SET payload = ?, content_sha256 = ? WHERE id = ?').run(JSON.stringify(payload), contentSha256, id);
}

/** Makes one saved record invalid for the platform: a mobile number its rules refuse. */
export function poisonRecord(core: KioskCore, id: string): void {
  rewritePayload(core, id, { mobile: '12345' });
}

/** State of every registration on the kiosk, by id. */
export function kioskStates(core: KioskCore): Map<string, { state: string; contentSha256: string }> {
  const rows = core.database.sqlite.prepare('SELECT id, state, content_sha256 AS contentSha256 FROM registrations').all() as Array<{
    id: string;
    state: string;
    contentSha256: string;
  }>;
  return new Map(rows.map((row) => [row.id, { state: row.state, contentSha256: row.contentSha256 }]));
}
