import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { publicKeyFromRaw, verifyText } from '../../electron/core/consent/ed25519';
import { LookupResponseSchema, parseReceiptBody, type BatchResponse, type WireRecord } from '../../shared/sync';
import { answer } from './testClient';
import { withContentHash } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

const outcomesOf = (response: BatchResponse) => response.outcomes.map((o) => o.outcome);

describe('POST /v1/batches outcomes', () => {
  it('accepts new records and stores exactly what was sent', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const records = kiosk.records(3);
    const response = await t.sendOk(token, records);
    expect(outcomesOf(response)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(response.outcomes.map((o) => [o.index, o.record_id, o.content_sha256])).toEqual(records.map((r, i) => [i, r.record_id, r.content_sha256]));
    const held = (await t.held()).filter((r) => r.kiosk_id === kiosk.kioskId);
    expect(held.map((r) => [r.record_id, r.content_sha256, r.seq, r.chain])).toEqual(records.map((r, i) => [r.record_id, r.content_sha256, i + 1, 'linked']));
  });

  it('answers duplicate for a record it holds with the same content, in a new batch', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const [record] = kiosk.records(1) as [WireRecord];
    await t.sendOk(token, [record]);
    const again = await t.sendOk(token, [record]);
    expect(again.outcomes[0]).toMatchObject({ outcome: 'duplicate', record_id: record.record_id, content_sha256: record.content_sha256 });
  });

  it('answers conflict for the same id with other content and keeps the first version', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const original = kiosk.record();
    await t.sendOk(token, [original]);
    const rewritten = kiosk.record({ recordId: original.record_id, payload: { ...original.payload, mobile: '13800138000' } });
    const response = await t.sendOk(token, [rewritten]);
    expect(response.outcomes[0]).toMatchObject({ outcome: 'conflict', content_sha256: rewritten.content_sha256, held_content_sha256: original.content_sha256 });
    const held = (await t.held()).find((r) => r.record_id === original.record_id);
    expect(held?.content_sha256).toBe(original.content_sha256);
  });

  it('rejects an invalid payload with the field and the validation key, and keeps the rest of the batch', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const good = kiosk.record();
    const bad = kiosk.record({ payload: { ...good.payload, mobile: '12345' } });
    const after = kiosk.record();
    const response = await t.sendOk(token, [good, bad, after]);
    expect(outcomesOf(response)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(response.outcomes[1]?.errors).toEqual([{ field: 'payload.mobile', reason: expect.stringMatching(/^validation\./) }]);
    // The rejected record's place in the chain stays empty: the next one is kept, flagged as a gap.
    const held = (await t.held()).filter((r) => r.kiosk_id === kiosk.kioskId);
    expect(held.map((r) => r.chain)).toEqual(['linked', 'gap']);
  });

  it('rejects a malformed record with its field errors and never fails the batch for it (poison among 100)', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const records: unknown[] = kiosk.records(100);
    const poison = { ...(records[42] as WireRecord), snapshot: undefined, number: 7 };
    records[42] = poison;
    const response = await t.sendOk(token, records);
    expect(outcomesOf(response).filter((o) => o === 'accepted')).toHaveLength(99);
    expect(response.outcomes[42]).toMatchObject({ outcome: 'rejected', record_id: poison.record_id });
    expect(response.outcomes[42]?.errors.map((e) => e.field).sort()).toEqual(['number', 'snapshot']);
  });

  it('refuses a request that is not a batch as a whole, naming the field', async () => {
    const { token } = await t.enrolledKiosk();
    const reply = answer(await t.call('POST', '/v1/batches', { token, body: { batch_id: 'nope', records: [] } }));
    expect(reply.status).toBe(400);
    expect((reply.json.error as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort()).toEqual(['batch_id', 'records']);
  });
});

describe('resending a batch', () => {
  it('returns the same outcomes and the same signed receipt for the same batch id', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const records = kiosk.records(5);
    const batchId = uuidv7();
    const first = await t.sendOk(token, records, batchId);
    t.clock.advance(60_000);
    const second = await t.sendOk(token, records, batchId);
    expect(outcomesOf(second)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(second.receipt).toEqual(first.receipt);
    expect(second.server_time).not.toBe(first.server_time);
    expect((await t.held()).filter((r) => r.batch_id === batchId)).toHaveLength(5);
  });

  it('refuses the same batch id with other records', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const batchId = uuidv7();
    await t.sendOk(token, kiosk.records(2), batchId);
    const reply = answer(await t.send(token, batchId, kiosk.records(2)));
    expect(reply.status).toBe(409);
    expect(reply.json.error).toMatchObject({ code: 'batch_id_reused' });
  });
});

describe('the batch receipt', () => {
  it('verifies with the platform key given at enrolment and covers batch, outcomes, hashes and time', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const records = kiosk.records(2);
    const batchId = uuidv7();
    const response = await t.sendOk(token, [records[0], records[0], records[1]], batchId);
    const platformKey = publicKeyFromRaw(Buffer.from(t.platform.identity.publicKey, 'base64'));
    expect(verifyText(platformKey, response.receipt.body, response.receipt.signature)).toBe(true);
    const receipt = parseReceiptBody(response.receipt.body);
    expect(receipt).toMatchObject({ batch_id: batchId, kiosk_id: kiosk.kioskId, server_time: t.clock.now().toISOString() });
    expect(receipt?.outcomes).toEqual(response.outcomes);
    expect(receipt?.outcomes.map((o) => [o.record_id, o.outcome, o.content_sha256])).toEqual([
      [records[0]?.record_id, 'accepted', records[0]?.content_sha256],
      [records[0]?.record_id, 'duplicate', records[0]?.content_sha256],
      [records[1]?.record_id, 'accepted', records[1]?.content_sha256],
    ]);
    // One changed byte of the receipt fails it.
    const forged = response.receipt.body.replace('"duplicate"', '"accepted"');
    expect(verifyText(platformKey, forged, response.receipt.signature)).toBe(false);
  });
});

describe('GET /v1/records', () => {
  it('says which of the asked ids the platform holds for this kiosk only', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const [sent, unsent] = kiosk.records(2) as [WireRecord, WireRecord];
    await t.sendOk(token, [sent]);
    const other = await t.enrolledKiosk();
    const reply = answer(await t.call('GET', `/v1/records?ids=${sent.record_id},${unsent.record_id}`, { token }));
    const body = LookupResponseSchema.parse(reply.json);
    expect(body.records.map((r) => [r.record_id, r.content_sha256])).toEqual([[sent.record_id, sent.content_sha256]]);
    const foreign = LookupResponseSchema.parse(answer(await t.call('GET', `/v1/records?ids=${sent.record_id}`, { token: other.token })).json);
    expect(foreign.records).toEqual([]);
  });
});

describe('a changed content hash', () => {
  it('is refused when it does not match the record', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = { ...kiosk.record(), content_sha256: 'f'.repeat(64) };
    const response = await t.sendOk(token, [record]);
    expect(response.outcomes[0]).toMatchObject({ outcome: 'rejected', errors: [{ field: 'content_sha256', reason: 'protocol.rejected.contentHash' }] });
    expect(withContentHash(record).content_sha256).not.toBe(record.content_sha256);
  });
});
