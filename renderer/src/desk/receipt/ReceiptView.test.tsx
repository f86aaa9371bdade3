// @vitest-environment happy-dom
import '../../../test/setup';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegistrationReceipt } from '../../../../shared/domain/registration';
import { renderScreen } from '../../../test/harness';
import { ReceiptView } from './ReceiptView';

const receipt: RegistrationReceipt = {
  id: '0190f5c2-0000-7000-8000-000000000001',
  number: '20260115-0001',
  kind: 'individual',
  state: 'queued',
  createdAt: '2026-01-15T01:00:00.000Z',
  agreement: { id: 'qingdao-registration', version: '1.0', title: '青岛市企业服务平台注册与使用协议', sha256: 'a'.repeat(64) },
  snapshotSha256: 'b'.repeat(64),
  supersedes: null,
};

describe('the receipt', () => {
  afterEach(cleanup);

  it('prints with the browser dialog when the shell is a browser', async () => {
    const print = vi.fn();
    window.print = print;
    const { calls } = await renderScreen(<ReceiptView receipt={receipt} onNew={() => undefined} />, () =>
      Promise.resolve({ ok: true, value: { method: 'browser', file: null } }),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '打印回执' })));
    expect(calls).toEqual([{ operation: 'shell.outputReceipt', input: { registrationId: receipt.id, pdf: false } }]);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says where the Electron shell saved the PDF, and shows a refusal as it is', async () => {
    const print = vi.fn();
    window.print = print;
    let answer: unknown = { ok: true, value: { method: 'pdf', file: '/data/receipts/receipt-1.pdf' } };
    await renderScreen(<ReceiptView receipt={receipt} onNew={() => undefined} />, () => Promise.resolve(answer as never));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存为 PDF' })));
    expect(screen.getByTestId('receipt-output').textContent).toBe('回执已保存为 PDF：/data/receipts/receipt-1.pdf');
    answer = { ok: false, error: { code: 'not_found', message: '找不到该记录' } };
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存为 PDF' })));
    expect(screen.getByRole('alert').textContent).toBe('找不到该记录');
    expect(print).not.toHaveBeenCalled();
  });
});
