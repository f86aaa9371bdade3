// Every way a record can be changed after the kiosk signed it must end as `rejected`, with the reason
// naming the check that caught it; the untouched record still goes through afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { sha256Hex } from '../../electron/core/consent/ed25519';
import { BatchResponseSchema, rejectionReasons, type RecordOutcome, type WireRecord } from '../../shared/sync';
import { signaturePng } from '../support/png';
import { answer } from './testClient';
import { TestKiosk, withContentHash } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

async function outcomes(token: string, records: unknown[]): Promise<RecordOutcome[]> {
  const reply = answer(await t.send(token, uuidv7(), records));
  expect(reply.status, reply.text).toBe(200);
  return BatchResponseSchema.parse(reply.json).outcomes;
}

/** Changes the snapshot body in place (one value), keeping everything else as sent. */
function editBody(record: WireRecord, edit: (body: Record<string, unknown>) => void): string {
  const body = JSON.parse(record.snapshot.body) as Record<string, unknown>;
  edit(body);
  return JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : 1))));
}

describe('a tampered record is rejected', () => {
  it('snapshot body changed, hash left: the body hash check', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const body = editBody(record, (b) => (b.operator_id = 'op99'));
    const [outcome] = await outcomes(token, [{ ...record, snapshot: { ...record.snapshot, body } }]);
    expect(outcome).toMatchObject({ outcome: 'rejected' });
    expect(outcome?.errors).toContainEqual({ field: 'snapshot.sha256', reason: rejectionReasons.snapshotHash });
  });

  it('snapshot body changed and every hash recomputed: the kiosk signature check', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const body = editBody(record, (b) => (b.operator_id = 'op99'));
    const forged = withContentHash({ ...record, snapshot: { ...record.snapshot, body, sha256: sha256Hex(body) } }, kiosk.signingKey);
    const [outcome] = await outcomes(token, [forged]);
    expect(outcome?.errors).toEqual([{ field: 'snapshot.signature', reason: rejectionReasons.snapshotSignature }]);
  });

  it('payload changed and content hash recomputed without the kiosk key: the record signature check', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const forged = withContentHash({ ...record, payload: { ...record.payload, mobile: '13800138000' } });
    const [outcome] = await outcomes(token, [forged]);
    expect(outcome?.errors).toEqual([{ field: 'record_signature', reason: rejectionReasons.recordSignature }]);
  });

  it("signed by another kiosk's key: snapshot signature and kiosk checks", async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const stranger = new TestKiosk();
    const foreign = withContentHash(stranger.record(), kiosk.signingKey);
    const [outcome] = await outcomes(token, [foreign]);
    expect(outcome?.errors.map((e) => e.reason)).toEqual([rejectionReasons.snapshotSignature, rejectionReasons.snapshotMismatch]);
  });

  it("another record's snapshot: the record id check", async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const moved = withContentHash({ ...record, record_id: uuidv7() }, kiosk.signingKey);
    const [outcome] = await outcomes(token, [moved]);
    expect(outcome?.errors).toEqual([{ field: 'snapshot.body.record_id', reason: rejectionReasons.snapshotMismatch }]);
  });

  it('another signature image: the image hash check', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const [outcome] = await outcomes(token, [{ ...record, signature_png: signaturePng({ phase: 1 }).toString('base64') }]);
    expect(outcome?.errors).toEqual([{ field: 'signature_png', reason: rejectionReasons.signatureImage }]);
  });

  it('a consent text changed or missing: the consent text check', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const [a, b] = kiosk.records(2) as [WireRecord, WireRecord];
    const [item = '', text = ''] = Object.entries(a.consent_texts)[0] ?? [];
    const changed = { ...a, consent_texts: { ...a.consent_texts, [item]: `${text}。` } };
    const { [item]: _dropped, ...rest } = b.consent_texts;
    const [first, second] = await outcomes(token, [changed, { ...b, consent_texts: rest }]);
    expect(first?.errors).toEqual([{ field: `consent_texts.${item}`, reason: rejectionReasons.consentText }]);
    expect(second?.errors).toEqual([{ field: `consent_texts.${item}`, reason: rejectionReasons.consentText }]);
  });

  it('and the untouched record is accepted afterwards', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    await outcomes(token, [{ ...record, signature_png: signaturePng({ phase: 1 }).toString('base64') }]);
    expect((await outcomes(token, [record]))[0]?.outcome).toBe('accepted');
  });
});

describe('the chain per kiosk', () => {
  /** Two kiosks with one identity and one history up to now: what a restored backup that signs again looks like. */
  function fork(kiosk: TestKiosk): TestKiosk {
    return Object.assign(Object.create(Object.getPrototypeOf(kiosk) as object) as TestKiosk, kiosk);
  }

  it('accepts records that arrive before their predecessor, flags the gap, and links them when it arrives', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const [r1, r2, r3] = kiosk.records(3) as [WireRecord, WireRecord, WireRecord];
    expect((await outcomes(token, [r1, r3])).map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
    const chainOf = async () => (await t.held()).filter((r) => r.kiosk_id === kiosk.kioskId).map((r) => [r.seq, r.chain]);
    expect(await chainOf()).toEqual([[1, 'linked'], [3, 'gap']]);
    expect((await outcomes(token, [r2]))[0]?.outcome).toBe('accepted');
    expect(await chainOf()).toEqual([[1, 'linked'], [2, 'linked'], [3, 'linked']]);
  });

  it('rejects a second record at a place the chain already has (a fork)', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const r1 = kiosk.record();
    const other = fork(kiosk);
    const r2 = kiosk.record();
    const r2b = other.record();
    const result = await outcomes(token, [r1, r2, r2b]);
    expect(result.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(result[2]?.errors).toEqual([{ field: 'snapshot.seq', reason: rejectionReasons.chainSeq }]);
  });

  it('rejects a record its held successor does not link to, and one that does not link to its held predecessor', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const r1 = kiosk.record();
    const other = fork(kiosk);
    const [r2, r3] = kiosk.records(2) as [WireRecord, WireRecord];
    const [r2b, , r4b] = other.records(3) as [WireRecord, WireRecord, WireRecord];
    await outcomes(token, [r1, r3]);
    const [successor] = await outcomes(token, [r2b]);
    expect(successor?.errors).toEqual([{ field: 'snapshot.seq', reason: rejectionReasons.chainLink }]);
    expect((await outcomes(token, [r2]))[0]?.outcome).toBe('accepted');
    const [predecessor] = await outcomes(token, [r4b]);
    expect(predecessor?.errors).toEqual([{ field: 'snapshot.body.prev_hash', reason: rejectionReasons.chainLink }]);
  });

  it('rejects a first record that does not start the chain', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    kiosk.record();
    const r2 = kiosk.record();
    const renumbered = withContentHash({ ...r2, snapshot: { ...r2.snapshot, seq: 1 } }, kiosk.signingKey);
    const [outcome] = await outcomes(token, [renumbered]);
    expect(outcome?.errors).toEqual([{ field: 'snapshot.body.prev_hash', reason: rejectionReasons.chainLink }]);
  });
});
