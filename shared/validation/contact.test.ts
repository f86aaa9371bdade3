import { describe, expect, it } from 'vitest';
import { checkEmail, checkLandline, checkMobile, checkPersonName } from './contact';

const issueKey = (result: { ok: true } | { ok: false; issue: { key: string } }) =>
  result.ok ? undefined : result.issue.key;

describe('blank contact fields', () => {
  it('ask for a value', () => {
    expect(issueKey(checkMobile(' - '))).toBe('validation.required');
    expect(issueKey(checkLandline('　'))).toBe('validation.required');
    expect(issueKey(checkEmail(' '))).toBe('validation.required');
  });
});

describe('checkMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['86-138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['＋８６ １３８－００１３－８０００', '13800138000'],
    ['199 9999 9999', '19999999999'],
  ])('accepts %s as %s', (raw, value) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value });
  });

  it.each(['12800138000', '1380013800', '138001380001', '23800138000', '+13800138000', '+85213800138000', '138OO138000'])(
    'rejects %s',
    (raw) => {
      expect(checkMobile(raw)).toEqual({ ok: false, issue: { key: 'validation.mobile.invalid' } });
    },
  );
});

describe('checkLandline', () => {
  it.each([
    ['0532-88886666-123', '0532-88886666-123'],
    ['010-88886666', '010-88886666'],
    ['0532-8888666', '0532-8888666'],
    ['０１０－８８８８６６６６', '010-88886666'],
    ['0532－88886666－123', '0532-88886666-123'],
    [' 0532 - 8888666 ', '0532-8888666'],
    ['0532 88886666', '0532-88886666'],
    ['0532——88886666—123456', '0532-88886666-123456'],
  ])('accepts %s as %s', (raw, value) => {
    expect(checkLandline(raw)).toEqual({ ok: true, value });
  });

  it.each([
    '053288886666',
    '010-12345678',
    '532-88886666',
    '00532-88886666',
    '0532-888866',
    '0532-888866667',
    '0532-08886666',
    '0532-88886666-1234567',
    '0532-88886666-',
    '(0532)88886666',
  ])('rejects %s', (raw) => {
    expect(checkLandline(raw)).toEqual({ ok: false, issue: { key: 'validation.landline.invalid' } });
  });
});

describe('checkEmail', () => {
  it.each(['zhang.san@example.com', 'a+tag@mail.qq.com', 'x_y@sub-domain.example.cn'])('accepts %s', (raw) => {
    expect(checkEmail(raw)).toEqual({ ok: true, value: raw });
  });

  it('normalises full-width input', () => {
    expect(checkEmail(' ｚｈａｎｇ＠163。com ')).toEqual({ ok: true, value: 'zhang@163.com' });
  });

  it.each(['zhang', 'zhang@', '@example.com', 'zhang@@example.com', 'zhang@example', 'zhang..san@example.com', '.zhang@example.com', 'zhang san@example.com', 'zhang@-example.com', 'zhang@example.c0m', `${'a'.repeat(65)}@example.com`])(
    'rejects %s',
    (raw) => {
      expect(issueKey(checkEmail(raw))).toBe('validation.email.invalid');
    },
  );

  it('rejects addresses longer than 254 characters with the lengths', () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`;
    expect(long).toHaveLength(247);
    expect(checkEmail(long).ok).toBe(true);
    const tooLong = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`;
    expect(checkEmail(tooLong)).toEqual({
      ok: false,
      issue: { key: 'validation.email.tooLong', params: { max: 254, length: 255 } },
    });
  });
});

describe('checkPersonName', () => {
  it.each([
    ['张三', '张三'],
    ['欧阳小明', '欧阳小明'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['张 三', '张三'],
    ['𠮷田', '𠮷田'],
    ['ZHANG SAN', 'ZHANG SAN'],
    ['  John   Smith ', 'John Smith'],
  ])('accepts %s', (raw, value) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, value });
  });

  it.each(['·张三', '张三·', '阿依古丽··买买提'])('rejects the misplaced dot in %s', (raw) => {
    expect(issueKey(checkPersonName(raw))).toBe('validation.name.dot');
  });

  it.each(['张三1', 'John-Smith', '张三 Smith', 'O\'Neil', 'Zoë'])('rejects the characters in %s', (raw) => {
    expect(issueKey(checkPersonName(raw))).toBe('validation.name.chars');
  });

  it('rejects names shorter than 2 or longer than 50 characters', () => {
    expect(checkPersonName('张')).toEqual({
      ok: false,
      issue: { key: 'validation.name.length', params: { min: 2, max: 50, length: 1 } },
    });
    expect(checkPersonName('王'.repeat(50)).ok).toBe(true);
    expect(checkPersonName('王'.repeat(51))).toEqual({
      ok: false,
      issue: { key: 'validation.name.length', params: { min: 2, max: 50, length: 51 } },
    });
  });

  it('counts a character outside the BMP as one character', () => {
    expect(checkPersonName('𠮷'.repeat(50)).ok).toBe(true);
  });

  it('asks for a value when blank', () => {
    expect(issueKey(checkPersonName('\u3000'))).toBe('validation.required');
  });
});
