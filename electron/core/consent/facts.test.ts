import { describe, expect, it } from 'vitest';
import { factsInput, fixedRules, testConsentItems } from '../../../test/support/consent';
import { encodePng } from '../../../test/support/png';
import { KioskError } from '../errors';
import { sha256Hex } from './ed25519';
import { checkConsentFacts, consentTextSha256, signerRolesFor, type ConsentFactsInput, type ConsentRules } from './facts';

const now = new Date('2026-01-15T09:30:00+08:00');
const agreement = { id: 'test-agreement', version: '2.0', sha256: sha256Hex('协议全文\n') };
const rules = fixedRules(now, [agreement]);

function refusal(input: ConsentFactsInput, withRules: ConsentRules = rules): Record<string, unknown> {
  try {
    checkConsentFacts(input, withRules);
  } catch (error) {
    if (error instanceof KioskError && error.code === 'invalid_input') return error.fieldIssues ?? {};
    throw error;
  }
  throw new Error('the facts were accepted');
}

const base = () => factsInput(agreement, now);

describe('checking the facts of a signing', () => {
  it('accepts a complete signing and puts it in snapshot form', () => {
    const input = base();
    const checked = checkConsentFacts(input, rules);
    expect(checked.agreement).toEqual({ ...agreement, locale: 'zh-CN' });
    expect(checked.reading).toEqual({ openedAt: '2026-01-15T09:28:00.000+08:00', reachedEndAt: '2026-01-15T09:29:00.000+08:00', durationMs: 58_500 });
    expect(checked.consents.map((c) => [c.item, c.required, c.separate, c.granted, c.at])).toEqual([
      ['agreement', true, false, true, '2026-01-15T09:29:30.000+08:00'],
      ['sensitive-personal-information', true, true, true, '2026-01-15T09:29:30.000+08:00'],
      ['push-messages', false, true, false, '2026-01-15T09:29:30.000+08:00'],
    ]);
    expect(checked.consents[0]?.textSha256).toBe(consentTextSha256(testConsentItems[0]?.text ?? ''));
    expect(checked.signer).toEqual({ name: '张三丰', role: 'self', idType: 'resident_id', idHash: rules.hashIdNumber('11010519491231002X') });
    expect(checked.signaturePng).toMatchObject({ sha256: sha256Hex(input.signaturePng), width: 400, height: 160 });
    expect(checked.signaturePng.bytes.equals(input.signaturePng)).toBe(true);
  });

  it('refuses a required consent that was not given, but not a refused optional one', () => {
    const input = base();
    input.consents = input.consents.map((c) => (c.item === 'sensitive-personal-information' ? { ...c, granted: false } : c));
    expect(refusal(input)).toEqual({ 'consents.sensitive-personal-information': { key: 'consent.item.required' } });
    const optional = base();
    optional.consents = optional.consents.map((c) => ({ ...c, granted: true }));
    expect(checkConsentFacts(optional, rules).consents.every((c) => c.granted)).toBe(true);
  });

  it('refuses consents that are not exactly the ones asked', () => {
    const [first, second, third] = base().consents;
    if (!first || !second || !third) throw new Error('three consents expected');
    for (const consents of [[first, second], [first, second, third, third], [first, second, { ...third, item: 'share-with-partners' }]]) {
      expect(refusal({ ...base(), consents })).toEqual({ consents: { key: 'consent.item.mismatch' } });
    }
  });

  it('refuses a signing before the text was read to the end', () => {
    const input = base();
    input.reading = { ...input.reading, reachedEndAt: null };
    expect(refusal(input)).toEqual({ reading: { key: 'consent.reading.notFinished' } });
  });

  it('refuses reading times that do not add up', () => {
    const t = now.getTime();
    const iso = (ms: number) => new Date(t + ms).toISOString();
    const cases: Array<ConsentFactsInput['reading']> = [
      { openedAt: iso(-60_000), reachedEndAt: iso(-120_000), durationMs: 0 },
      { openedAt: iso(-120_000), reachedEndAt: iso(-60_000), durationMs: 61_001 },
      { openedAt: iso(-120_000), reachedEndAt: iso(-60_000), durationMs: -1 },
      { openedAt: iso(-120_000), reachedEndAt: iso(-60_000), durationMs: 1.5 },
      { openedAt: iso(-120_000), reachedEndAt: iso(60_000), durationMs: 1000 },
      { openedAt: '2026-01-15T09:28:00', reachedEndAt: iso(-60_000), durationMs: 1000 },
    ];
    for (const reading of cases) expect(refusal({ ...base(), reading }), JSON.stringify(reading)).toEqual({ reading: { key: 'consent.reading.times' } });
    // Up to a second more than the wall span is the renderer's rounding.
    expect(checkConsentFacts({ ...base(), reading: { openedAt: iso(-120_000), reachedEndAt: iso(-60_000), durationMs: 61_000 } }, rules).reading.durationMs).toBe(61_000);
  });

  it('refuses a consent given before the end of the text was reached, or in the future', () => {
    for (const at of ['2026-01-15T09:28:30+08:00', '2026-01-15T09:31:00+08:00', 'soon']) {
      const input = base();
      input.consents = input.consents.map((c) => (c.item === 'agreement' ? { ...c, at } : c));
      expect(refusal(input), at).toEqual({ 'consents.agreement': { key: 'consent.item.time' } });
    }
    // A refusal may be recorded while the text is still open.
    const input = base();
    input.consents = input.consents.map((c) => (c.item === 'push-messages' ? { ...c, at: '2026-01-15T09:28:30+08:00' } : c));
    expect(checkConsentFacts(input, rules).consents[2]?.granted).toBe(false);
  });

  it('refuses an agreement version the kiosk does not have, may not use, or whose text differs', () => {
    expect(refusal({ ...base(), agreement: { ...agreement, version: '9.9' } })).toEqual({ agreement: { key: 'consent.agreement.unknown' } });
    expect(refusal(base(), { ...rules, isAgreementAcceptable: () => false })).toEqual({ agreement: { key: 'consent.agreement.notCurrent' } });
    expect(refusal({ ...base(), agreement: { ...agreement, sha256: sha256Hex('另一版本\n') } })).toEqual({ agreement: { key: 'consent.agreement.textChanged' } });
  });

  it('checks the signer: role for the kind, document type and number, name', () => {
    const signer = base().signer;
    expect(refusal({ ...base(), signer: { ...signer, role: 'agent' } })).toEqual({ 'signer.role': { key: 'consent.signer.role' } });
    expect(signerRolesFor('enterprise')).toEqual(['legal_representative', 'agent']);
    expect(refusal({ ...base(), signer: { ...signer, idType: 'driving_licence' } })).toEqual({ 'signer.idType': { key: 'consent.signer.idType' } });
    expect(refusal({ ...base(), signer: { ...signer, idNumber: '110105194912310021' } })).toEqual({
      'signer.idNumber': { key: 'validation.idNumber.checksum', params: { expected: 'X' } },
    });
    for (const idNumber of ['E123', 'E12#4567', 'E'.repeat(21)]) {
      expect(refusal({ ...base(), signer: { ...signer, idType: 'passport', idNumber } }), idNumber).toEqual({ 'signer.idNumber': { key: 'consent.signer.idNumber' } });
    }
    expect(refusal({ ...base(), signer: { ...signer, name: '张3' } })).toEqual({ 'signer.name': { key: 'validation.name.chars' } });
  });

  it('hashes the normalised document number', () => {
    const signer = { ...base().signer, idNumber: ' 11010519491231002x ' };
    expect(checkConsentFacts({ ...base(), signer }, rules).signer.idHash).toBe(rules.hashIdNumber('11010519491231002X'));
    const passport = { ...base().signer, idType: 'passport', idNumber: 'ｅ１２３４５６７８' };
    expect(checkConsentFacts({ ...base(), signer: passport }, rules).signer).toMatchObject({ idType: 'passport', idHash: rules.hashIdNumber('E12345678') });
  });

  it('refuses an empty signature with its reason', () => {
    expect(refusal({ ...base(), signaturePng: encodePng({ width: 400, height: 160 }) })).toEqual({ signaturePng: { key: 'consent.signature.empty', params: {} } });
    expect(refusal({ ...base(), signaturePng: encodePng({ width: 40, height: 160 }) })).toEqual({
      signaturePng: { key: 'consent.signature.dimensions', params: { width: 40, height: 160, min: 100, max: 4000 } },
    });
  });

  it('reports every field at fault at once', () => {
    const input = base();
    input.reading = { ...input.reading, reachedEndAt: null };
    input.signer = { ...input.signer, role: 'boss' };
    input.signaturePng = Buffer.from('not a png');
    expect(Object.keys(refusal(input)).sort()).toEqual(['reading', 'signaturePng', 'signer.role']);
  });
});
