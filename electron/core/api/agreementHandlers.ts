// Handlers of the agreement and profile operations. Agreement errors (the importer's and the
// library's) reach the caller as agreement_invalid / agreement_unavailable with the reason in the
// caller's language.
import type { OperationName } from '../../../shared/api/contract';
import type { ErrorCode } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/i18n';
import { importAgreement, AgreementImportError } from '../agreements';
import type { AgreementLibrary } from '../agreements/library';
import { AgreementLibraryError, agreementErrorMessage } from '../agreements/libraryErrors';
import { KioskError } from '../errors';
import type { Profiles } from '../profiles';
import type { CallContext, Handlers } from './handlers';

type AgreementOperation = Extract<OperationName, `agreements.${string}` | `profiles.${string}`>;

export interface AgreementHandlerDeps {
  agreements: AgreementLibrary;
  profiles: Profiles;
}

function errorCodeFor(error: AgreementImportError | AgreementLibraryError): ErrorCode {
  if (error instanceof AgreementImportError) return 'agreement_invalid';
  return error.code === 'none_in_force' || error.code === 'profile_missing' ? 'agreement_unavailable' : 'agreement_invalid';
}

/** Runs `work`, turning agreement errors into KioskErrors whose reason is in `locale`. */
function explained<T>(locale: Locale, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AgreementImportError || error instanceof AgreementLibraryError) {
      throw new KioskError(errorCodeFor(error), { reason: agreementErrorMessage(error, locale) ?? error.message });
    }
    throw error;
  }
}

function actorOf(ctx: CallContext): string {
  if (!ctx.operator) throw new KioskError('unauthenticated');
  return ctx.operator.staffId;
}

export function createAgreementHandlers({ agreements, profiles }: AgreementHandlerDeps): Pick<Handlers, AgreementOperation> {
  return {
    'agreements.list': ({ agreementId }) => agreements.list(agreementId),
    'agreements.current': ({ kind }, { client }) => explained(client.locale, () => profiles.agreementFor(kind)),
    'agreements.preview': ({ fileName, contentBase64 }, { client }) =>
      explained(client.locale, () => {
        const result = importAgreement(Buffer.from(contentBase64, 'base64'), { fileName });
        const { document, canonicalSha256, sourceSha256, encoding, format, warnings } = result;
        return { document, canonicalSha256, sourceSha256, encoding, format, warnings };
      }),
    'agreements.import': ({ fileName, contentBase64, supersedes, ...version }, ctx) =>
      explained(ctx.client.locale, () => {
        const { summary, stored } = agreements.store(
          { ...version, fileName, bytes: Buffer.from(contentBase64, 'base64'), ...(supersedes === undefined ? {} : { supersedes }) },
          { actor: actorOf(ctx), source: 'admin' },
        );
        return { ...summary, stored };
      }),
    'profiles.list': () => profiles.list(),
    'profiles.activate': ({ profileId }, ctx) => explained(ctx.client.locale, () => profiles.activate(profileId, actorOf(ctx))),
  };
}
