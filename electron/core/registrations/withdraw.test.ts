import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { person } from '../../../test/support/people';
import { enterprisePayload, sampleSubmission } from '../../../test/support/submission';
import { verifyAuditChain } from '../audit/audit';

const TABLES = ['registrations', 'consent_snapshots', 'outbox', 'audit_log', 'blobs'] as const;

describe('registrations.withdraw', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  function dump(): Record<string, unknown[]> {
    const { sqlite } = kiosk.core.database;
    return Object.fromEntries(TABLES.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
  }

  async function saved(who = person(21)) {
    const { operator } = await setUpAccounts(kiosk.core);
    const receipt = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who }));
    return { operator, receipt };
  }

  it('writes a new record that supersedes the original, with audit entry and outbox row, and never edits the original', async () => {
    kiosk = createTestCore();
    const { operator, receipt } = await saved();
    const { sqlite } = kiosk.core.database;
    const original = sqlite.prepare('SELECT * FROM registrations WHERE id = ?').get(receipt.id);
    expect(await callOk(kiosk.core, operator, 'registrations.get', { id: receipt.id })).toMatchObject({ correctable: true });
    kiosk.clock.advance(60_000);
    const withdrawal = await callOk(kiosk.core, operator, 'registrations.withdraw', { id: receipt.id, reason: ' 本人要求撤回　 ' });
    expect(withdrawal).toMatchObject({
      state: 'queued',
      kind: 'individual',
      number: '20260115-0002',
      reason: '本人要求撤回',
      withdraws: { id: receipt.id, number: receipt.number },
    });
    expect(sqlite.prepare('SELECT * FROM registrations WHERE id = ?').get(receipt.id)).toEqual(original);
    const row = sqlite.prepare('SELECT kind, state, payload, supersedes, withdrawal_reason, operator_id, content_sha256 FROM registrations WHERE id = ?').get(withdrawal.id);
    expect(row).toMatchObject({
      kind: 'individual',
      state: 'queued',
      payload: '{"kind":"individual"}',
      supersedes: receipt.id,
      withdrawal_reason: '本人要求撤回',
      operator_id: 'op01',
      content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(sqlite.prepare('SELECT registration_id FROM outbox ORDER BY registration_id').pluck().all()).toEqual([receipt.id, withdrawal.id]);
    const audit = sqlite.prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'registration.withdraw'").all() as Array<Record<string, string>>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'op01', subject: withdrawal.id });
    // The reason is free text that may name the person: it is not copied into the audit log.
    expect(audit[0]!.details).not.toContain('本人');
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
    // No new consent snapshot: nothing the registrant signed changed.
    expect(sqlite.prepare('SELECT count(*) FROM consent_snapshots').pluck().get()).toBe(1);

    const detail = await callOk(kiosk.core, operator, 'registrations.get', { id: receipt.id });
    expect(detail).toMatchObject({ replacedBy: withdrawal.id, withdrawalReason: null, correctable: false, summary: { withdrawn: true, withdrawal: null } });
    const own = await callOk(kiosk.core, operator, 'registrations.get', { id: withdrawal.id });
    expect(own).toMatchObject({ payload: null, supersedes: receipt.id, withdrawalReason: '本人要求撤回', correctable: false, summary: { withdrawn: false, withdrawal: { withdraws: receipt.id, withdrawsNumber: receipt.number } } });
    const list = await callOk(kiosk.core, operator, 'registrations.list', {});
    expect(list.items.map((item) => [item.number, item.withdrawn, item.withdrawal?.withdrawsNumber ?? null])).toEqual([
      [withdrawal.number, false, receipt.number],
      [receipt.number, true, null],
    ]);
    expect(kiosk.logLines.join('\n')).not.toContain('本人要求撤回');
  });

  it('refuses, changing nothing: an unknown id, a second withdrawal, withdrawing or correcting a withdrawal, an acknowledged record, no reason', async () => {
    kiosk = createTestCore();
    const { operator, receipt } = await saved();
    const other = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: person(22) }));
    const before = dump();
    const empty = await kiosk.core.dispatch('registrations.withdraw', { id: receipt.id, reason: ' 　 ' }, operator);
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: '请填写或选择撤回原因' } } });
    const long = await kiosk.core.dispatch('registrations.withdraw', { id: receipt.id, reason: '长'.repeat(201) }, operator);
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: expect.any(String) } } });
    const unknown = await kiosk.core.dispatch('registrations.withdraw', { id: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', reason: '本人要求' }, operator);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dump()).toEqual(before);

    const withdrawal = await callOk(kiosk.core, operator, 'registrations.withdraw', { id: receipt.id, reason: '本人要求' });
    const afterFirst = dump();
    const again = await kiosk.core.dispatch('registrations.withdraw', { id: receipt.id, reason: '再次' }, operator);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: expect.stringContaining('不能再更正或撤回') } } });
    const ofWithdrawal = await kiosk.core.dispatch('registrations.withdraw', { id: withdrawal.id, reason: '撤回撤回' }, operator);
    expect(ofWithdrawal).toMatchObject({ ok: false, error: { fields: { id: '这是一条撤回记录，不能再更正或撤回' } } });
    const correctWithdrawal = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: person(21), supersedes: withdrawal.id }), operator);
    expect(correctWithdrawal).toMatchObject({ ok: false, error: { fields: { supersedes: '这是一条撤回记录，不能再更正或撤回' } } });
    const correctWithdrawn = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: person(21), supersedes: receipt.id }), operator);
    expect(correctWithdrawn).toMatchObject({ ok: false, error: { fields: { supersedes: expect.stringContaining('不能再更正或撤回') } } });
    expect(dump()).toEqual(afterFirst);

    kiosk.core.database.sqlite.prepare("UPDATE registrations SET state = 'accepted', acknowledged_at = updated_at WHERE id = ?").run(other.id);
    const acknowledged = dump();
    const late = await kiosk.core.dispatch('registrations.withdraw', { id: other.id, reason: '本人要求' }, operator);
    expect(late).toMatchObject({ ok: false, error: { fields: { id: expect.stringContaining('已被平台确认') } } });
    expect(dump()).toEqual(acknowledged);
  });

  it('takes a withdrawn enterprise out of the choices an individual can be linked to, and lists no empty choice for the withdrawal', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const agent = person(23);
    const enterprise = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: agent, registration: enterprisePayload(agent) }));
    expect((await callOk(kiosk.core, operator, 'registrations.findEnterprises', {})).map((choice) => choice.id)).toEqual([enterprise.id]);
    await callOk(kiosk.core, operator, 'registrations.withdraw', { id: enterprise.id, reason: '企业要求撤回' });
    expect(await callOk(kiosk.core, operator, 'registrations.findEnterprises', {})).toEqual([]);
  });

  it('after acknowledgement and the retention period, deletes the reason too and keeps the row a withdrawal', async () => {
    kiosk = createTestCore();
    const { operator, receipt } = await saved();
    const withdrawal = await callOk(kiosk.core, operator, 'registrations.withdraw', { id: receipt.id, reason: '本人张三要求撤回' });
    const { sqlite } = kiosk.core.database;
    sqlite.prepare("UPDATE registrations SET state = 'accepted', acknowledged_at = ?").run(kiosk.clock.now().toISOString());
    kiosk.clock.advance(400 * 24 * 3600_000);
    expect(kiosk.core.retention.purgeDue().purged).toBe(2);
    expect(sqlite.prepare('SELECT state, withdrawal_reason, payload FROM registrations WHERE id = ?').get(withdrawal.id)).toEqual({
      state: 'purged',
      withdrawal_reason: '',
      payload: '{"kind":"individual"}',
    });
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const detail = await callOk(kiosk.core, operator, 'registrations.get', { id: withdrawal.id });
    expect(detail).toMatchObject({ withdrawalReason: '', summary: { withdrawal: { withdraws: receipt.id } } });
  });
});
