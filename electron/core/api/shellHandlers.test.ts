import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShellReport } from '../../../shared/domain/shell';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { browserShell } from '../shell';

const electronReport: ShellReport = {
  shell: 'electron',
  version: '1.4.0',
  kioskMode: true,
  keyStorage: { backend: 'basic_text', plainText: true },
  update: { state: 'downloaded', channel: 'beta', availableVersion: '1.5.0-beta.1', lastCheckAt: '2026-01-15T01:00:00.000Z', installRequested: false },
  warnings: ['key_storage_plain_text'],
};

describe('shell operations', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('are for IT admins only', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    for (const operation of ['shell.status', 'shell.installUpdate']) {
      expect(await kiosk.core.dispatch(operation, {}, operator), operation).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('report the browser shell until the Electron shell attaches itself', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    // The status call itself is the `submit` in flight.
    expect(await callOk(kiosk.core, admin, 'shell.status', {})).toEqual({ ...browserShell.report(), warnings: [], busy: ['submit'] });
  });

  it('give each warning in the caller\'s language, with what the kiosk is busy with', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    kiosk.core.shell.attach({ report: () => electronReport, requestUpdateInstall: () => undefined, outputReceipt: browserShell.outputReceipt });
    const endSync = kiosk.core.activity.begin('sync');
    admin.locale = 'en';
    const status = await callOk(kiosk.core, admin, 'shell.status', {});
    endSync();
    expect(status).toMatchObject({ shell: 'electron', keyStorage: { backend: 'basic_text', plainText: true } });
    expect(status.warnings).toEqual([{ code: 'key_storage_plain_text', message: expect.stringContaining('basic_text') }]);
    expect(status.warnings[0]?.message).not.toMatch(/[\u4e00-\u9fff]/);
    // The call itself holds `submit` while it runs.
    expect(status.busy).toEqual(['submit', 'sync']);
  });

  it('pass IT\'s install request to the shell and answer with its status', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    let requested = false;
    const requestUpdateInstall = vi.fn(() => (requested = true));
    kiosk.core.shell.attach({
      report: () => ({ ...electronReport, update: { ...electronReport.update, installRequested: requested } }),
      requestUpdateInstall,
      outputReceipt: browserShell.outputReceipt,
    });
    const status = await callOk(kiosk.core, admin, 'shell.installUpdate', {});
    expect(requestUpdateInstall).toHaveBeenCalledTimes(1);
    expect(status.update.installRequested).toBe(true);
  });

  it('refuse input they do not take, without asking the shell', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const requestUpdateInstall = vi.fn();
    kiosk.core.shell.attach({ report: () => electronReport, requestUpdateInstall, outputReceipt: browserShell.outputReceipt });
    expect(await kiosk.core.dispatch('shell.installUpdate', { now: true }, admin)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(requestUpdateInstall).not.toHaveBeenCalled();
  });

  it('print a saved registration\'s receipt through the shell, named by its id only, and refuse an unknown one', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const saved = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(await callOk(kiosk.core, operator, 'shell.outputReceipt', { registrationId: saved.id, pdf: false })).toEqual({ method: 'browser', file: null });
    const outputReceipt = vi.fn(({ fileName }: { pdf: boolean; fileName: string }) => Promise.resolve({ method: 'pdf' as const, file: `/data/receipts/${fileName}` }));
    kiosk.core.shell.attach({ report: () => electronReport, requestUpdateInstall: () => undefined, outputReceipt });
    expect(await callOk(kiosk.core, operator, 'shell.outputReceipt', { registrationId: saved.id, pdf: true })).toEqual({
      method: 'pdf',
      file: `/data/receipts/receipt-${saved.id}.pdf`,
    });
    const unknown = await kiosk.core.dispatch('shell.outputReceipt', { registrationId: '0190f5c2-0000-7000-8000-000000000000', pdf: true }, operator);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outputReceipt).toHaveBeenCalledTimes(1);
  });
});
