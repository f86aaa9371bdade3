// The sync loop's behaviour against the reference platform: probing with backoff and passing on
// reconnect, Retry-After, the timer, receipts checked before anything is applied, the clock
// offset, the agreement feed, the heartbeat, and batches bounded by count and bytes.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../shared/api/events';
import { newClientContext } from '../../electron/core';
import { sampleSubmission } from '../support/submission';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, FAST_TUNING, kioskStates, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

/** Resolves with the outcome of the next pass that finishes (started by whatever trigger). */
function nextPassOutcome(k: SyncKiosk): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = k.core.events.subscribe((event) => {
      if (event.type === 'sync.run' && event.phase === 'finished') {
        stop();
        resolve(event.outcome);
      }
    });
  });
}

/** Lets the tick a timer started run until it scheduled the next one. */
async function untilScheduled(k: SyncKiosk): Promise<void> {
  for (let i = 0; i < 10_000 && k.timers.delays().length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('connectivity', () => {
  it('probes an unreachable platform with growing full-jitter backoff and syncs as soon as it answers', async () => {
    platform = await startTestPlatform();
    let down = false;
    const calls: string[] = [];
    kiosk = createSyncKiosk({
      fetch: async (url, init) => {
        calls.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
        if (down) throw new TypeError('fetch failed');
        return fetch(url, init);
      },
    });
    const events: KioskEvent[] = [];
    kiosk.core.events.subscribe((event) => events.push(event));
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    await saveRegistrations(kiosk.core, kiosk.clock, 5);
    down = true;
    kiosk.core.sync.start();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      calls.length = 0;
      kiosk.timers.fireNext();
      await untilScheduled(kiosk);
      const [delay] = kiosk.timers.delays();
      delays.push(delay ?? -1);
      // Each attempt while down is one probe, never a batch.
      expect(calls).toEqual(['GET /v1/agreements']);
      expect(delay).toBeLessThan(Math.min(FAST_TUNING.backoffCapMs, FAST_TUNING.backoffBaseMs * 2 ** (attempt - 1)) + 1);
    }
    expect(Math.max(...delays.slice(3))).toBeGreaterThan(FAST_TUNING.backoffBaseMs);
    expect(kiosk.core.sync.status()).toMatchObject({ connectivity: 'offline', pendingCount: 5, lastError: 'unreachable' });
    expect(events.filter((event) => event.type === 'sync.connectivity').map((event) => event.type === 'sync.connectivity' && event.connectivity)).toEqual(['offline']);

    down = false;
    const reconnected = nextPassOutcome(kiosk);
    kiosk.timers.fireNext();
    expect(await reconnected).toMatchObject({ error: null, outcomes: { accepted: 5 } });
    expect(events.filter((event) => event.type === 'sync.connectivity').map((event) => event.type === 'sync.connectivity' && event.connectivity)).toEqual(['offline', 'online']);
    expect(kiosk.core.sync.status()).toMatchObject({ connectivity: 'online', pendingCount: 0, lastError: null });
    expect(await platform.held()).toHaveLength(5);
    // Then the timer: the next pass is one interval away.
    expect(kiosk.timers.delays()).toEqual([FAST_TUNING.intervalMs]);
  });

  it('waits at least as long as Retry-After before trying again', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    await saveRegistrations(kiosk.core, kiosk.clock, 2);
    await platform.setFaults('503:1,retry-after=7,routes=batches');
    kiosk.core.sync.start();
    const refused = nextPassOutcome(kiosk);
    kiosk.timers.fireNext();
    expect(await refused).toMatchObject({ error: 'http_503' });
    await untilScheduled(kiosk);
    expect(kiosk.core.sync.status()).toMatchObject({ connectivity: 'online', lastError: 'http_503', pendingCount: 2 });
    expect(kiosk.timers.delays()).toEqual([7000]);
  });
});

describe('receipts', () => {
  it('applies nothing from a receipt the platform did not sign, and keeps the batch for a resend', async () => {
    platform = await startTestPlatform();
    let tamper = true;
    kiosk = createSyncKiosk({
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (!tamper || !url.endsWith('/v1/batches')) return response;
        const body = (await response.json()) as { receipt: { signature: string } };
        body.receipt.signature = `${body.receipt.signature.startsWith('A') ? 'B' : 'A'}${body.receipt.signature.slice(1)}`;
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      },
    });
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    await saveRegistrations(kiosk.core, kiosk.clock, 4);
    expect((await kiosk.core.sync.runNow()).error).toBe('bad_answer');
    expect([...kioskStates(kiosk.core).values()].map((row) => row.state)).toEqual(['sending', 'sending', 'sending', 'sending']);
    tamper = false;
    expect((await kiosk.core.sync.runNow()).outcomes.accepted).toBe(4);
    const stored = kiosk.core.database.sqlite.prepare("SELECT receipt, receipt_signature FROM batches WHERE state = 'done'").all() as Array<{ receipt: string }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.receipt).toContain('platform-batch-receipt');
  });
});

describe('what a pass brings back', () => {
  it('records the clock offset (used by the next snapshot), stores new agreement versions and sends a heartbeat', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    const file = readFileSync(new URL('../../resources/agreements/001_1d621e8857804fde.txt', import.meta.url));
    await platform.admin('POST', '/v1/admin/agreements', { agreement_id: 'platform-news', version: '2.0', effective_from: '2027-01-01', file_name: 'news.txt', content_base64: file.toString('base64') });
    await saveRegistrations(kiosk.core, kiosk.clock, 1);

    const outcome = await kiosk.core.sync.runNow();
    expect(outcome).toMatchObject({ error: null, agreementsStored: 1 });
    expect(kiosk.core.agreements.get('platform-news', '2.0')).not.toBeNull();
    const expectedOffset = platform.clock.now().getTime() - kiosk.clock.now().getTime();
    expect(kiosk.core.sync.status().clockOffsetMs).toBe(expectedOffset);
    const heartbeats = (await platform.admin('GET', '/v1/admin/heartbeats')).heartbeats as Array<{ heartbeat: { queue_depth: number; clock_offset_ms: number } }>;
    expect(heartbeats[0]?.heartbeat).toMatchObject({ queue_depth: 0, clock_offset_ms: expectedOffset });
    // A second pass finds nothing new in the feed.
    expect((await kiosk.core.sync.runNow()).agreementsStored).toBe(0);

    const operator = newClientContext();
    await kiosk.core.dispatch('session.login', { staffId: 'it01', pin: '246810' }, operator);
    const saved = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock), operator);
    if (!saved.ok) throw new Error(saved.error.code);
    const body = kiosk.core.database.sqlite.prepare('SELECT body FROM consent_snapshots WHERE registration_id = ?').pluck().get((saved.value as { id: string }).id) as string;
    expect((JSON.parse(body) as { time: { server_offset_ms: number } }).time.server_offset_ms).toBe(expectedOffset);
  });

  it('cuts batches by count and by bytes', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    await saveRegistrations(kiosk.core, kiosk.clock, 25);
    kiosk.core.settings.set('syncBatchMaxRecords', 10);
    expect((await kiosk.core.sync.runNow()).batches).toBe(3);
    await saveRegistrations(kiosk.core, kiosk.clock, 25);
    kiosk.core.settings.set('syncBatchMaxRecords', 1000);
    kiosk.core.settings.set('syncBatchMaxBytes', 64 * 1024);
    const outcome = await kiosk.core.sync.runNow();
    expect(outcome.outcomes.accepted).toBe(25);
    const sizes = kiosk.core.database.sqlite.prepare('SELECT record_count AS records, byte_count AS bytes FROM batches ORDER BY created_at, id').all() as Array<{ records: number; bytes: number }>;
    expect(sizes.slice(0, 3).map((size) => size.records).sort((a, b) => a - b)).toEqual([5, 10, 10]);
    const byBytes = sizes.slice(3);
    expect(byBytes.length).toBe(outcome.batches);
    expect(byBytes.length).toBeGreaterThan(1);
    for (const size of byBytes) expect(size.bytes).toBeLessThanOrEqual(64 * 1024);
  });
});
