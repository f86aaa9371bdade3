// GB 32100-2015 unified social credit codes (统一社会信用代码): authority, category, 6-digit division
// code, 9-character organisation code and a check character, over a 31-character set.
import { failure, firstBadChar, type TextCheck } from './issue';
import { normalizeCreditCode } from './normalize';

// Value of a character = its index; I, O, S, V and Z are left out because they look like 1, 0, 5, U, 2.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const EXCLUDED_LETTERS = 'IOSVZ';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const inCharset = (char: string): boolean => char.length === 1 && CHARSET.includes(char);
const isDigit = (char: string): boolean => char >= '0' && char <= '9';

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(body: string): string {
  const chars = [...body];
  if (chars.length !== 17 || !chars.every(inCharset)) {
    throw new RangeError('a credit code body is 17 characters of the GB 32100 set');
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * CHARSET.indexOf(body.charAt(i)), 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function checkCreditCode(raw: string): TextCheck {
  const value = normalizeCreditCode(raw);
  if (value === '') return failure('validation.required');

  const chars = [...value];
  if (chars.length !== 18) return failure('validation.creditCode.length', { length: chars.length });
  const bad = firstBadChar(chars, inCharset);
  if (bad) {
    const key = EXCLUDED_LETTERS.includes(bad.char) ? 'validation.creditCode.excludedLetter' : 'validation.creditCode.badChar';
    return failure(key, bad);
  }
  const badDivision = firstBadChar(chars, (char, i) => i < 2 || i > 7 || isDigit(char));
  if (badDivision) return failure('validation.creditCode.division', badDivision);

  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) return failure('validation.creditCode.checksum', { expected });
  return { ok: true, value };
}
