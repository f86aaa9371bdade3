// Why the agreement library refuses something, and how both kinds of agreement error (the importer's
// and the library's) read in a person's language. Callers that face a person (API handlers, the CLI)
// turn them into text with agreementErrorMessage.
import { translate, type Locale } from '../../../shared/i18n';
import { AgreementImportError } from './errors';

export type LibraryErrorCode =
  | 'version_conflict'
  | 'version_terms_differ'
  | 'effective_taken'
  | 'supersedes_unknown'
  | 'supersedes_not_earlier'
  | 'none_in_force'
  | 'profile_missing';

export type LibraryErrorParams = Readonly<Record<string, string>>;

export class AgreementLibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    readonly params: LibraryErrorParams,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AgreementLibraryError';
  }
}

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as the counter reads it: `2024-01-01 00:00` in China Standard Time. */
export function displayMoment(iso: string): string {
  return shanghaiMinute.format(new Date(iso));
}

/** The text a person reads for an agreement error, or null for any other error. */
export function agreementErrorMessage(error: unknown, locale: Locale): string | null {
  if (error instanceof AgreementLibraryError) return translate(locale, `agreements.error.${error.code}`, error.params);
  if (error instanceof AgreementImportError) {
    const reason = translate(locale, `agreements.importError.${error.code}`);
    return error.line === null ? reason : translate(locale, 'agreements.importError.atLine', { line: error.line, reason });
  }
  return null;
}
