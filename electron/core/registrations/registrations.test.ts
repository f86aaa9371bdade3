import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, sampleIndividual, setUpAccounts, type TestCore } from '../../../test/support/core';
import { verifyAuditChain } from '../audit/audit';

describe('registrations', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('saves a normalised record with its audit entry and lists it masked', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const receipt = await callOk(kiosk.core, operator, 'registrations.submit', {
      ...sampleIndividual,
      idNumber: ' １１０１０５１９４９１２３１００２ｘ ',
    });
    expect(receipt.state).toBe('queued');
    // 09:00 in Shanghai on the manual clock's start date.
    expect(receipt.number).toBe('20260115-0001');
    const list = await callOk(kiosk.core, operator, 'registrations.list', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: receipt.id,
      nameMasked: '张**',
      idNumberMasked: '1101**********002X',
      mobileMasked: '139****5678',
    });
    const stored = kiosk.core.database.sqlite.prepare('SELECT payload FROM registrations').pluck().get() as string;
    expect(JSON.parse(stored)).toMatchObject({ idNumber: '11010519491231002X' });
    const audit = kiosk.core.database.sqlite.prepare('SELECT action, subject, details FROM audit_log WHERE action = ?').get('registration.submit') as { subject: string; details: string };
    expect(audit.subject).toBe(receipt.id);
    expect(audit.details).not.toContain('张三丰');
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
  });

  it('numbers registrations by the Shanghai calendar day', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    const second = await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    expect(second.number).toBe('20260115-0002');
    // 09:00 + 15 h = 00:00 the next day in Shanghai.
    kiosk.clock.advance(15 * 3600_000);
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const nextDay = await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    expect(nextDay.number).toBe('20260116-0001');
  });

  it('counts records by state for the queue badge', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    expect((await callOk(kiosk.core, operator, 'queue.stats', {})).total).toBe(0);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    const stats = await callOk(kiosk.core, operator, 'queue.stats', {});
    expect(stats.total).toBe(2);
    expect(stats.byState.queued).toBe(2);
    expect(stats.byState.accepted).toBe(0);
  });

  it('pushes the new queue counts to subscribers after the commit', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const seen: number[] = [];
    kiosk.core.events.subscribe((event) => seen.push(event.stats.total));
    await callOk(kiosk.core, operator, 'registrations.submit', sampleIndividual);
    expect(seen).toEqual([1]);
  });

  it('refuses an invalid ID number with the reason and saves nothing', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('registrations.submit', { ...sampleIndividual, idNumber: '110105194912310021' }, operator);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { idNumber: '校验位不正确，应为 X' } },
    });
    expect((await callOk(kiosk.core, operator, 'queue.stats', {})).total).toBe(0);
  });

  it('refuses a birth date after today on the kiosk clock', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    // Born 15 June 2026, registered on 15 January 2026.
    const result = await kiosk.core.dispatch('registrations.submit', { ...sampleIndividual, idNumber: '110105202606150010' }, operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { idNumber: expect.stringContaining('晚于今天') } } });
    kiosk.clock.advance(200 * 24 * 3600_000);
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    await callOk(kiosk.core, operator, 'registrations.submit', { ...sampleIndividual, idNumber: '110105202606150010' });
  });

  it('answers in English when the client asks for it', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'session.setLocale', { locale: 'en' });
    const result = await kiosk.core.dispatch('registrations.submit', { ...sampleIndividual, mobile: '123' }, operator);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/invalid/i);
      expect(result.error.fields?.mobile).toMatch(/[A-Za-z]/);
      expect(result.error.fields?.mobile).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
