// @vitest-environment happy-dom
// The withdraw dialog: a preset reason goes to core as its Chinese text; core's refusal of an empty
// reason is shown under the field until the operator types.
import '../../../test/setup';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WithdrawalReceipt } from '../../../../shared/domain/withdrawal';
import { renderScreen, type Responder } from '../../../test/harness';
import { WithdrawDialog } from './WithdrawDialog';

const record = { id: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', number: '20261204-0003' };
const receipt: WithdrawalReceipt = {
  id: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c',
  number: '20261204-0004',
  kind: 'individual',
  state: 'queued',
  createdAt: '2026-12-04T08:00:00.000Z',
  reason: '登记人本人要求撤回',
  withdraws: record,
};

/** Core's answer: refuses an empty reason with the catalogue message, saves anything else. */
const core: Responder = async (operation, input) => {
  if (operation !== 'registrations.withdraw') return { ok: false, error: { code: 'unknown_operation', message: operation } };
  const { reason } = input as { reason: string };
  if (reason.trim() === '') {
    return { ok: false, error: { code: 'invalid_input', message: '输入有误', fields: { reason: '请填写或选择撤回原因' } } };
  }
  return { ok: true, value: { ...receipt, reason } };
};

describe('WithdrawDialog', () => {
  afterEach(cleanup);

  it('sends the chosen preset reason in Chinese and reports the saved withdrawal only after core answered', async () => {
    const onWithdrawn = vi.fn();
    const { calls } = await renderScreen(<WithdrawDialog record={record} open onCancel={() => undefined} onWithdrawn={onWithdrawn} />, core);
    const dialog = screen.getByRole('dialog', { name: `撤回登记 ${record.number}` });
    await act(() => userEvent.click(within(dialog).getByRole('radio', { name: '已通过其他渠道登记' })));
    await act(() => userEvent.click(within(dialog).getByRole('button', { name: '确认撤回' })));
    expect(calls).toEqual([{ operation: 'registrations.withdraw', input: { id: record.id, reason: '已通过其他渠道登记' } }]);
    expect(onWithdrawn).toHaveBeenCalledWith(expect.objectContaining({ reason: '已通过其他渠道登记', number: '20261204-0004' }));
  });

  it('shows core\'s message under the reason when another reason is left empty, and clears it on typing', async () => {
    const onWithdrawn = vi.fn();
    await renderScreen(<WithdrawDialog record={record} open onCancel={() => undefined} onWithdrawn={onWithdrawn} />, core);
    const dialog = screen.getByRole('dialog');
    await act(() => userEvent.click(within(dialog).getByRole('radio', { name: '其他原因' })));
    await act(() => userEvent.click(within(dialog).getByRole('button', { name: '确认撤回' })));
    const message = await within(dialog).findByText('请填写或选择撤回原因');
    expect(message.className).toContain('ant-form-item-explain-error');
    expect(onWithdrawn).not.toHaveBeenCalled();
    const input = within(dialog).getByLabelText('请填写撤回原因');
    expect(input.closest('.ant-form-item')?.className).toContain('ant-form-item-has-error');
    await act(() => userEvent.type(input, '信息有误'));
    // The error state goes at once (the message itself fades out with antd's animation).
    expect(input.closest('.ant-form-item')?.className).not.toContain('ant-form-item-has-error');
  });
});
