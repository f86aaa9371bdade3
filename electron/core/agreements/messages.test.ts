// The texts people read for agreement errors and warnings: every code has one in every language, and
// the catalogue's Chinese import errors are the importer's own words.
import { describe, expect, it } from 'vitest';
import { importWarningCodes, versionStatuses } from '../../../shared/domain/agreement';
import { isMessageKey, locales, translate } from '../../../shared/i18n';
import { AgreementImportError, type AgreementErrorCode, type ImportWarningCode } from '.';
import { AgreementLibraryError, agreementErrorMessage, type LibraryErrorCode } from './libraryErrors';

const importErrorCodes = Object.keys({
  agreement_format: true,
  agreement_encoding: true,
  agreement_garbled: true,
  agreement_empty: true,
  agreement_no_title: true,
} satisfies Record<AgreementErrorCode, true>) as AgreementErrorCode[];

const libraryErrorCodes = Object.keys({
  version_conflict: true,
  version_terms_differ: true,
  effective_taken: true,
  supersedes_unknown: true,
  supersedes_not_earlier: true,
  none_in_force: true,
  profile_missing: true,
} satisfies Record<LibraryErrorCode, true>) as LibraryErrorCode[];

// The shared list of warning codes is what the API's schema accepts: it must be the importer's.
const sameWarningCodes: [ImportWarningCode] extends [(typeof importWarningCodes)[number]]
  ? [(typeof importWarningCodes)[number]] extends [ImportWarningCode]
    ? true
    : false
  : false = true;

describe('agreement messages', () => {
  it('give the importer’s own Chinese words, with the line when there is one', () => {
    for (const code of importErrorCodes) {
      expect(agreementErrorMessage(new AgreementImportError(code), 'zh-CN')).toBe(new AgreementImportError(code).message);
      expect(agreementErrorMessage(new AgreementImportError(code, 7), 'zh-CN')).toBe(new AgreementImportError(code, 7).message);
      expect(agreementErrorMessage(new AgreementImportError(code, 7), 'en')).toMatch(/^Line 7: [A-Z]/);
    }
  });

  it('exist for every library refusal, warning and status in every language', () => {
    expect(sameWarningCodes).toBe(true);
    const keys = [
      ...libraryErrorCodes.map((code) => `agreements.error.${code}`),
      ...importWarningCodes.map((code) => `agreements.warning.${code}`),
      ...versionStatuses.map((status) => `agreements.status.${status}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
    const error = new AgreementLibraryError('effective_taken', { agreementId: 'a', version: '2', other: '1', effectiveFrom: '2025-01-01 00:00' });
    for (const locale of locales) expect(agreementErrorMessage(error, locale)).not.toMatch(/\{\{/);
    expect(translate('zh-CN', 'agreements.error.effective_taken', error.params)).toContain('版本 1 已定于 2025-01-01 00:00 生效');
  });
});
