// Whole submissions as the front desk sends them: the registrant's data and the facts of a signing
// that core accepts (the active profile's consents, the agreement in force, a drawn signature).
import type { KioskCore } from '../../electron/core';
import type { Clock } from '../../electron/core/platform/clock';
import type { EnterpriseRegistrationInput, IndividualRegistrationInput, RegistrationPayloadInput } from '../../shared/domain/registration';
import type { RegistrationSubmissionInput } from '../../shared/domain/submission';
import { person, type Person } from './people';
import { signaturePng } from './png';

/** A credit code from standards.md that passes GB 32100. */
export const SAMPLE_CREDIT_CODE = '91350100M000100Y43';

export function individualPayload(who: Person): IndividualRegistrationInput {
  return {
    kind: 'individual',
    name: who.name,
    idType: 'resident_id',
    idNumber: who.idNumber,
    mobile: who.mobile,
    enterprise: { source: 'code', creditCode: SAMPLE_CREDIT_CODE },
  };
}

export function enterprisePayload(agent: Person, creditCode = SAMPLE_CREDIT_CODE): EnterpriseRegistrationInput {
  return {
    kind: 'enterprise',
    enterpriseName: '青岛海蓝科技有限公司',
    creditCode,
    enterpriseType: 'limited_liability',
    registeredAddress: { divisionCode: '370202', street: '香港中路 10 号' },
    legalRepresentative: agent.name,
    agentName: agent.name,
    agentIdNumber: agent.idNumber,
    agentMobile: agent.mobile,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export interface SubmissionOptions {
  /** Who registers; by default a new person for every call, so no duplicate warning is raised. */
  who?: Person;
  registration?: RegistrationPayloadInput;
  /** Grant the optional consents too (by default they are refused). */
  grantOptional?: boolean;
  duplicateReason?: string;
  supersedes?: string;
  /** The signature image, base64; by default a small generated drawing (`signaturePng()`). */
  signaturePng?: string;
}

let nextPerson = 1000;
// Drawing the test signature is slower than saving it; every submission carries the same drawing.
let signatureBase64: string | null = null;

/** A submission core accepts at the clock's current time: read for a minute, required consents given, signed. */
export function sampleSubmission(core: KioskCore, clock: Clock, options: SubmissionOptions = {}): RegistrationSubmissionInput {
  const who = options.who ?? person(nextPerson++);
  const registration = options.registration ?? individualPayload(who);
  const kind = registration.kind;
  const agreement = core.profiles.agreementFor(kind);
  const spec = core.registrations.prepare(kind, 'zh-CN');
  const t = clock.now().getTime();
  const signer =
    kind === 'enterprise'
      ? { name: who.name, role: 'agent' as const, idType: 'resident_id' as const, idNumber: who.idNumber }
      : { name: who.name, role: 'self' as const, idType: 'resident_id' as const, idNumber: who.idNumber };
  return {
    registration,
    signing: {
      agreement: { id: agreement.agreementId, version: agreement.version, sha256: agreement.canonicalSha256 },
      reading: { openedAt: iso(t - 120_000), reachedEndAt: iso(t - 60_000), durationMs: 58_500 },
      consents: spec.consents.map(({ item, required }) => ({ item, granted: required || options.grantOptional === true, at: iso(t - 30_000) })),
      signer,
      signaturePng: options.signaturePng ?? (signatureBase64 ??= signaturePng().toString('base64')),
    },
    ...(options.duplicateReason === undefined ? {} : { duplicateReason: options.duplicateReason }),
    ...(options.supersedes === undefined ? {} : { supersedes: options.supersedes }),
  };
}
