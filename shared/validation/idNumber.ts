// GB 11643-1999 citizen ID numbers (公民身份号码): 6-digit address code, birth date YYYYMMDD,
// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
import { ageOn, compareDates, isRealDate, type CalendarDate } from './calendar';
import { failure, firstBadChar, type Failure } from './issue';
import { normalizeIdNumber } from './normalize';

export type IdCheck =
  | {
      ok: true;
      value: string;
      /** YYYY-MM-DD */
      birthDate: string;
      sex: 'male' | 'female';
      /** The two-digit province-level code the address code starts with, e.g. "11" for Beijing. */
      provinceCode: string;
    }
  | Failure;

export interface IdCheckOptions {
  /** The kiosk's local date; without it the birth date is only checked to exist. */
  today?: CalendarDate;
}

/** Oldest age accepted; anything above it is a typing error in the birth year. */
export const maxAge = 150;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// Province-level codes of GB/T 2260, plus 71 (Taiwan), 81 (Hong Kong) and 82 (Macao).
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 82],
];

function isProvinceCode(code: string): boolean {
  const n = Number(code);
  return PROVINCE_RANGES.some(([from, to]) => n >= from && n <= to);
}

const isDigit = (char: string): boolean => char >= '0' && char <= '9';

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('an ID number body is 17 digits');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(body.charAt(i)), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function checkIdNumber(raw: string, options: IdCheckOptions = {}): IdCheck {
  const value = normalizeIdNumber(raw);
  if (value === '') return failure('validation.required');
  if (/^\d{15}$/.test(value)) return failure('validation.idNumber.legacy15');

  const chars = [...value];
  if (chars.length !== 18) return failure('validation.idNumber.length', { length: chars.length });
  // X is a check character only: MOD 11-2 needs an eleventh symbol for the value 10.
  const bad = firstBadChar(chars, (char, i) => isDigit(char) || (i === 17 && char === 'X'));
  if (bad) return failure('validation.idNumber.badChar', bad);

  const provinceCode = value.slice(0, 2);
  if (!isProvinceCode(provinceCode)) return failure('validation.idNumber.province', { code: provinceCode });

  const birth = { year: Number(value.slice(6, 10)), month: Number(value.slice(10, 12)), day: Number(value.slice(12, 14)) };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birth)) return failure('validation.idNumber.date', { date: birthDate });
  if (options.today) {
    if (compareDates(birth, options.today) > 0) return failure('validation.idNumber.future', { date: birthDate });
    if (ageOn(birthDate, options.today) > maxAge) {
      return failure('validation.idNumber.tooOld', { date: birthDate, max: maxAge });
    }
  }

  const expected = idNumberCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) return failure('validation.idNumber.checksum', { expected });

  const sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex, provinceCode };
}
