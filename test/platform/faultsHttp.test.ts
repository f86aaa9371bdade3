// Each fault, seen from the client's side of the wire, and what the platform committed meanwhile.
// Faults are switched per test through PUT /v1/admin/faults at probability 1, so each request's
// fate is certain; waiting for a late commit polls the platform (no timing assertions).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { BatchResponseSchema, FaultsStateSchema, type WireRecord } from '../../shared/sync';
import { answer } from './testClient';
import { TestKiosk } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
let kiosk: TestKiosk;
let token: string;
beforeAll(async () => {
  t = await startTestPlatform();
  kiosk = new TestKiosk();
  token = await t.enrol(kiosk);
});
afterEach(() => t.setFaults(''));
afterAll(() => t.stop());

const heldIds = async (records: WireRecord[]) => {
  const ids = new Set((await t.held()).map((r) => r.record_id));
  return records.filter((r) => ids.has(r.record_id)).length;
};

/** Resending after a fault must give `accepted`, never `duplicate`: the receipt of the first delivery. */
async function resendOutcomes(batchId: string, records: WireRecord[]): Promise<string[]> {
  const reply = answer(await t.send(token, batchId, records));
  expect(reply.status, reply.text).toBe(200);
  return BatchResponseSchema.parse(reply.json).outcomes.map((o) => o.outcome);
}

async function injected(): Promise<Record<string, number>> {
  return FaultsStateSchema.parse(await t.admin('GET', '/v1/admin/faults')).injected;
}

describe('fault injection', () => {
  it.each([
    ['500', 500],
    ['503', 503],
    ['429', 429],
  ])('%s: answers with that status and Retry-After, and commits nothing', async (kind, status) => {
    await t.setFaults(`${kind}:1,retry-after=7`);
    const records = kiosk.records(2);
    const reply = answer(await t.send(token, uuidv7(), records));
    expect(reply.status).toBe(status);
    expect(reply.headers['retry-after']).toBe('7');
    expect(reply.headers['x-server-time']).toBe(t.clock.now().toISOString());
    expect(await heldIds(records)).toBe(0);
    expect((await injected())[kind]).toBeGreaterThan(0);
  });

  it('reset-before: the connection drops and nothing is committed', async () => {
    await t.setFaults('reset-before:1');
    const records = kiosk.records(2);
    const exchange = await t.send(token, uuidv7(), records);
    expect(exchange.kind).toBe('reset');
    expect(await heldIds(records)).toBe(0);
  });

  it('reset-after: the connection drops after the commit; a resend gets accepted, not duplicate', async () => {
    await t.setFaults('reset-after:1');
    const records = kiosk.records(3);
    const batchId = uuidv7();
    expect((await t.send(token, batchId, records)).kind).toBe('reset');
    expect(await heldIds(records)).toBe(3);
    await t.setFaults('');
    expect(await resendOutcomes(batchId, records)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('drop-after-commit: no answer ever comes, the client times out, the records are held', async () => {
    await t.setFaults('drop-after-commit:1');
    const records = kiosk.records(2);
    const batchId = uuidv7();
    const exchange = await t.send(token, batchId, records, { timeoutMs: 300 });
    expect(exchange).toEqual({ kind: 'timeout', status: null, bytes: 0 });
    expect(await heldIds(records)).toBe(2);
    await t.setFaults('');
    expect(await resendOutcomes(batchId, records)).toEqual(['accepted', 'accepted']);
  });

  it('delay: the client gives up first, and the platform commits after it did', async () => {
    await t.setFaults('delay:1,delay-ms=1500');
    const records = kiosk.records(2);
    const batchId = uuidv7();
    const exchange = await t.send(token, batchId, records, { timeoutMs: 50 });
    expect(exchange.kind).toBe('timeout');
    expect(await heldIds(records)).toBe(0);
    while ((await heldIds(records)) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    await t.setFaults('');
    expect(await resendOutcomes(batchId, records)).toEqual(['accepted', 'accepted']);
  });

  it('duplicate: the request is handled twice; one copy is stored and the answer is the first receipt', async () => {
    await t.setFaults('duplicate:1');
    const records = kiosk.records(2);
    const batchId = uuidv7();
    const reply = answer(await t.send(token, batchId, records));
    expect(BatchResponseSchema.parse(reply.json).outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
    const row = t.platform.db.prepare('SELECT deliveries FROM batches WHERE batch_id = ?').get(batchId) as { deliveries: number };
    expect(row.deliveries).toBe(2);
    expect((await t.held()).filter((r) => r.batch_id === batchId)).toHaveLength(2);
  });

  it('slow-body: the answer arrives in pieces, complete', async () => {
    await t.setFaults('slow-body:1,slow-ms=200');
    const records = kiosk.records(2);
    const reply = answer(await t.send(token, uuidv7(), records));
    expect(reply.chunks).toBeGreaterThan(1);
    expect(BatchResponseSchema.parse(reply.json).outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
  });

  it('slow-body past the client timeout: the head came, the body did not finish', async () => {
    await t.setFaults('slow-body:1,slow-ms=60000');
    const records = kiosk.records(1);
    const exchange = await t.send(token, uuidv7(), records, { timeoutMs: 300 });
    expect(exchange).toMatchObject({ kind: 'timeout', status: 200 });
    expect(await heldIds(records)).toBe(1);
  });

  it('leaves the admin routes alone, so tests can always look', async () => {
    await t.setFaults('reset-before:1');
    expect(Array.isArray((await t.admin('GET', '/v1/admin/records')).records)).toBe(true);
  });

  it('refuses a bad spec at run time with the reason', async () => {
    const reply = answer(await t.call('PUT', '/v1/admin/faults', { token: t.platform.adminToken, body: { spec: 'explode:1' } }));
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.json)).toContain('unknown fault');
  });
});
