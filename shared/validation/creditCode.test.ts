import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, creditCodeCheckChar } from './creditCode';
import { adjacentSwaps, creditCodeCharset, substitutions, validCreditCode } from './testArbitraries';

const replaceAt = (code: string, position: number, char: string): string =>
  code.slice(0, position - 1) + char + code.slice(position);

const issueOf = (raw: string) => {
  const result = checkCreditCode(raw);
  return result.ok ? undefined : result.issue;
};

describe('checkCreditCode: vectors from standards.md', () => {
  it.each(['91350100M000100Y43', '91110108MA01ABC17L', '91310115MA1FL2P445', '52440300MJL1234C1W', '1210000040000713X2'])(
    'accepts %s',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it('computes the check character the standard works out (Σ=1640 → 3)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['91350200M000000510', 'D'],
    ['91310115MA1G4L1WXK', '7'],
    ['91350100M000100Y4X', '3'],
  ])('rejects %s and names the expected check character %s', (code, expected) => {
    expect(issueOf(code)).toEqual({ key: 'validation.creditCode.checksum', params: { expected } });
  });

  it.each([
    ['I', 10],
    ['O', 11],
    ['S', 12],
    ['V', 13],
    ['Z', 18],
  ])('rejects the unused letter %s and says where it is', (letter, position) => {
    expect(issueOf(replaceAt('91350100M000100Y43', position, letter))).toEqual({ key: 'validation.creditCode.excludedLetter', params: { position, char: letter } });
  });

  it('reports an unused letter in the division code as an unused letter, not as a non-digit', () => {
    expect(issueOf(replaceAt('91350100M000100Y43', 4, 'O'))).toEqual({
      key: 'validation.creditCode.excludedLetter',
      params: { position: 4, char: 'O' },
    });
  });

  it('rejects other characters outside the set', () => {
    expect(issueOf('91350100M000100Y4#')).toEqual({
      key: 'validation.creditCode.badChar',
      params: { position: 18, char: '#' },
    });
  });

  it.each([3, 4, 5, 6, 7, 8])('rejects a letter in position %i of the division code', (position) => {
    expect(issueOf(replaceAt('91350100M000100Y43', position, 'A'))).toEqual({ key: 'validation.creditCode.division', params: { position, char: 'A' } });
  });

  it.each([
    ['91350100M000100Y4', 17],
    ['91350100M000100Y433', 19],
  ])('reports the length of %s', (code, length) => {
    expect(issueOf(code)).toEqual({ key: 'validation.creditCode.length', params: { length } });
  });

  it('asks for a value when the input is blank', () => {
    expect(issueOf('   ')).toEqual({ key: 'validation.required' });
  });

  it('normalises full-width, lower-case and spaced input', () => {
    expect(checkCreditCode(' ９１３５０１００ｍ０００ 100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });
});

describe('checkCreditCode: error detection (property)', () => {
  const passesChecksum = (code: string): boolean =>
    [...code].length === 18 &&
    [...code].every((c) => creditCodeCharset.includes(c)) &&
    creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
  const alphabet = (): string => creditCodeCharset;
  const anyBody = fc
    .string({ unit: fc.constantFrom(...creditCodeCharset), minLength: 17, maxLength: 17 })
    .map((body) => body + creditCodeCheckChar(body));

  it('the checksum alone catches every substitution of one character', () => {
    fc.assert(
      fc.property(anyBody, (code) => {
        expect(passesChecksum(code)).toBe(true);
        for (const typo of substitutions(code, alphabet)) expect(passesChecksum(typo), typo).toBe(false);
      }),
    );
  });

  it('the checksum alone catches every swap of two different adjacent characters', () => {
    fc.assert(
      fc.property(anyBody, (code) => {
        for (const typo of adjacentSwaps(code)) expect(passesChecksum(typo), typo).toBe(false);
      }),
    );
  });

  it('the validator accepts valid codes and rejects each of their substitutions and swaps', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(checkCreditCode(code).ok).toBe(true);
        for (const typo of [...substitutions(code, alphabet), ...adjacentSwaps(code)]) {
          expect(checkCreditCode(typo).ok, typo).toBe(false);
        }
      }),
    );
  });
});
