// A batch the platform keeps answering 500 (a record it fails on, not a refusal) must not hold up
// the queue: after SET_ASIDE_AFTER_FAILURES answers the kiosk marks what the platform holds, splits
// the rest in halves until the record is alone, and lets it wait longer each time while the others
// go. Nothing is quarantined and nothing is sent twice into the platform's records.
import { afterEach, describe, expect, it } from 'vitest';
import { SET_ASIDE_AFTER_FAILURES } from '../../electron/core/sync/engine';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, kioskStates, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

describe('a batch answered 500 again and again', () => {
  it('is set aside: the others are accepted, the record the platform fails on waits, and goes once the platform is fixed', async () => {
    platform = await startTestPlatform();
    let poisoned: string | null = null;
    let batchRequests = 0;
    // The network as it is, except that the platform fails on any batch holding the poisoned record.
    const fetchThrough = async (url: string, init: RequestInit): Promise<Response> => {
      if (url.endsWith('/v1/batches')) {
        batchRequests += 1;
        const body = init.body instanceof Uint8Array ? Buffer.from(init.body).toString('utf8') : String(init.body);
        if (poisoned && body.includes(poisoned)) {
          return new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
      }
      return fetch(url, init);
    };
    kiosk = createSyncKiosk({ fetch: fetchThrough });
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    kiosk.core.settings.set('syncBatchMaxRecords', 8);
    const ids = await saveRegistrations(kiosk.core, kiosk.clock, 8);
    poisoned = ids[5]!;

    // Below the threshold the same batch stays open and is resent: the platform may be down.
    for (let attempt = 1; attempt < SET_ASIDE_AFTER_FAILURES; attempt++) {
      expect(await kiosk.core.sync.runNow()).toMatchObject({ error: 'http_500', batches: 0 });
      expect(kiosk.core.sync.status().pendingCount).toBe(8);
    }
    const requestsBefore = batchRequests;
    const setAside = await kiosk.core.sync.runNow();
    // Halved until the record is alone (8 → 4 + 4 → 2 + 2 → 1 + 1): the halves without it are
    // accepted, and the pass ends when the record fails alone (a platform failing on everything is
    // asked a few times a pass, not once per record).
    expect(setAside).toMatchObject({ error: 'http_500', outcomes: { rejected: 0, conflict: 0 } });
    expect(batchRequests - requestsBefore).toBeLessThanOrEqual(2 * Math.log2(8) + 1);
    expect(kioskStates(kiosk.core).get(poisoned)?.state).toBe('queued');
    const due = kiosk.core.database.sqlite.prepare('SELECT next_attempt_at FROM outbox WHERE registration_id = ?').pluck().get(poisoned) as string;
    expect(Date.parse(due)).toBeGreaterThan(kiosk.clock.now().getTime());

    // It waits; the others go in the next pass, which ends clean with the record still pending.
    const next = await kiosk.core.sync.runNow();
    expect(next).toMatchObject({ error: null, pending: 1 });
    expect(setAside.outcomes.accepted + next.outcomes.accepted).toBe(7);
    const states = kioskStates(kiosk.core);
    expect([...states.values()].filter((row) => row.state === 'accepted')).toHaveLength(7);
    expect(states.get(poisoned)?.state).toBe('queued');
    expect((await platform.held()).map((record) => record.record_id).sort()).toEqual(ids.filter((id) => id !== poisoned).sort());
    // Nothing is quarantined for a 500: nobody refused the record.
    expect(kiosk.core.sync.quarantine.list('zh-CN')).toEqual([]);

    // Fixed platform, delay passed: it goes, once.
    poisoned = null;
    kiosk.clock.advance(2 * 3600_000);
    expect(await kiosk.core.sync.runNow()).toMatchObject({ error: null, outcomes: { accepted: 1 }, pending: 0 });
    const held = (await platform.held()).map((record) => record.record_id).sort();
    expect(held).toEqual([...ids].sort());
    expect(platform.platform.db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(8);
  });
});
