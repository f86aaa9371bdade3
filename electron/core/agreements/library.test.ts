import { afterEach, describe, expect, it } from 'vitest';
import { normalizeEffectiveFrom } from '../../../shared/domain/agreement';
import { createTestCore, type TestCore } from '../../../test/support/core';
import { verifyAuditChain } from '../audit/audit';
import { AgreementImportError } from './errors';
import type { NewAgreementVersion } from './library';
import { AgreementLibraryError, agreementErrorMessage } from './libraryErrors';

const encode = (text: string) => new TextEncoder().encode(text);

/** A small agreement whose second clause carries `clause`, so versions differ in one sentence. */
function agreementText(clause = '用户应当提供真实、准确的注册信息。'): Uint8Array {
  return encode(`测试平台注册协议\n\n一、本协议缔约方为测试平台和注册用户。\n二、${clause}\n`);
}

function version(overrides: Partial<NewAgreementVersion> = {}): NewAgreementVersion {
  return {
    agreementId: 'test-registration',
    version: '1.0',
    effectiveFrom: normalizeEffectiveFrom('2025-01-01') ?? '',
    fileName: 'test.txt',
    bytes: agreementText(),
    ...overrides,
  };
}

const admin = { actor: 'it01', source: 'admin' } as const;

describe('the agreement library', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  const library = () => kiosk.core.agreements;
  const sqlite = () => kiosk.core.database.sqlite;
  const auditActions = () =>
    sqlite().prepare("SELECT action, actor, subject FROM audit_log WHERE subject LIKE 'test-registration@%' ORDER BY seq").all();
  const rowOf = (v: string) =>
    sqlite().prepare("SELECT * FROM agreement_versions WHERE agreement_id = 'test-registration' AND version = ?").get(v);

  it('stores a version with its texts, hashes and an audit entry', () => {
    kiosk = createTestCore();
    const { summary, stored } = library().store(version(), admin);
    expect(stored).toBe(true);
    expect(summary).toMatchObject({
      agreementId: 'test-registration',
      version: '1.0',
      title: '测试平台注册协议',
      effectiveFrom: '2024-12-31T16:00:00.000Z',
      supersedes: null,
      importedBy: 'it01',
      status: 'active',
    });
    const full = library().get('test-registration', '1.0');
    expect(full?.document.sections.map((section) => section.number)).toEqual(['一', '二']);
    expect(full?.canonicalText).toContain('用户应当提供真实、准确的注册信息。');
    expect(full?.canonicalSha256).toBe(summary.canonicalSha256);
    const source = (rowOf('1.0') as { source_bytes: Buffer }).source_bytes;
    expect(Buffer.compare(source, Buffer.from(agreementText()))).toBe(0);
    expect(auditActions()).toEqual([{ action: 'agreement.import', actor: 'it01', subject: 'test-registration@1.0' }]);
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
  });

  it('treats storing the same version with the same text again as a no-op', () => {
    kiosk = createTestCore();
    library().store(version(), admin);
    const before = rowOf('1.0');
    // Different line endings are different bytes but the same canonical text.
    const again = library().store(version({ bytes: encode(new TextDecoder().decode(agreementText()).replaceAll('\n', '\r\n')) }), admin);
    expect(again.stored).toBe(false);
    expect(rowOf('1.0')).toEqual(before);
    expect(auditActions()).toHaveLength(1);
  });

  it('refuses a version label that is already stored with a different text, and says what to do', () => {
    kiosk = createTestCore();
    library().store(version(), admin);
    const attempt = () => library().store(version({ bytes: agreementText('用户应当提供真实的信息。') }), admin);
    expect(attempt).toThrow(AgreementLibraryError);
    try {
      attempt();
    } catch (error) {
      expect(agreementErrorMessage(error, 'zh-CN')).toBe(
        '协议 test-registration 的版本 1.0 已保存过不同的正文。已保存的版本不能修改；如果这是新版本，请换一个新的版本号后重试。',
      );
      expect(agreementErrorMessage(error, 'en')).toContain('give it a new version label');
    }
    expect(auditActions()).toHaveLength(1);
  });

  it('refuses the same version and text with another effective date', () => {
    kiosk = createTestCore();
    library().store(version(), admin);
    expect(() => library().store(version({ effectiveFrom: normalizeEffectiveFrom('2025-02-01') ?? '' }), admin)).toThrow(
      expect.objectContaining({ code: 'version_terms_differ' }),
    );
  });

  it('refuses two versions of one agreement that take effect at the same moment', () => {
    kiosk = createTestCore();
    library().store(version(), admin);
    expect(() => library().store(version({ version: '2.0', bytes: agreementText('新的条款。') }), admin)).toThrow(
      expect.objectContaining({ code: 'effective_taken', params: expect.objectContaining({ other: '1.0', effectiveFrom: '2025-01-01 00:00' }) }),
    );
    expect(library().list('test-registration').map((v) => v.version)).toEqual(['1.0']);
  });

  it('picks the version with the latest effective date not after the moment', () => {
    kiosk = createTestCore(); // the clock stands at 2026-01-15 09:00 Shanghai time
    library().store(version({ version: '1.0', effectiveFrom: normalizeEffectiveFrom('2025-01-01') ?? '' }), admin);
    library().store(version({ version: '3.0', effectiveFrom: normalizeEffectiveFrom('2026-03-01') ?? '', bytes: agreementText('第三版。') }), admin);
    library().store(version({ version: '2.0', effectiveFrom: normalizeEffectiveFrom('2025-06-01') ?? '', bytes: agreementText('第二版。') }), admin);
    const at = (iso: string) => library().activeAt('test-registration', new Date(iso))?.version ?? null;
    expect(at('2024-12-31T15:59:59.999Z')).toBeNull();
    expect(at('2024-12-31T16:00:00.000Z')).toBe('1.0');
    expect(at('2025-05-31T15:59:59.999Z')).toBe('1.0');
    expect(at('2025-05-31T16:00:00.000Z')).toBe('2.0');
    expect(at('2026-02-28T16:00:00.000Z')).toBe('3.0');
    expect(library().activeAt('test-registration', new Date('2026-02-28T16:00:00.000Z'))?.canonicalText).toContain('第三版。');
    // supersedes is fixed when a version is stored: 3.0 came before 2.0 existed and keeps naming 1.0.
    expect(library().list('test-registration').map((v) => [v.version, v.status, v.supersedes])).toEqual([
      ['3.0', 'scheduled', '1.0'],
      ['2.0', 'active', '1.0'],
      ['1.0', 'superseded', null],
    ]);
  });

  it('never alters a stored version when a newer one is stored, and the database refuses to', () => {
    kiosk = createTestCore();
    library().store(version(), admin);
    const before = rowOf('1.0');
    library().store(
      version({ version: '2.0', effectiveFrom: normalizeEffectiveFrom('2025-06-01') ?? '', bytes: agreementText('第二版。'), supersedes: '1.0' }),
      admin,
    );
    expect(rowOf('1.0')).toEqual(before);
    expect(() => sqlite().prepare("UPDATE agreement_versions SET canonical_text = 'x' WHERE version = '1.0'").run()).toThrow(/immutable/);
    expect(() => sqlite().prepare("DELETE FROM agreement_versions WHERE agreement_id = 'test-registration'").run()).toThrow(/immutable/);
    expect(rowOf('1.0')).toEqual(before);
  });

  it('checks the version a new one supersedes', () => {
    kiosk = createTestCore();
    library().store(version({ effectiveFrom: normalizeEffectiveFrom('2025-06-01') ?? '' }), admin);
    const next = (supersedes: string | null, effective: string) =>
      library().store(
        version({ version: '2.0', supersedes, effectiveFrom: normalizeEffectiveFrom(effective) ?? '', bytes: agreementText('第二版。') }),
        admin,
      );
    expect(() => next('0.9', '2025-07-01')).toThrow(expect.objectContaining({ code: 'supersedes_unknown' }));
    expect(() => next('1.0', '2025-05-01')).toThrow(expect.objectContaining({ code: 'supersedes_not_earlier' }));
    expect(next(null, '2025-07-01').summary.supersedes).toBeNull();
  });

  it('stores nothing when the importer refuses the file', () => {
    kiosk = createTestCore();
    expect(() => library().store(version({ fileName: 'test.pdf' }), admin)).toThrow(AgreementImportError);
    expect(() => library().store(version({ bytes: encode('\n\n\n') }), admin)).toThrow(AgreementImportError);
    expect(library().list('test-registration')).toEqual([]);
    expect(auditActions()).toEqual([]);
  });
});
