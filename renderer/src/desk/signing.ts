// Who signs and what is sent: the signer follows from the checked registration (core refuses a
// signer whose name and ID number differ from the registrant's, guardian's or agent's), and the
// submission carries the facts of the signing exactly as they happened on screen.
import type { CurrentAgreement } from '../../../shared/domain/agreement';
import type { RegistrationPayload } from '../../../shared/domain/registrationPayload';
import type { ConsentItemView, RegistrationFormSpec, RegistrationSubmissionInput, SignerRole } from '../../../shared/domain/submission';
import type { DocumentType } from '../../../shared/validation/document';
import type { ReadingRecord } from '../components/AgreementReader';
import type { ConsentChoice, Correction, DrawnSignature, SignerChoice } from './flowStore';

export interface Signer {
  name: string;
  role: SignerRole;
  idType: DocumentType;
  idNumber: string;
}

/** The roles that may sign: the registrant or, under 14, only the guardian; for an enterprise the agent or the legal representative. */
export function signerRoles(payload: RegistrationPayload, minor: boolean): SignerRole[] {
  if (payload.kind === 'enterprise') return ['agent', 'legal_representative'];
  return minor ? ['guardian'] : ['self'];
}

export function signerOf(payload: RegistrationPayload, choice: SignerChoice, minor: boolean): Signer {
  const roles = signerRoles(payload, minor);
  const role = roles.includes(choice.role) ? choice.role : (roles[0] ?? 'self');
  switch (role) {
    case 'self':
      return { role, name: payload.kind === 'individual' ? (payload.name ?? '') : '', idType: payload.kind === 'individual' ? payload.idType : 'resident_id', idNumber: payload.kind === 'individual' ? (payload.idNumber ?? '') : '' };
    case 'guardian': {
      const guardian = payload.kind === 'individual' ? payload.guardian : undefined;
      return { role, name: guardian?.name ?? '', idType: guardian?.idType ?? 'resident_id', idNumber: guardian?.idNumber ?? '' };
    }
    case 'agent':
      return { role, name: payload.kind === 'enterprise' ? (payload.agentName ?? '') : '', idType: 'resident_id', idNumber: payload.kind === 'enterprise' ? (payload.agentIdNumber ?? '') : '' };
    case 'legal_representative':
      return { role, name: payload.kind === 'enterprise' ? (payload.legalRepresentative ?? '') : '', idType: choice.idType, idNumber: choice.idNumber };
  }
}

/** The consents asked, in the order shown: the profile's, then the guardian's for a registrant under 14. */
export function consentItems(spec: RegistrationFormSpec, minor: boolean): ConsentItemView[] {
  return minor ? [...spec.consents, spec.guardianConsent] : spec.consents;
}

export interface SigningState {
  payload: RegistrationPayload;
  minor: boolean;
  spec: RegistrationFormSpec;
  agreement: CurrentAgreement;
  reading: ReadingRecord;
  consents: Record<string, ConsentChoice>;
  signer: SignerChoice;
  signature: DrawnSignature;
  duplicateReason: string;
  correction: Correction | null;
  hasDuplicates: boolean;
}

export function submissionOf(state: SigningState): RegistrationSubmissionInput {
  const signer = signerOf(state.payload, state.signer, state.minor);
  const reason = state.duplicateReason.trim();
  return {
    registration: state.payload,
    signing: {
      agreement: { id: state.agreement.agreementId, version: state.agreement.version, sha256: state.agreement.canonicalSha256 },
      reading: { openedAt: state.reading.openedAt, reachedEndAt: state.reading.reachedEndAt, durationMs: state.reading.durationMs },
      consents: consentItems(state.spec, state.minor).map(({ item }) => ({
        item,
        granted: state.consents[item]?.granted ?? false,
        at: state.consents[item]?.at ?? state.reading.reachedEndAt,
      })),
      signer,
      signaturePng: state.signature.png,
    },
    ...(state.hasDuplicates && reason !== '' ? { duplicateReason: reason } : {}),
    ...(state.correction ? { supersedes: state.correction.id } : {}),
  };
}
