// What the operator has typed so far, as strings, and how it becomes the registration payload core
// receives. Empty strings mean "not given" (the payload schemas treat them the same way).
import type { EnterpriseType, RegistrationPayload, RegistrationPayloadInput } from '../../../shared/domain/registrationPayload';
import type { RegistrationKind } from '../../../shared/domain/registration';
import type { DocumentType } from '../../../shared/validation/document';

export interface EnterpriseDraft {
  kind: 'enterprise';
  enterpriseName: string;
  creditCode: string;
  enterpriseType: EnterpriseType | '';
  divisionCode: string;
  street: string;
  legalRepresentative: string;
  agentName: string;
  agentIdNumber: string;
  agentMobile: string;
  phone: string;
  email: string;
}

export interface IndividualDraft {
  kind: 'individual';
  name: string;
  idType: DocumentType;
  idNumber: string;
  sex: 'male' | 'female' | '';
  birthDate: string;
  /** Whether sex and birth date hold what the ID number says (then they follow it as it changes). */
  derivedFromId: boolean;
  cityCode: string;
  mobile: string;
  email: string;
  enterpriseSource: 'kiosk' | 'code';
  enterpriseId: string;
  /** How the chosen kiosk enterprise is shown: name and credit code. */
  enterpriseLabel: string;
  enterpriseCode: string;
  position: string;
  guardianName: string;
  guardianIdType: DocumentType;
  guardianIdNumber: string;
}

export type Draft = EnterpriseDraft | IndividualDraft;

export function emptyDraft(kind: RegistrationKind): Draft {
  if (kind === 'enterprise') {
    return {
      kind,
      enterpriseName: '',
      creditCode: '',
      enterpriseType: '',
      divisionCode: '',
      street: '',
      legalRepresentative: '',
      agentName: '',
      agentIdNumber: '',
      agentMobile: '',
      phone: '',
      email: '',
    };
  }
  return {
    kind,
    name: '',
    idType: 'resident_id',
    idNumber: '',
    sex: '',
    birthDate: '',
    derivedFromId: false,
    cityCode: '',
    mobile: '',
    email: '',
    enterpriseSource: 'kiosk',
    enterpriseId: '',
    enterpriseLabel: '',
    enterpriseCode: '',
    position: '',
    guardianName: '',
    guardianIdType: 'resident_id',
    guardianIdNumber: '',
  };
}

const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The payload as typed. `minor` adds the guardian: core refuses a guardian for a registrant of 14 or
 * older, so it is sent only when the rules found the registrant under 14.
 */
export function payloadOf(draft: Draft, minor: boolean): RegistrationPayloadInput {
  if (draft.kind === 'enterprise') {
    const division = given(draft.divisionCode);
    const street = given(draft.street);
    return withoutUndefined({
      kind: 'enterprise',
      enterpriseName: given(draft.enterpriseName),
      creditCode: given(draft.creditCode),
      enterpriseType: draft.enterpriseType === '' ? undefined : draft.enterpriseType,
      // An address without a division is no address; the division alone is one without a street.
      registeredAddress: division ? withoutUndefined({ divisionCode: division, street }) : street ? { divisionCode: '', street } : undefined,
      legalRepresentative: given(draft.legalRepresentative),
      agentName: given(draft.agentName),
      agentIdNumber: given(draft.agentIdNumber),
      agentMobile: given(draft.agentMobile),
      phone: given(draft.phone),
      email: given(draft.email),
    });
  }
  const enterprise =
    draft.enterpriseSource === 'kiosk'
      ? draft.enterpriseId
        ? { source: 'kiosk' as const, registrationId: draft.enterpriseId }
        : undefined
      : given(draft.enterpriseCode)
        ? { source: 'code' as const, creditCode: draft.enterpriseCode }
        : undefined;
  return withoutUndefined({
    kind: 'individual',
    name: given(draft.name),
    idType: draft.idType,
    idNumber: given(draft.idNumber),
    sex: draft.sex === '' ? undefined : draft.sex,
    birthDate: given(draft.birthDate)?.trim(),
    cityCode: given(draft.cityCode),
    mobile: given(draft.mobile),
    email: given(draft.email),
    enterprise,
    position: given(draft.position),
    guardian: minor
      ? withoutUndefined({ name: given(draft.guardianName), idType: draft.guardianIdType, idNumber: given(draft.guardianIdNumber) })
      : undefined,
  });
}

/** A stored payload back in the form, for a correction. */
export function draftOf(payload: RegistrationPayload, enterpriseLabel = ''): Draft {
  if (payload.kind === 'enterprise') {
    return {
      ...(emptyDraft('enterprise') as EnterpriseDraft),
      enterpriseName: payload.enterpriseName ?? '',
      creditCode: payload.creditCode ?? '',
      enterpriseType: payload.enterpriseType ?? '',
      divisionCode: payload.registeredAddress?.divisionCode ?? '',
      street: payload.registeredAddress?.street ?? '',
      legalRepresentative: payload.legalRepresentative ?? '',
      agentName: payload.agentName ?? '',
      agentIdNumber: payload.agentIdNumber ?? '',
      agentMobile: payload.agentMobile ?? '',
      phone: payload.phone ?? '',
      email: payload.email ?? '',
    };
  }
  return {
    ...(emptyDraft('individual') as IndividualDraft),
    name: payload.name ?? '',
    idType: payload.idType,
    idNumber: payload.idNumber ?? '',
    sex: payload.sex ?? '',
    birthDate: payload.birthDate ?? '',
    derivedFromId: payload.idType === 'resident_id',
    cityCode: payload.cityCode ?? '',
    mobile: payload.mobile ?? '',
    email: payload.email ?? '',
    enterpriseSource: payload.enterprise?.source ?? 'kiosk',
    enterpriseId: payload.enterprise?.source === 'kiosk' ? payload.enterprise.registrationId : '',
    enterpriseLabel: payload.enterprise?.source === 'kiosk' ? enterpriseLabel : '',
    enterpriseCode: payload.enterprise?.source === 'code' ? (payload.enterprise.creditCode ?? '') : '',
    position: payload.position ?? '',
    guardianName: payload.guardian?.name ?? '',
    guardianIdType: payload.guardian?.idType ?? 'resident_id',
    guardianIdNumber: payload.guardian?.idNumber ?? '',
  };
}
