import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';

function auditRows(kiosk: TestCore): { action: string; actor: string | null; details: string }[] {
  return kiosk.core.database.sqlite.prepare("SELECT action, actor, details FROM audit_log WHERE action = 'settings.update' ORDER BY seq").all() as never;
}

describe('the console settings', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('reports each value with the bounds and default core checks it against', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const settings = await callOk(kiosk.core, admin, 'settings.get', {});
    expect(settings.retentionDays).toEqual({ value: 30, min: 1, max: 3650, defaultValue: 30 });
    expect(settings.syncBatchMaxRecords).toEqual({ value: 200, min: 1, max: 1000, defaultValue: 200 });
  });

  it('changes the settings given, audited with the old and new values', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const updated = await callOk(kiosk.core, admin, 'settings.update', { retentionDays: 45, syncBatchMaxRecords: 50 });
    expect(updated.retentionDays.value).toBe(45);
    expect(kiosk.core.settings.get('syncBatchMaxRecords')).toBe(50);
    expect(kiosk.core.settings.get('operatorIdleSeconds')).toBe(900);
    const rows = auditRows(kiosk);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor).toBe('it01');
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ 'retentionDays.from': 30, 'retentionDays.to': 45, 'syncBatchMaxRecords.from': 200, 'syncBatchMaxRecords.to': 50 });
  });

  it('changes nothing when one value is out of bounds, and says which', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('settings.update', { retentionDays: 45, syncBatchMaxRecords: 5000 }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { syncBatchMaxRecords: expect.any(String) } } });
    expect(kiosk.core.settings.get('retentionDays')).toBe(30);
    expect(auditRows(kiosk)).toEqual([]);
  });

  it('is for IT administrators only', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    expect(await kiosk.core.dispatch('settings.update', { retentionDays: 45 }, operator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.core.dispatch('settings.get', {}, operator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(kiosk.core.settings.get('retentionDays')).toBe(30);
  });
});
