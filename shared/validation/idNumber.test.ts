import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdNumber, idNumberCheckChar, maxAge } from './idNumber';
import { adjacentSwaps, digitString, provinceCodes, substitutions, validIdNumber } from './testArbitraries';

const today = { year: 2025, month: 6, day: 15 };

function issueOf(raw: string, options = { today }) {
  const result = checkIdNumber(raw, options);
  return result.ok ? undefined : result.issue;
}

describe('checkIdNumber: vectors from standards.md', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '11'],
    ['440524188001010014', '1880-01-01', 'male', '44'],
    ['110108200001010015', '2000-01-01', 'male', '11'],
    ['310115201202290020', '2012-02-29', 'female', '31'],
    ['440303201206151233', '2012-06-15', 'male', '44'],
  ])('accepts %s', (id, birthDate, sex, provinceCode) => {
    expect(checkIdNumber(id, { today })).toEqual({ ok: true, value: id, birthDate, sex, provinceCode });
  });

  it('computes the check characters the standard works out (S=167 → X, S=195 → 4)', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects a Y in the check position as a bad character', () => {
    expect(issueOf('11010519491231002Y')).toEqual({
      key: 'validation.idNumber.badChar',
      params: { position: 18, char: 'Y' },
    });
  });

  it('names the expected check character when the check digit is wrong', () => {
    expect(issueOf('110105194912310021')).toEqual({ key: 'validation.idNumber.checksum', params: { expected: 'X' } });
    expect(issueOf('440524188001010013')).toEqual({ key: 'validation.idNumber.checksum', params: { expected: '4' } });
  });

  it('rejects 29 February of a common year even when the check digit is right', () => {
    expect(idNumberCheckChar('31011520100229002')).toBe('6');
    expect(issueOf('310115201002290026')).toEqual({ key: 'validation.idNumber.date', params: { date: '2010-02-29' } });
  });

  it('rejects a future birth date', () => {
    const body = '11010520250616001';
    expect(issueOf(body + idNumberCheckChar(body))).toEqual({
      key: 'validation.idNumber.future',
      params: { date: '2025-06-16' },
    });
  });

  it('accepts a birth date of today', () => {
    const body = '11010520250615001';
    expect(checkIdNumber(body + idNumberCheckChar(body), { today }).ok).toBe(true);
  });

  it(`rejects an age over ${maxAge} and accepts exactly ${maxAge}`, () => {
    const tooOld = '11010518740615001';
    expect(issueOf(tooOld + idNumberCheckChar(tooOld))).toEqual({
      key: 'validation.idNumber.tooOld',
      params: { date: '1874-06-15', max: 150 },
    });
    const oldest = '11010518740616001';
    expect(checkIdNumber(oldest + idNumberCheckChar(oldest), { today }).ok).toBe(true);
  });

  it('without a date of today, checks only that the birth date exists', () => {
    const body = '11010530000101001';
    expect(checkIdNumber(body + idNumberCheckChar(body)).ok).toBe(true);
    expect(issueOf(body + idNumberCheckChar(body))?.key).toBe('validation.idNumber.future');
  });
});

describe('checkIdNumber: structure', () => {
  it('normalises full-width input with a lower-case x', () => {
    const result = checkIdNumber('１１０１０５１９４９１２３１００２ｘ', { today });
    expect(result).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('removes spaces and surrounding whitespace', () => {
    expect(checkIdNumber('  110105 19491231 002x\t', { today })).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('asks for a value when the input is blank', () => {
    expect(issueOf(' \u3000 ')).toEqual({ key: 'validation.required' });
  });

  it('rejects the legacy 15-digit form with its own message', () => {
    expect(issueOf('110105491231002')).toEqual({ key: 'validation.idNumber.legacy15' });
  });

  it.each([
    ['1101051949123100', 16],
    ['1101051949123100211', 19],
    ['11010519491231002', 17],
  ])('reports the length of %s', (id, length) => {
    expect(issueOf(id)).toEqual({ key: 'validation.idNumber.length', params: { length } });
  });

  it('counts characters, not UTF-16 units, in the length message', () => {
    expect(issueOf('1101051949123100𠀀')).toEqual({ key: 'validation.idNumber.length', params: { length: 17 } });
  });

  it('accepts X only in the last position', () => {
    expect(issueOf('1101051949123100X2')).toEqual({
      key: 'validation.idNumber.badChar',
      params: { position: 17, char: 'X' },
    });
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '83', '91', '99'])(
    'rejects the province code %s',
    (code) => {
      const body = `${code}010519491231002`;
      expect(issueOf(body + idNumberCheckChar(body))).toEqual({ key: 'validation.idNumber.province', params: { code } });
    },
  );

  it.each(provinceCodes)('accepts the province code %s', (code) => {
    const body = `${code}010519491231002`;
    expect(checkIdNumber(body + idNumberCheckChar(body), { today }).ok).toBe(true);
  });

  it.each([
    ['19490001', '1949-00-01'],
    ['19491301', '1949-13-01'],
    ['19490100', '1949-01-00'],
    ['19490431', '1949-04-31'],
    ['19000229', '1900-02-29'],
  ])('rejects the birth date %s', (yyyymmdd, date) => {
    const body = `110105${yyyymmdd}002`;
    expect(issueOf(body + idNumberCheckChar(body))).toEqual({ key: 'validation.idNumber.date', params: { date } });
  });

  it('accepts 29 February 2000, a leap year although divisible by 100', () => {
    const body = '11010520000229002';
    expect(checkIdNumber(body + idNumberCheckChar(body), { today })).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('reads the sex from the parity of the 17th digit', () => {
    for (const [digit, sex] of [['1', 'male'], ['2', 'female'], ['9', 'male'], ['0', 'female']] as const) {
      const body = `1101051949123100${digit}`;
      expect(checkIdNumber(body + idNumberCheckChar(body), { today })).toMatchObject({ ok: true, sex });
    }
  });
});

// The standard's claim: MOD 11-2 catches every single substitution and every adjacent swap.
describe('checkIdNumber: error detection (property)', () => {
  const passesChecksum = (code: string): boolean =>
    /^\d{17}[\dX]$/.test(code) && idNumberCheckChar(code.slice(0, 17)) === code.charAt(17);
  const alphabet = (i: number): string => (i === 17 ? '0123456789X' : '0123456789');
  const anyBody = digitString(17).map((body) => body + idNumberCheckChar(body));

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

  it('the validator accepts valid numbers and rejects each of their substitutions and swaps', () => {
    fc.assert(
      fc.property(validIdNumber, (code) => {
        expect(checkIdNumber(code, { today }).ok).toBe(true);
        for (const typo of [...substitutions(code, alphabet), ...adjacentSwaps(code)]) {
          expect(checkIdNumber(typo, { today }).ok, typo).toBe(false);
        }
      }),
    );
  });
});
