// fast-check generators shared by the validator and redaction tests: codes that pass every check.
import fc from 'fast-check';
import { daysInMonth } from './calendar';
import { creditCodeCheckChar } from './creditCode';
import { idNumberCheckChar } from './idNumber';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const provinceCodes = [
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
];

export const digitString = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

const birthDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysInMonth(year, month) }).map((day) => `${year}${pad(month, 2)}${pad(day, 2)}`),
  );

/** ID numbers with a real province, a real birth date up to 2024 and a correct check character. */
export const validIdNumber: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...provinceCodes), digitString(4), birthDate, digitString(3))
  .map((parts) => parts.join(''))
  .map((body) => body + idNumberCheckChar(body));

export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeChars = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...creditCodeCharset), minLength: length, maxLength: length });

/** Credit codes with a digit-only division code and a correct check character. */
export const validCreditCode: fc.Arbitrary<string> = fc
  .tuple(creditCodeChars(2), digitString(6), creditCodeChars(9))
  .map((parts) => parts.join(''))
  .map((body) => body + creditCodeCheckChar(body));

/** Mainland mobile numbers: 1, then 3-9, then nine digits. */
export const validMobile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...'3456789'), digitString(9))
  .map(([second, rest]) => `1${second}${rest}`);

/** Every string that differs from `code` in exactly one position, using characters of `alphabet`. */
export function substitutions(code: string, alphabet: (index: number) => string): string[] {
  return [...code].flatMap((original, i) =>
    [...alphabet(i)].filter((c) => c !== original).map((c) => code.slice(0, i) + c + code.slice(i + 1)),
  );
}

/** Every string made by swapping two different adjacent characters of `code`. */
export function adjacentSwaps(code: string): string[] {
  const chars = [...code];
  return chars.slice(0, -1).flatMap((a, i) => {
    const b = chars[i + 1];
    return b === undefined || a === b ? [] : [code.slice(0, i) + b + a + code.slice(i + 2)];
  });
}
