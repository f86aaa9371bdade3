// @vitest-environment happy-dom
// The console as IT sees it: the oldest waiting record in red past 72 h, 立即同步 with the progress
// bar and each batch's outcomes pushed while the pass runs, a batch's records with their outcome,
// and 作废 sent with the second admin's staff id and PIN.
import '../../test/setup';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { KioskEvent } from '../../../shared/api/events';
import type { BatchSummary, QuarantinedRecord, SyncStatus } from '../../../shared/domain/sync';
import { createApiClient } from '../api/client';
import { initI18n } from '../i18n';
import { KioskTheme } from '../KioskTheme';
import { useSession } from '../store/session';
import { ConsoleScreen } from './ConsoleScreen';

const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
const status: SyncStatus = {
  connectivity: 'online',
  enrolled: true,
  kioskId: 'kiosk-1',
  kioskShortKeyId: '3f2a 91c0 5be7 0d14',
  platformUrl: 'http://127.0.0.1:9000',
  enrolledAt: '2026-01-10T02:00:00.000Z',
  lastSuccessAt: null,
  nextAttemptAt: null,
  pendingCount: 3,
  quarantinedCount: 1,
  oldestPendingAgeSeconds: 73 * 3600,
  clockOffsetMs: null,
  progress: null,
  lastError: null,
};
const batch: BatchSummary = {
  id: '0190a0b0-0000-7000-8000-00000000b001',
  transport: 'network',
  state: 'done',
  recordCount: 2,
  byteCount: 1000,
  createdAt: '2026-01-15T02:00:00.000Z',
  sentAt: '2026-01-15T02:00:01.000Z',
  completedAt: '2026-01-15T02:00:02.000Z',
  serverTime: '2026-01-15T02:00:02.000Z',
  outcomes: { ...counts, accepted: 2 },
  error: null,
};
const poisoned: QuarantinedRecord = {
  registrationId: '0190a0b0-0000-7000-8000-000000000009',
  number: '20260115-0009',
  kind: 'individual',
  createdAt: '2026-01-15T01:00:00.000Z',
  outcome: 'rejected',
  reason: 'protocol.rejected.invalid',
  message: '平台拒收：手机号码无效',
  fields: [{ field: 'mobile', reason: 'validation.mobile.invalid', message: '手机号码应为 1 开头的 11 位数字' }],
  batchId: null,
  decidedAt: null,
};

function ok(value: unknown): Promise<ApiResult<unknown>> {
  return Promise.resolve({ ok: true, value });
}

async function renderConsole(answer: (operation: OperationName, input: unknown) => Promise<ApiResult<unknown>> | undefined) {
  await initI18n('zh-CN');
  const listeners = new Set<(event: KioskEvent) => void>();
  const calls: { operation: OperationName; input: unknown }[] = [];
  useSession.getState().attach(
    createApiClient({
      call: (operation, input) => {
        calls.push({ operation, input });
        const special = answer(operation, input);
        if (special) return special;
        switch (operation) {
          case 'sync.status':
            return ok(status);
          case 'sync.batches':
            return ok({ items: [batch], total: 1 });
          case 'sync.quarantine':
            return ok([poisoned]);
          default:
            return new Promise(() => undefined);
        }
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
  );
  const opened: string[] = [];
  render(
    <KioskTheme locale="zh-CN">
      <ConsoleScreen onDone={() => undefined} onOpenRecord={(id) => opened.push(id)} />
    </KioskTheme>,
  );
  const emit = (event: KioskEvent) => act(() => listeners.forEach((listener) => listener(event)));
  return { calls, emit, opened };
}

describe('the IT console', () => {
  afterEach(() => cleanup());

  it('shows the oldest waiting record in red once it has waited more than 72 hours', async () => {
    await renderConsole(() => undefined);
    const age = await screen.findByTestId('console-oldest-age');
    expect(age.dataset.level).toBe('red');
    expect(age.textContent).toContain('3 天 1 小时');
    expect(age.textContent).toContain('已超过 72 小时');
    expect(screen.getByTestId('console-pending').textContent).toBe('3');
    expect(screen.getByTestId('console-key-id').textContent).toBe('3f2a 91c0 5be7 0d14');
  });

  it('runs 立即同步 with records sent / total and each batch’s outcomes as they come', async () => {
    let finish: (result: ApiResult<unknown>) => void = () => undefined;
    const { emit } = await renderConsole((operation) =>
      operation === 'sync.runNow' ? new Promise((resolve) => (finish = resolve)) : undefined,
    );
    await userEvent.click(await screen.findByRole('button', { name: '立即同步' }));
    await emit({ type: 'sync.run', phase: 'started', outcome: null });
    await emit({ type: 'sync.progress', progress: { sent: 2, total: 5 }, batchId: batch.id, outcomes: { ...counts, accepted: 2 } });
    expect(screen.getByTestId('console-progress').textContent).toBe('已发送 2 / 5 条');
    expect(screen.getByTestId('console-live-batches').textContent).toContain('批次 0000b001：接收 2，重复 0，冲突 0，拒收 0');

    const outcome = { batches: 2, outcomes: { ...counts, accepted: 4, rejected: 1 }, pending: 0, error: null, agreementsStored: 0 };
    await emit({ type: 'sync.run', phase: 'finished', outcome });
    await act(async () => finish({ ok: true, value: outcome }));
    expect(await screen.findByText('本轮同步完成：2 个批次，接收 4，重复 0，冲突 0，拒收 1；仍待同步 0 条。')).toBeTruthy();
    expect(screen.queryByTestId('console-progress')).toBeNull();
  });

  it('lists a batch’s records with the platform’s outcome', async () => {
    const { calls } = await renderConsole((operation) =>
      operation === 'sync.batch'
        ? ok({
            batch,
            items: [
              { registrationId: 'r1', number: '20260115-0001', kind: 'enterprise', state: 'accepted', outcome: 'accepted', reason: null, message: null, fields: [], decidedAt: null },
            ],
          })
        : undefined,
    );
    await userEvent.click(await screen.findByRole('button', { name: '查看记录 0000b001' }));
    const detail = await screen.findByTestId('console-batch-detail');
    expect(within(detail).getByText('20260115-0001')).toBeTruthy();
    expect(within(detail).getByText('已接收')).toBeTruthy();
    expect(calls.find((call) => call.operation === 'sync.batch')?.input).toEqual({ id: batch.id });
  });

  it('opens a quarantined record for correction, and discards one only with a second admin’s id and PIN', async () => {
    let discardAnswer: ApiResult<unknown> = { ok: false, error: { code: 'sync_confirm_failed', message: '确认信息有误，操作未执行。' } };
    const { calls, opened } = await renderConsole((operation) => (operation === 'sync.discard' ? Promise.resolve(discardAnswer) : undefined));
    const quarantine = await screen.findByTestId('console-quarantine');
    expect(await within(quarantine).findByText('平台拒收：手机号码无效')).toBeTruthy();
    await userEvent.click(within(quarantine).getByRole('button', { name: '打开更正 20260115-0009' }));
    expect(opened).toEqual([poisoned.registrationId]);

    await userEvent.click(within(quarantine).getByRole('button', { name: '作废 20260115-0009' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('确认人工号'), 'it02');
    await userEvent.type(within(dialog).getByLabelText('确认人 PIN 码'), '975311');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    expect(await within(dialog).findByText('确认信息有误，操作未执行。')).toBeTruthy();
    expect((within(dialog).getByLabelText('确认人 PIN 码') as HTMLInputElement).value).toBe('');

    discardAnswer = { ok: true, value: null };
    await userEvent.type(within(dialog).getByLabelText('确认人 PIN 码'), '975310');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    expect(await screen.findByText('记录 20260115-0009 已作废（已记入审计日志）。')).toBeTruthy();
    const discards = calls.filter((call) => call.operation === 'sync.discard').map((call) => call.input);
    expect(discards).toEqual([
      { registrationId: poisoned.registrationId, confirmStaffId: 'it02', confirmPin: '975311' },
      { registrationId: poisoned.registrationId, confirmStaffId: 'it02', confirmPin: '975310' },
    ]);
  });
});
