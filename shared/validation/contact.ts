// Contact details and names as a registration form takes them: lenient about how they are typed,
// strict about what they mean; each check returns the canonical form that gets stored.
import { failure, type TextCheck } from './issue';
import { normalizeEmail, normalizePersonName, normalizePhone } from './normalize';

/** Mainland mobile: 11 digits starting 13-19; a country code (+86, 86, 0086) is dropped. */
export function checkMobile(raw: string): TextCheck {
  const digits = normalizePhone(raw).replace(/[\s-]/g, '');
  if (digits === '') return failure('validation.required');
  const match = /^(?:(?:\+|00)?86)?(1[3-9]\d{9})$/.exec(digits);
  return match?.[1] ? { ok: true, value: match[1] } : failure('validation.mobile.invalid');
}

/**
 * Landline as 区号-号码-分机, stored as `0532-88886666-123`. Separators are required because area
 * codes are 3 or 4 digits long and the split is ambiguous without them. Area codes never start
 * with 00 (the international prefix) and local numbers never start with 0 or 1 (trunk and
 * service prefixes).
 */
export function checkLandline(raw: string): TextCheck {
  const text = normalizePhone(raw).replace(/\s*-\s*|\s+/g, '-');
  if (text === '') return failure('validation.required');
  const match = /^(0[1-9]\d{1,2})-([2-9]\d{6,7})(?:-(\d{1,6}))?$/.exec(text);
  if (!match) return failure('validation.landline.invalid');
  const [, areaCode, number, extension] = match;
  return { ok: true, value: [areaCode, number, extension].filter(Boolean).join('-') };
}

export const maxEmailLength = 254;

// Practical rather than RFC 5322: dot-atom local part, ASCII host names, a letter-only TLD.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function checkEmail(raw: string): TextCheck {
  const value = normalizeEmail(raw);
  if (value === '') return failure('validation.required');
  if (value.length > maxEmailLength) {
    return failure('validation.email.tooLong', { max: maxEmailLength, length: value.length });
  }
  const localPart = value.slice(0, value.lastIndexOf('@'));
  return EMAIL.test(value) && localPart.length <= 64 ? { ok: true, value } : failure('validation.email.invalid');
}

export const nameLength = { min: 2, max: 50 } as const;

// Chinese names, with "·" between the parts of minority and foreign names (阿依古丽·买买提);
// or Latin letters as printed in a passport.
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const HAN_AND_DOTS = /^[\p{Script=Han}·]+$/u;
const LATIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

export function checkPersonName(raw: string): TextCheck {
  const value = normalizePersonName(raw);
  if (value === '') return failure('validation.required');
  if (!HAN_NAME.test(value) && !LATIN_NAME.test(value)) {
    return failure(HAN_AND_DOTS.test(value) ? 'validation.name.dot' : 'validation.name.chars');
  }
  const length = [...value].length;
  if (length < nameLength.min || length > nameLength.max) {
    return failure('validation.name.length', { ...nameLength, length });
  }
  return { ok: true, value };
}
