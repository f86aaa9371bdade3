// Exactly once against the real reference platform on loopback: lost answers, restarts, a record
// the platform already holds with other content, a poison record, and triggers that arrive together.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, kioskStates, poisonRecord, rewritePayload, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

// Long enough for a 200-record batch with every signature checked on a busy CI machine; the tests of
// a lost answer wait for the timeout instead, so they use a shorter one.
const ANSWER_TIMEOUT_MS = 15_000;
const LOST_ANSWER_TIMEOUT_MS = 3_000;

async function enrolled(options: Parameters<typeof createSyncKiosk>[0] = {}): Promise<SyncKiosk> {
  platform = await startTestPlatform();
  kiosk = createSyncKiosk({ tuning: { requestTimeoutMs: ANSWER_TIMEOUT_MS }, ...options });
  await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
  return kiosk;
}

function states(k: SyncKiosk): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { state } of kioskStates(k.core).values()) counts[state] = (counts[state] ?? 0) + 1;
  return counts;
}

/** Each batch the platform committed and how often it was delivered. */
function platformBatches(): Array<{ batch_id: string; deliveries: number }> {
  return platform.platform.db.prepare('SELECT batch_id, deliveries FROM batches ORDER BY batch_id').all() as Array<{ batch_id: string; deliveries: number }>;
}

/** Same ids and content hashes on both sides. */
async function expectSameSets(k: SyncKiosk): Promise<void> {
  const held = await platform.held();
  const kioskSide = [...kioskStates(k.core)].map(([id, row]) => `${id} ${row.contentSha256}`).sort();
  expect(held.map((record) => `${record.record_id} ${record.content_sha256}`).sort()).toEqual(kioskSide);
}

describe('a lost answer after the platform committed', () => {
  it('resends the same batch and marks all 500 records from the stored receipt', async () => {
    const k = await enrolled({ tuning: { requestTimeoutMs: LOST_ANSWER_TIMEOUT_MS } });
    k.core.settings.set('syncBatchMaxRecords', 200);
    await saveRegistrations(k.core, k.clock, 500);
    await platform.setFaults('drop-after-commit:1,routes=batches');
    const lost = await k.core.sync.runNow();
    expect(lost.error).toBe('timeout');
    expect(states(k)).toEqual({ queued: 300, sending: 200 });
    expect(await platform.held()).toHaveLength(200);

    await platform.setFaults('');
    const resent = await k.core.sync.runNow();
    expect(resent).toMatchObject({ error: null, pending: 0, outcomes: { accepted: 500, duplicate: 0, conflict: 0, rejected: 0 } });
    expect(states(k)).toEqual({ accepted: 500 });
    expect(await platform.held()).toHaveLength(500);
    // The lost batch went twice under its one id and was decided once.
    expect(platformBatches().map((batch) => batch.deliveries).sort()).toEqual([1, 1, 2]);
    await expectSameSets(k);
  });

  it('after a crash asks the platform which ids it holds: 500 lost answers, 500 records marked, none sent twice', async () => {
    let k = await enrolled({ tuning: { requestTimeoutMs: LOST_ANSWER_TIMEOUT_MS } });
    k.core.settings.set('syncBatchMaxRecords', 200);
    await saveRegistrations(k.core, k.clock, 500);
    await platform.setFaults('drop-after-commit:1,routes=batches');
    // Every batch is committed and its answer lost; the kiosk restarts after each.
    for (let pass = 0; pass < 4; pass++) {
      await k.core.sync.runNow();
      kiosk = k = k.restart();
    }
    expect(states(k)).toEqual({ accepted: 500 });
    expect(await platform.held()).toHaveLength(500);
    expect(platformBatches().map((batch) => batch.deliveries)).toEqual([1, 1, 1]);
    await expectSameSets(k);
  });
});

describe('the same id with other content', () => {
  it('is a conflict: quarantined with its reason, and never sent again by itself', async () => {
    const k = await enrolled();
    const [first] = await saveRegistrations(k.core, k.clock, 3);
    expect((await k.core.sync.runNow()).outcomes.accepted).toBe(3);
    // The kiosk's copy of a record the platform holds changes (as after restoring an edited backup).
    const { sqlite } = k.core.database;
    rewritePayload(k.core, first!, { mobile: '13700001111' });
    const createdAt = sqlite.prepare('SELECT created_at FROM registrations WHERE id = ?').pluck().get(first) as string;
    sqlite.prepare("UPDATE registrations SET state = 'queued', acknowledged_at = NULL WHERE id = ?").run(first);
    sqlite.prepare('INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)').run(first, createdAt, createdAt);

    const outcome = await k.core.sync.runNow();
    expect(outcome).toMatchObject({ error: null, pending: 0, outcomes: { conflict: 1 } });
    const [quarantined] = k.core.sync.quarantine.list('en');
    expect(quarantined).toMatchObject({ registrationId: first, outcome: 'conflict', reason: 'sync.reason.conflict' });
    expect(quarantined?.message).toMatch(/different content/);
    const batchesBefore = platformBatches().length;
    for (let pass = 0; pass < 3; pass++) expect((await k.core.sync.runNow()).batches).toBe(0);
    expect(platformBatches()).toHaveLength(batchesBefore);
    expect(states(k)).toEqual({ accepted: 2, quarantined: 1 });
    // The platform kept what it held.
    const held = (await platform.held()).find((record) => record.record_id === first);
    expect(held?.content_sha256).not.toBe(kioskStates(k.core).get(first ?? '')?.contentSha256);
  });
});

describe('one poison record among 100', () => {
  it('syncs the other 99 and quarantines it with the field and reason', async () => {
    const k = await enrolled();
    const ids = await saveRegistrations(k.core, k.clock, 100);
    const poison = ids[37] ?? '';
    poisonRecord(k.core, poison);

    const outcome = await k.core.sync.runNow();
    expect(outcome).toMatchObject({ error: null, pending: 0, outcomes: { accepted: 99, rejected: 1 } });
    expect(states(k)).toEqual({ accepted: 99, quarantined: 1 });
    const [quarantined] = k.core.sync.quarantine.list('zh-CN');
    expect(quarantined).toMatchObject({ registrationId: poison, outcome: 'rejected' });
    expect(quarantined?.fields.map((field) => field.field)).toContain('payload.mobile');
    expect((await platform.held()).map((record) => record.record_id)).not.toContain(poison);
    expect(await platform.held()).toHaveLength(99);
  });
});

describe('two triggers at once', () => {
  it('run one loop: both get the same pass, and each record is sent by it once', async () => {
    const k = await enrolled();
    k.core.settings.set('syncBatchMaxRecords', 100);
    await saveRegistrations(k.core, k.clock, 450);
    k.core.sync.start();
    const byHand = k.core.sync.runNow();
    const again = k.core.sync.runNow();
    // The start-up timer fires while the pass runs: it joins instead of starting a second loop.
    k.timers.fireNext();
    const [first, second] = await Promise.all([byHand, again]);
    expect(second).toBe(first);
    expect(first).toMatchObject({ batches: 5, error: null, outcomes: { accepted: 450 } });
    expect(platformBatches().map((batch) => batch.deliveries)).toEqual([1, 1, 1, 1, 1]);
    const items = k.core.database.sqlite.prepare('SELECT registration_id, count(*) AS n FROM batch_items GROUP BY registration_id HAVING n > 1').all();
    expect(items).toEqual([]);
    // Enrolment, five batches, the agreement feed and the heartbeat: nothing twice.
    expect(platform.platform.faults.requests).toBe(1 + 5 + 2);
  });
});
