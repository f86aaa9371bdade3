import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdNumber, checkMobile } from '../validation';
import { validIdNumber, validMobile } from '../validation/testArbitraries';
import { maskIdNumber, maskMobile, maskName, redactPersonalData } from './mask';

describe('maskIdNumber', () => {
  it('keeps the first and last four characters of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first and last two characters of shorter documents', () => {
    expect(maskIdNumber('110105491231002')).toBe('11***********02');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
  });

  it('hides a value too short to keep both ends', () => {
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  it('keeps the first and last two characters of other numbers', () => {
    expect(maskMobile('0532-88886666')).toBe('05*********66');
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳小明', '欧***'],
    ['阿依古丽·买买提', '阿*******'],
    ['𠮷田', '𠮷*'],
    ['John Smith', 'J***'],
    ['ZHANG SAN', 'Z***'],
    ['张', '*'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('redactPersonalData', () => {
  it('masks ID numbers with a valid or an invalid checksum', () => {
    expect(redactPersonalData('id=11010519491231002X;')).toBe('id=1101**********002X;');
    expect(redactPersonalData('bad 110105194912310021 end')).toBe('bad 1101**********0021 end');
  });

  it('masks an ID number with a lower-case x, followed by letters', () => {
    expect(redactPersonalData('ID11010519491231002xabc')).toBe('ID1101**********002Xabc');
  });

  it('masks full-width ID numbers and mobiles', () => {
    expect(redactPersonalData('号码：１１０１０５１９４９１２３１００２Ｘ，手机１３８００１３８０００')).toBe(
      '号码：1101**********002X，手机138****8000',
    );
  });

  it('masks legacy 15-digit numbers', () => {
    expect(redactPersonalData('old 110105491231002.')).toBe('old 11***********02.');
  });

  it('masks mobiles written with +86 or in groups', () => {
    expect(redactPersonalData('call 13800138000 now')).toBe('call 138****8000 now');
    expect(redactPersonalData('tel:+8613800138000')).toBe('tel:+86138****8000');
    expect(redactPersonalData('tel: +86 138-0013-8000.')).toBe('tel: +86 138****8000.');
    expect(redactPersonalData('tel: 138 0013 8000')).toBe('tel: 138****8000');
  });

  it('leaves digit runs of other lengths alone', () => {
    const line = 't=1718000000000 size=12345678901234567 card=6222021234567890123 n=1234567890';
    expect(redactPersonalData(line)).toBe(line);
  });

  it('does not mistake a mobile-like part of a longer number for a mobile', () => {
    expect(redactPersonalData('order 913800138000')).toBe('order 913800138000');
    expect(redactPersonalData('order 138001380001')).toBe('order 138001380001');
  });

  it('leaves text without personal data unchanged', () => {
    expect(redactPersonalData('登记 R-2025-0001 已提交，队列 3 条')).toBe('登记 R-2025-0001 已提交，队列 3 条');
  });

  it('leaves no valid ID number or mobile in a log line (property)', () => {
    // Filler has no digits, so every digit left after redaction comes from a mask. The values are
    // never glued to each other: a longer digit run is by design not read as an ID or mobile.
    const unit = fc.constantFrom(...'ab XxZ:=,;|"{}身份证号手机，：+-');
    const filler = fc.string({ unit, maxLength: 12 });
    const separator = fc.string({ unit, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.tuple(filler, validIdNumber, separator, validMobile, filler), ([a, id, b, mobile, c]) => {
        const line = `${a}${id}${b}${mobile}${c}`;
        const redacted = redactPersonalData(line);
        expect(redacted).not.toContain(id);
        expect(redacted).not.toContain(mobile);
        expect(redacted).toContain(maskIdNumber(id));
        expect(redacted).toMatch(/\d{3}\*{4}\d{4}/);
        const chars = [...redacted];
        for (let i = 0; i + 18 <= chars.length; i++) {
          expect(checkIdNumber(chars.slice(i, i + 18).join('')).ok).toBe(false);
        }
        for (let i = 0; i + 11 <= chars.length; i++) {
          expect(checkMobile(chars.slice(i, i + 11).join('')).ok).toBe(false);
        }
      }),
    );
  });
});
