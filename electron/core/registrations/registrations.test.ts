import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_RESOURCES_DIR } from '../startup';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { person } from '../../../test/support/people';
import { enterprisePayload, individualPayload, sampleSubmission, SAMPLE_CREDIT_CODE } from '../../../test/support/submission';
import { verifyAuditChain } from '../audit/audit';
import { parseSnapshotBody } from '../consent';
import { recordContentSha256 } from './contentHash';

function bodyOf(text: string) {
  const parsed = parseSnapshotBody(text);
  if (!parsed.ok) throw new Error('the stored snapshot body does not parse');
  return parsed.body;
}

const ROWS = ['registrations', 'consent_snapshots', 'outbox', 'audit_log'] as const;

describe('registrations', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  function counts(): Record<string, number> {
    const { sqlite } = kiosk.core.database;
    return Object.fromEntries(ROWS.map((t) => [t, Number(sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get())]));
  }

  async function submitted(options: Parameters<typeof sampleSubmission>[2] = {}) {
    const { operator } = await setUpAccounts(kiosk.core);
    return { operator, receipt: await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, options)) };
  }

  it('saves the record, its signed snapshot, the audit entry and the outbox row, and lists it masked', async () => {
    kiosk = createTestCore();
    const who = { name: '张三丰', idNumber: '11010519491231002X', mobile: '13912345678' };
    const registration = { ...individualPayload(who), idNumber: ' １１０１０５１９４９１２３１００２ｘ ' };
    const { operator, receipt } = await submitted({ who, registration });
    expect(receipt).toMatchObject({ state: 'queued', kind: 'individual', number: '20260115-0001', supersedes: null });
    expect(receipt.agreement.title).toContain('青岛');
    const list = await callOk(kiosk.core, operator, 'registrations.list', {});
    expect(list.items[0]).toMatchObject({ id: receipt.id, nameMasked: '张**', idNumberMasked: '1101**********002X', mobileMasked: '139****5678' });
    const { sqlite } = kiosk.core.database;
    const row = sqlite.prepare('SELECT payload, content_sha256, dedupe_key FROM registrations').get() as Record<string, string>;
    expect(JSON.parse(row.payload!)).toMatchObject({ idNumber: '11010519491231002X', sex: 'female', birthDate: '1949-12-31' });
    const snapshot = sqlite.prepare('SELECT body, sha256 FROM consent_snapshots WHERE registration_id = ?').get(receipt.id) as Record<string, string>;
    expect(snapshot.sha256).toBe(receipt.snapshotSha256);
    const body = bodyOf(snapshot.body!);
    expect(body.record_id).toBe(receipt.id);
    expect(body.signer.role).toBe('self');
    expect(body.consents.map((c) => [c.item, c.granted])).toEqual([
      ['agreement', true],
      ['sensitive-personal-information', true],
      ['product-information', false],
      ['partner-sharing', false],
    ]);
    expect(row.content_sha256).toBe(
      recordContentSha256({
        record_id: receipt.id,
        kind: 'individual',
        number: receipt.number,
        created_at: receipt.createdAt,
        supersedes: null,
        payload: JSON.parse(row.payload!),
        snapshot_sha256: receipt.snapshotSha256,
      }),
    );
    expect(row.dedupe_key).toMatch(/^[0-9a-f]{64}$/);
    expect(sqlite.prepare('SELECT count(*) FROM outbox WHERE registration_id = ?').pluck().get(receipt.id)).toBe(1);
    const audit = sqlite.prepare('SELECT subject, details FROM audit_log WHERE action = ?').get('registration.submit') as Record<string, string>;
    expect(audit.subject).toBe(receipt.id);
    expect(audit.details).not.toContain('张三丰');
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
    expect(kiosk.core.consent.verify().ok).toBe(true);
  });

  it('saves an enterprise signed by its agent, and an individual linked to it', async () => {
    kiosk = createTestCore();
    const agent = person(1);
    const { operator, receipt } = await submitted({ who: agent, registration: enterprisePayload(agent) });
    expect(receipt.kind).toBe('enterprise');
    const employee = person(2);
    const linked = await callOk(
      kiosk.core,
      operator,
      'registrations.submit',
      sampleSubmission(kiosk.core, kiosk.clock, {
        who: employee,
        registration: { ...individualPayload(employee), enterprise: { source: 'kiosk', registrationId: receipt.id } },
      }),
    );
    expect(linked.kind).toBe('individual');
    const unknown = await kiosk.core.dispatch(
      'registrations.submit',
      sampleSubmission(kiosk.core, kiosk.clock, {
        who: person(3),
        registration: { ...individualPayload(person(3)), enterprise: { source: 'kiosk', registrationId: linked.id } },
      }),
      operator,
    );
    expect(unknown).toMatchObject({ ok: false, error: { fields: { 'registration.enterprise': expect.stringContaining('企业登记记录') } } });
  });

  it('numbers registrations by the Shanghai calendar day', async () => {
    kiosk = createTestCore();
    const { operator } = await submitted();
    const second = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(second.number).toBe('20260115-0002');
    // 09:00 + 15 h = 00:00 the next day in Shanghai.
    kiosk.clock.advance(15 * 3600_000);
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const nextDay = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(nextDay.number).toBe('20260116-0001');
  });

  it('counts records by state for the queue badge and pushes the counts after the commit', async () => {
    kiosk = createTestCore();
    const seen: number[] = [];
    kiosk.core.events.subscribe((event) => {
      if (event.type === 'queue.changed') seen.push(event.stats.total);
    });
    const { operator } = await submitted();
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    const stats = await callOk(kiosk.core, operator, 'queue.stats', {});
    expect(stats).toMatchObject({ total: 2, byState: { queued: 2, accepted: 0 } });
    expect(seen).toEqual([1, 2]);
  });

  it('refuses an invalid ID number with the reason and saves nothing', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const before = counts();
    const input = sampleSubmission(kiosk.core, kiosk.clock, { who: { ...person(5), idNumber: '110105194912310021' } });
    const result = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'registration.idNumber': '校验位不正确，应为 X' } } });
    expect(counts()).toEqual(before);
  });

  it('refuses a birth date after today on the kiosk clock', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    // Born 15 June 2026, registered on 15 January 2026.
    const unborn = { ...person(6), idNumber: '110105202606150010' };
    const result = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: unborn }), operator);
    expect(result).toMatchObject({ ok: false, error: { fields: { 'registration.idNumber': expect.stringContaining('晚于今天') } } });
  });

  it('asks for a guardian, the guardian consent and the guardian’s signature under 14', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.clock.advance(200 * 24 * 3600_000);
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const child = { ...person(7), idNumber: '110105202606150010' };
    const alone = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: child }), operator);
    expect(alone).toMatchObject({ ok: false, error: { fields: { 'registration.guardian.name': expect.any(String), 'registration.guardian.idNumber': expect.any(String) } } });
    const guardian = person(8);
    const input = sampleSubmission(kiosk.core, kiosk.clock, {
      who: guardian,
      registration: { ...individualPayload(child), guardian: { name: guardian.name, idType: 'resident_id', idNumber: guardian.idNumber } },
    });
    input.signing.signer.role = 'guardian';
    const withoutConsent = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(withoutConsent).toMatchObject({ ok: false, error: { fields: { 'signing.consents': expect.any(String) } } });
    input.signing.consents.push({ item: 'guardian', granted: true, at: input.signing.consents[0]!.at });
    const receipt = await callOk(kiosk.core, operator, 'registrations.submit', input);
    const body = kiosk.core.database.sqlite.prepare('SELECT body FROM consent_snapshots WHERE registration_id = ?').pluck().get(receipt.id) as string;
    expect(bodyOf(body).signer.role).toBe('guardian');
  });

  it('refuses a signer who is not the registrant', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const input = sampleSubmission(kiosk.core, kiosk.clock, { who: person(9), registration: individualPayload(person(10)) });
    const result = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(result).toMatchObject({ ok: false, error: { fields: { 'signing.signer': expect.stringContaining('本人') } } });
  });

  it('warns of the same ID number or credit code already here, and saves with a recorded reason', async () => {
    kiosk = createTestCore();
    const who = person(11);
    const { operator, receipt } = await submitted({ who });
    const again = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who }), operator);
    expect(again).toMatchObject({ ok: false, error: { fields: { duplicateReason: expect.stringContaining('原因') } } });
    const matches = await callOk(kiosk.core, operator, 'registrations.findDuplicates', { registration: individualPayload(who) });
    expect(matches).toEqual([{ id: receipt.id, number: receipt.number, createdAt: receipt.createdAt, state: 'queued' }]);
    const saved = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who, duplicateReason: '原登记手机号码已停用' }));
    const audit = kiosk.core.database.sqlite.prepare('SELECT details FROM audit_log WHERE subject = ?').pluck().get(saved.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ duplicateReason: '原登记手机号码已停用' });
    const agent = person(12);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: agent, registration: enterprisePayload(agent) }));
    const sameCode = await callOk(kiosk.core, operator, 'registrations.findDuplicates', { registration: { kind: 'enterprise', creditCode: SAMPLE_CREDIT_CODE } });
    expect(sameCode).toHaveLength(1);
  });

  it('corrects a record with a new one that supersedes it, once, and never edits the original', async () => {
    kiosk = createTestCore();
    const who = person(13);
    const { operator, receipt } = await submitted({ who });
    const original = kiosk.core.database.sqlite.prepare('SELECT * FROM registrations WHERE id = ?').get(receipt.id);
    const corrected = { ...who, mobile: '13700001111' };
    const correction = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: corrected, supersedes: receipt.id }));
    expect(correction.supersedes).toBe(receipt.id);
    expect(kiosk.core.database.sqlite.prepare('SELECT * FROM registrations WHERE id = ?').get(receipt.id)).toEqual(original);
    const twice = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: corrected, supersedes: receipt.id }), operator);
    expect(twice).toMatchObject({ ok: false, error: { fields: { supersedes: expect.stringContaining('不能再更正') } } });
    const detail = await callOk(kiosk.core, operator, 'registrations.get', { id: correction.id });
    expect(detail.payload).toMatchObject({ mobile: '13700001111' });
    expect(detail.supersedes).toBe(receipt.id);
  });

  it('refuses a signature that was not read to the end or whose text changed, with each reason', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const input = sampleSubmission(kiosk.core, kiosk.clock);
    input.signing.reading.reachedEndAt = null;
    input.signing.agreement.sha256 = 'f'.repeat(64);
    const before = counts();
    const result = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(result).toMatchObject({ ok: false, error: { fields: { 'signing.reading': expect.any(String), 'signing.agreement': expect.any(String) } } });
    expect(counts()).toEqual(before);
  });

  it('accepts the version a draft was signed on after a new one took effect, but not one signed after the change', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const shown = kiosk.core.profiles.agreementFor('individual');
    const text = readFileSync(join(PROJECT_RESOURCES_DIR, 'agreements', '000_29596858888244fe.txt'), 'utf8');
    // Version 2.0 takes effect ten minutes from now (the clock starts at 09:00 in Shanghai).
    const effectiveFrom = new Date(kiosk.clock.now().getTime() + 10 * 60_000).toISOString();
    kiosk.core.agreements.store(
      { agreementId: shown.agreementId, version: '2.0', effectiveFrom, fileName: 'v2.txt', bytes: Buffer.from(`${text}\n十三、附则\n本版本自公布之日起施行。\n`) },
      { actor: 'it01', source: 'admin' },
    );
    const signedBefore = sampleSubmission(kiosk.core, kiosk.clock);
    kiosk.clock.advance(15 * 60_000);
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const saved = await callOk(kiosk.core, operator, 'registrations.submit', signedBefore);
    expect(saved.agreement.version).toBe(shown.version);
    // Opened before 2.0 took effect, but the consents were given after it, on the old text: the
    // registrant must be shown the new text before signing.
    const stale = sampleSubmission(kiosk.core, kiosk.clock);
    const at = (minutesAfterChange: number) => new Date(Date.parse(effectiveFrom) + minutesAfterChange * 60_000).toISOString();
    stale.signing.agreement = { id: shown.agreementId, version: shown.version, sha256: shown.canonicalSha256 };
    stale.signing.reading = { openedAt: at(-5), reachedEndAt: at(1), durationMs: 300_000 };
    stale.signing.consents = stale.signing.consents.map((consent) => ({ ...consent, at: at(2) }));
    const refused = await kiosk.core.dispatch('registrations.submit', stale, operator);
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'signing.agreement': expect.any(String) } } });
    const current = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(current.agreement.version).toBe('2.0');
  });

  it('answers in English when the client asks for it', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'session.setLocale', { locale: 'en' });
    const input = sampleSubmission(kiosk.core, kiosk.clock, { registration: { ...individualPayload(person(14)), mobile: '123' } });
    const result = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/invalid/i);
      expect(result.error.fields?.['registration.mobile']).toMatch(/[A-Za-z]/);
      expect(result.error.fields?.['registration.mobile']).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
