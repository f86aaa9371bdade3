// @vitest-environment happy-dom
// The end of the flow: 已保存 only once the service answered that the record is committed, the
// registrant's data wiped with it, and a refusal placed back on the step and field it concerns.
import '../../test/setup';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import type { RegistrationReceipt } from '../../../shared/domain/registration';
import { deskResponder, startDesk } from '../../test/desk';
import { renderScreen, type Responder } from '../../test/harness';
import type { EnterpriseDraft } from './draft';
import { DeskScreen } from './DeskScreen';
import { useFlow } from './flowStore';

const filled: Partial<EnterpriseDraft> = {
  enterpriseName: '青岛海蓝科技有限公司',
  creditCode: '91350100M000100Y43',
  enterpriseType: 'limited_liability',
  divisionCode: '370202',
  street: '香港中路 10 号',
  legalRepresentative: '李前台',
  agentName: '周经办',
  agentIdNumber: '11010519491231002X',
  agentMobile: '13912345678',
};

const receipt: RegistrationReceipt = {
  id: '0190a0b0-0000-7000-8000-000000000002',
  number: '20260115-0002',
  kind: 'enterprise',
  state: 'queued',
  createdAt: '2026-01-15T02:00:00.000Z',
  agreement: { id: 'qingdao-registration', version: '1.0', title: '注册协议', sha256: 'a'.repeat(64) },
  snapshotSha256: 'b'.repeat(64),
  supersedes: null,
};

/** A flow at 核对提交 with everything given, as if the registrant had gone through every step. */
async function atReview(respond: Responder) {
  await startDesk('enterprise', respond);
  act(() => {
    const flow = useFlow.getState();
    flow.setField('enterpriseName', filled);
    flow.setReading({ openedAt: '2026-01-15T01:58:00.000Z', reachedEndAt: '2026-01-15T01:59:00.000Z', durationMs: 60_000 });
    flow.choose('agreement', true, '2026-01-15T01:59:10.000Z');
    flow.choose('sensitive-personal-information', true, '2026-01-15T01:59:20.000Z');
    flow.confirmConsents(['agreement', 'sensitive-personal-information', 'product-information'], '2026-01-15T01:59:30.000Z');
    flow.setSignature({ png: 'iVBORw0KGgo=', strokes: [], substantial: true });
    flow.goTo('review');
  });
  return renderScreen(<DeskScreen onDone={() => undefined} />, respond);
}

describe('submitting a registration', () => {
  afterEach(() => {
    cleanup();
    useFlow.getState().wipe();
  });

  it('says 已保存 only after the commit, then wipes everything but the receipt', async () => {
    let commit: (result: ApiResult<unknown>) => void = () => undefined;
    const respond = deskResponder('enterprise', (operation) => (operation === 'registrations.submit' ? new Promise((resolve) => (commit = resolve)) : new Promise(() => undefined)));
    const { calls } = await atReview(respond);
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(calls.map((call) => call.operation)).toContain('registrations.submit'));
    const sent = calls.find((call) => call.operation === 'registrations.submit')?.input as { signing: { consents: { item: string; granted: boolean }[]; signer: { role: string } } };
    expect(sent.signing.consents.map((consent) => [consent.item, consent.granted])).toEqual([
      ['agreement', true],
      ['sensitive-personal-information', true],
      ['product-information', false],
    ]);
    expect(sent.signing.signer).toMatchObject({ role: 'agent', name: '周经办' });
    expect(screen.queryByText('已保存')).toBeNull();

    await act(async () => commit({ ok: true, value: receipt }));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(screen.getByTestId('receipt-number').textContent).toBe('20260115-0002');
    expect(screen.getByTestId('receipt-state').textContent).toBe('已保存在本机，待同步');
    const flow = useFlow.getState();
    expect([flow.draft, flow.signature, flow.reading, flow.spec]).toEqual([null, null, null, null]);
    expect(flow.consents).toEqual({});
    expect(document.body.textContent).not.toContain('周经办');
  });

  it('takes a refusal back to the earliest step concerned, with core’s message at the field', async () => {
    const respond = deskResponder('enterprise', async (operation) =>
      operation === 'registrations.submit'
        ? {
            ok: false,
            error: {
              code: 'invalid_input',
              message: '提交的内容有误，请检查标出的项目。',
              fields: { 'signing.signaturePng': '签名过短，请在签名区内完整手写签名', 'registration.agentMobile': '手机号码应为 1 开头的 11 位数字（可带 +86），请核对' },
            },
          }
        : new Promise(() => undefined),
    );
    await atReview(respond);
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('未保存')).toBeTruthy();
    expect(useFlow.getState().step).toBe('form');
    expect(document.querySelector('[data-slot="agentMobile"]')?.textContent).toContain('手机号码应为 1 开头的 11 位数字');
    expect(useFlow.getState().serverErrors['signing.signaturePng']).toBe('签名过短，请在签名区内完整手写签名');
    expect(useFlow.getState().draft).toMatchObject({ agentName: '周经办' });
  });
});
