// A registration as rows of label and value for review and for opening a record, with ID numbers,
// mobile numbers and e-mail addresses masked (product.md step 7: `3702**********123X`).
import type { TFunction } from 'i18next';
import { divisionPath, type DivisionNode } from '../../../shared/domain/division';
import type { RegistrationPayload } from '../../../shared/domain/registrationPayload';
import type { MessageKey } from '../../../shared/i18n';
import { maskIdNumber, maskMobile } from '../../../shared/privacy/mask';

export interface PayloadRow {
  label: MessageKey;
  value: string;
}

/** `zhangsan@example.com` → `z*******@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email.charAt(0)}${'*'.repeat(at - 1)}${email.slice(at)}`;
}

/** A landline is the enterprise's switchboard; a mobile in its place is a person's and is masked. */
function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? maskMobile(phone) : phone;
}

function placeName(tree: readonly DivisionNode[], code: string | undefined): string {
  if (!code) return '';
  const path = divisionPath(tree, code);
  return path.length > 0 ? path.map((node) => node.name).join(' / ') : code;
}

export function payloadRows(payload: RegistrationPayload, t: TFunction, tree: readonly DivisionNode[], enterpriseLabel = ''): PayloadRow[] {
  if (payload.kind === 'enterprise') {
    const address = payload.registeredAddress;
    return [
      { label: 'desk.field.enterpriseName', value: payload.enterpriseName ?? '' },
      { label: 'desk.field.creditCode', value: payload.creditCode ?? '' },
      { label: 'desk.field.enterpriseType', value: payload.enterpriseType ? t(`desk.enterpriseType.${payload.enterpriseType}`) : '' },
      { label: 'desk.field.registeredAddress', value: address ? [placeName(tree, address.divisionCode), address.street ?? ''].filter(Boolean).join(' ') : '' },
      { label: 'desk.field.legalRepresentative', value: payload.legalRepresentative ?? '' },
      { label: 'desk.field.agentName', value: payload.agentName ?? '' },
      { label: 'desk.field.agentIdNumber', value: payload.agentIdNumber ? maskIdNumber(payload.agentIdNumber) : '' },
      { label: 'desk.field.agentMobile', value: payload.agentMobile ? maskMobile(payload.agentMobile) : '' },
      { label: 'desk.field.phone', value: payload.phone ? maskPhone(payload.phone) : '' },
      { label: 'desk.field.email', value: payload.email ? maskEmail(payload.email) : '' },
    ];
  }
  const enterprise = payload.enterprise;
  const rows: PayloadRow[] = [
    { label: 'desk.field.name', value: payload.name ?? '' },
    { label: 'desk.field.idType', value: t(`consent.idType.${payload.idType}`) },
    { label: 'desk.field.idNumber', value: payload.idNumber ? maskIdNumber(payload.idNumber) : '' },
    { label: 'desk.field.sex', value: payload.sex ? t(`individual.sex.${payload.sex}`) : '' },
    { label: 'desk.field.birthDate', value: payload.birthDate ?? '' },
    { label: 'desk.field.city', value: placeName(tree, payload.cityCode) },
    { label: 'desk.field.mobile', value: payload.mobile ? maskMobile(payload.mobile) : '' },
    { label: 'desk.field.email', value: payload.email ? maskEmail(payload.email) : '' },
    {
      label: 'desk.field.enterprise',
      value: enterprise?.source === 'code' ? (enterprise.creditCode ?? '') : enterprise ? enterpriseLabel || enterprise.registrationId : '',
    },
    { label: 'desk.field.position', value: payload.position ?? '' },
  ];
  if (payload.guardian) {
    rows.push(
      { label: 'desk.field.guardianName', value: payload.guardian.name ?? '' },
      { label: 'desk.field.guardianIdType', value: t(`consent.idType.${payload.guardian.idType}`) },
      { label: 'desk.field.guardianIdNumber', value: payload.guardian.idNumber ? maskIdNumber(payload.guardian.idNumber) : '' },
    );
  }
  return rows;
}
