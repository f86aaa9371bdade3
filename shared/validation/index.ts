// Shared validators: the same rules in the form (renderer) and in core. Pure TypeScript, no Node.
export type { CalendarDate } from './calendar';
export { ageOn, isLeapYear } from './calendar';
export type { Failure, TextCheck, ValidationIssue, ValidationKey } from './issue';
export type { IdCheck, IdCheckOptions } from './idNumber';
export { checkIdNumber, idNumberCheckChar, maxAge } from './idNumber';
export { checkCreditCode, creditCodeCheckChar } from './creditCode';
export { checkEmail, checkLandline, checkMobile, checkPersonName, maxEmailLength, nameLength } from './contact';
export {
  normalizeCreditCode,
  normalizeEmail,
  normalizeIdNumber,
  normalizePersonName,
  normalizePhone,
  normalizeText,
} from './normalize';
