import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { LookupResponseSchema, rejectionReasons } from '../../shared/sync';
import { answer } from './testClient';
import { signedWithdrawal } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

describe('withdrawals in POST /v1/batches', () => {
  it('accepts a withdrawal sent with the record it withdraws, keeps the record as received and links the two', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const withdrawal = kiosk.withdrawal(record.record_id);
    const response = await t.sendOk(token, [record, withdrawal]);
    expect(response.outcomes.map((o) => [o.record_id, o.outcome])).toEqual([
      [record.record_id, 'accepted'],
      [withdrawal.record_id, 'accepted'],
    ]);
    const held = (await t.held()).find((r) => r.record_id === record.record_id);
    expect(held).toMatchObject({ content_sha256: record.content_sha256, withdrawn_by: withdrawal.record_id });
    const kept = (await t.withdrawals()).find((w) => w.record_id === withdrawal.record_id);
    expect(kept).toMatchObject({ withdraws: record.record_id, withdraws_held: true, reason: '本人要求撤回', content_sha256: withdrawal.content_sha256, kiosk_id: kiosk.kioskId });
    // The lookup a kiosk makes after a crash finds withdrawals as well as records.
    const lookup = answer(await t.call('GET', `/v1/records?ids=${record.record_id},${withdrawal.record_id}`, { token }));
    expect(LookupResponseSchema.parse(lookup.json).records.map((r) => r.record_id)).toEqual([record.record_id, withdrawal.record_id]);
  });

  it('answers duplicate to a resend and conflict to other content under the same id', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const record = kiosk.record();
    const withdrawal = kiosk.withdrawal(record.record_id);
    await t.sendOk(token, [record, withdrawal]);
    expect((await t.sendOk(token, [withdrawal])).outcomes[0]).toMatchObject({ outcome: 'duplicate' });
    const other = signedWithdrawal({ ...withdrawal, reason: '改了原因' }, kiosk.signingKey);
    expect((await t.sendOk(token, [other])).outcomes[0]).toMatchObject({ outcome: 'conflict', held_content_sha256: withdrawal.content_sha256 });
    // A registration sent under a withdrawal's id is a conflict too: ids are unique across both.
    const clash = kiosk.record({ recordId: withdrawal.record_id });
    expect((await t.sendOk(token, [clash])).outcomes[0]).toMatchObject({ outcome: 'conflict', held_content_sha256: withdrawal.content_sha256 });
  });

  it('keeps a withdrawal of a record it never received, and says so', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const never = uuidv7();
    const withdrawal = kiosk.withdrawal(never);
    expect((await t.sendOk(token, [withdrawal])).outcomes[0]).toMatchObject({ outcome: 'accepted' });
    expect((await t.withdrawals()).find((w) => w.record_id === withdrawal.record_id)).toMatchObject({ withdraws: never, withdraws_held: false });
  });

  it('rejects, each with its reason: a changed byte, another key, itself, another kiosk\'s record, another kind, a second withdrawal', async () => {
    const { kiosk, token } = await t.enrolledKiosk();
    const { kiosk: stranger, token: strangerToken } = await t.enrolledKiosk();
    const record = kiosk.record();
    const foreign = stranger.record();
    await t.sendOk(token, [record]);
    await t.sendOk(strangerToken, [foreign]);
    const tampered = { ...kiosk.withdrawal(record.record_id), reason: '被改动' };
    const wrongKey = signedWithdrawal(kiosk.withdrawal(record.record_id), stranger.signingKey);
    const self = (() => {
      const id = uuidv7();
      return kiosk.withdrawal(id, { recordId: id });
    })();
    const ofForeign = kiosk.withdrawal(foreign.record_id);
    const ofOtherKind = kiosk.withdrawal(record.record_id, { kind: 'enterprise' });
    const malformed = { ...kiosk.withdrawal(record.record_id), reason: '' };
    const response = await t.sendOk(token, [tampered, wrongKey, self, ofForeign, ofOtherKind, malformed]);
    expect(response.outcomes.map((o) => [o.outcome, o.errors[0]?.field, o.errors[0]?.reason])).toEqual([
      ['rejected', 'content_sha256', rejectionReasons.contentHash],
      ['rejected', 'record_signature', rejectionReasons.recordSignature],
      ['rejected', 'withdraws', rejectionReasons.withdrawsSelf],
      ['rejected', 'withdraws', rejectionReasons.withdrawsForeign],
      ['rejected', 'kind', rejectionReasons.withdrawsKind],
      ['rejected', 'reason', rejectionReasons.invalid],
    ]);
    const first = kiosk.withdrawal(record.record_id);
    const second = kiosk.withdrawal(record.record_id);
    expect((await t.sendOk(token, [first, second])).outcomes.map((o) => [o.outcome, o.errors[0]?.reason])).toEqual([
      ['accepted', undefined],
      ['rejected', rejectionReasons.withdrawnAlready],
    ]);
    expect((await t.withdrawals()).filter((w) => w.kiosk_id === kiosk.kioskId).map((w) => w.record_id)).toEqual([first.record_id]);
  });
});
