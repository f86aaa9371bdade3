// The rules of a registration that need more than one field or more than the field itself: what
// the active profile requires, the capture date (birth dates, the under-14 guardian rule of PIPL
// art. 31), ID-derived 性别 / 出生日期, and division codes. The form shows these issues inline;
// core runs the same function again before it saves anything.
import { ageOn, compareDates, isRealDate, type CalendarDate } from '../validation/calendar';
import { checkIdNumber } from '../validation/idNumber';
import type { ValidationIssue } from '../validation/issue';
import { checkDocumentNumber } from '../validation/document';
import type { EnterpriseFieldId, IndividualFieldId } from './profile';
import type { EnterpriseRegistration, Guardian, IndividualRegistration, RegistrationPayload } from './registrationPayload';

/** Under this age a guardian consents for the registrant (PIPL art. 31). */
export const GUARDIAN_AGE = 14;
/** A guardian is an adult (民法典 art. 17). */
export const ADULT_AGE = 18;

export interface RegistrationRuleContext {
  /** The capture date in Asia/Shanghai. */
  today: CalendarDate;
  /** The fields the active profile requires for this kind. */
  requiredFields: readonly string[];
  /** Whether a GB/T 2260 code exists at that level; absent where the division data is not at hand. */
  isDivision?: (code: string, level: 'city' | 'any') => boolean;
}

export type FieldIssues = Record<string, ValidationIssue>;

export type RuleOutcome<T> =
  | { ok: true; value: T; minor: boolean }
  | { ok: false; issues: FieldIssues; minor: boolean };

function parseDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date && isRealDate(date) ? date : null;
}

function requireAll(present: Record<string, boolean>, required: readonly string[], issues: FieldIssues) {
  for (const field of required) {
    if (present[field] === false && !issues[field]) issues[field] = { key: 'validation.required' };
  }
}

function checkDivision(code: string | undefined, level: 'city' | 'any', path: string, ctx: RegistrationRuleContext, issues: FieldIssues) {
  if (code !== undefined && ctx.isDivision && !ctx.isDivision(code, level)) {
    issues[path] = { key: 'registration.division.unknown', params: { code } };
  }
}

function checkGuardian(guardian: Guardian | undefined, ctx: RegistrationRuleContext, issues: FieldIssues): Guardian | undefined {
  if (!guardian?.name) issues['guardian.name'] = { key: 'validation.required' };
  const raw = guardian?.idNumber ?? '';
  const idType = guardian?.idType ?? 'resident_id';
  const checked = checkDocumentNumber(idType, raw, ctx.today);
  if (!checked.ok) {
    issues['guardian.idNumber'] = checked.issue;
    return undefined;
  }
  if (idType === 'resident_id') {
    const id = checkIdNumber(checked.value, { today: ctx.today });
    if (id.ok && ageOn(id.birthDate, ctx.today) < ADULT_AGE) {
      issues['guardian.idNumber'] = { key: 'registration.guardian.notAdult', params: { age: ADULT_AGE } };
    }
  }
  return guardian?.name ? { name: guardian.name, idType, idNumber: checked.value } : undefined;
}

/** Checks an individual registration against the profile and the capture date; fills in ID-derived 性别 / 出生日期. */
export function checkIndividualRules(
  input: IndividualRegistration,
  ctx: RegistrationRuleContext,
): RuleOutcome<IndividualRegistration> {
  const issues: FieldIssues = {};
  const value: IndividualRegistration = { ...input };
  const idType = input.idType;
  if (input.idNumber !== undefined && input.idNumber.trim() !== '') {
    const checked = checkDocumentNumber(idType, input.idNumber, ctx.today);
    if (checked.ok) value.idNumber = checked.value;
    else issues.idNumber = checked.issue;
  } else {
    value.idNumber = undefined;
  }
  if (idType === 'resident_id' && value.idNumber && !issues.idNumber) {
    const id = checkIdNumber(value.idNumber, { today: ctx.today });
    if (id.ok) {
      if (input.sex !== undefined && input.sex !== id.sex) {
        issues.sex = { key: id.sex === 'male' ? 'registration.sex.shouldBeMale' : 'registration.sex.shouldBeFemale' };
      }
      if (input.birthDate !== undefined && input.birthDate !== id.birthDate) {
        issues.birthDate = { key: 'registration.birthDate.mismatch', params: { expected: id.birthDate } };
      }
      value.sex = id.sex;
      value.birthDate = id.birthDate;
    }
  } else if (input.birthDate !== undefined) {
    const birth = parseDate(input.birthDate);
    if (!birth) issues.birthDate = { key: 'registration.birthDate.invalid' };
    else if (compareDates(birth, ctx.today) > 0) issues.birthDate = { key: 'registration.birthDate.future' };
  }
  checkDivision(input.cityCode, 'city', 'cityCode', ctx, issues);
  const present: Record<IndividualFieldId, boolean> = {
    name: value.name !== undefined,
    idType: true,
    idNumber: value.idNumber !== undefined,
    sex: value.sex !== undefined,
    birthDate: value.birthDate !== undefined,
    city: value.cityCode !== undefined,
    mobile: value.mobile !== undefined,
    email: value.email !== undefined,
    enterprise: value.enterprise !== undefined,
    position: value.position !== undefined,
  };
  requireAll(present, ctx.requiredFields, issues);
  // Without a resident ID the age comes from the birth date typed in, so it must be given.
  if (idType !== 'resident_id' && value.birthDate === undefined && !issues.birthDate) {
    issues.birthDate = { key: 'validation.required' };
  }
  if (issues.cityCode && !issues.city) issues.city = issues.cityCode;
  const birth = value.birthDate && !issues.birthDate && !issues.idNumber ? parseDate(value.birthDate) : null;
  const minor = birth !== null && ageOn(value.birthDate as string, ctx.today) < GUARDIAN_AGE;
  if (minor) value.guardian = checkGuardian(input.guardian, ctx, issues);
  else if (input.guardian !== undefined && birth !== null) issues.guardian = { key: 'registration.guardian.notNeeded' };
  return Object.keys(issues).length > 0 ? { ok: false, issues, minor } : { ok: true, value, minor };
}

/** Checks an enterprise registration against the profile and the capture date. */
export function checkEnterpriseRules(
  input: EnterpriseRegistration,
  ctx: RegistrationRuleContext,
): RuleOutcome<EnterpriseRegistration> {
  const issues: FieldIssues = {};
  const value: EnterpriseRegistration = { ...input };
  if (input.agentIdNumber !== undefined) {
    const checked = checkDocumentNumber('resident_id', input.agentIdNumber, ctx.today);
    if (checked.ok) value.agentIdNumber = checked.value;
    else issues.agentIdNumber = checked.issue;
  }
  checkDivision(input.registeredAddress?.divisionCode, 'any', 'registeredAddress', ctx, issues);
  const present: Record<EnterpriseFieldId, boolean> = {
    enterpriseName: value.enterpriseName !== undefined,
    creditCode: value.creditCode !== undefined,
    enterpriseType: value.enterpriseType !== undefined,
    registeredAddress: value.registeredAddress?.street !== undefined,
    legalRepresentative: value.legalRepresentative !== undefined,
    agentName: value.agentName !== undefined,
    agentIdNumber: value.agentIdNumber !== undefined,
    agentMobile: value.agentMobile !== undefined,
    phone: value.phone !== undefined,
    email: value.email !== undefined,
  };
  requireAll(present, ctx.requiredFields, issues);
  return Object.keys(issues).length > 0 ? { ok: false, issues, minor: false } : { ok: true, value, minor: false };
}

export function checkRegistrationRules(
  input: RegistrationPayload,
  ctx: RegistrationRuleContext,
): RuleOutcome<RegistrationPayload> {
  return input.kind === 'enterprise' ? checkEnterpriseRules(input, ctx) : checkIndividualRules(input, ctx);
}
