import { describe, expect, it } from 'vitest';
import {
  normalizeCreditCode,
  normalizeEmail,
  normalizeIdNumber,
  normalizePersonName,
  normalizePhone,
  normalizeText,
} from './normalize';

describe('normalize', () => {
  it('turns full-width forms into ASCII and collapses whitespace in free text', () => {
    expect(normalizeText('\u3000 ＡＢＣ　 １２３\u200B ')).toBe('ABC 123');
  });

  it('removes every space from an ID number and upper-cases its x', () => {
    expect(normalizeIdNumber(' １１０１０５ 19491231\u3000002ｘ ')).toBe('11010519491231002X');
  });

  it('upper-cases a credit code', () => {
    expect(normalizeCreditCode('９１３５０１００ｍ000100y43')).toBe('91350100M000100Y43');
  });

  it('turns dash look-alikes, and runs of them, into one ASCII hyphen', () => {
    expect(normalizePhone(' 0532－88886666—123 ')).toBe('0532-88886666-123');
    expect(normalizePhone('0532——88886666')).toBe('0532-88886666');
  });

  it('reads the ideographic full stop in an email address as a dot', () => {
    expect(normalizeEmail(' ｚｈａｎｇ＠163。com ')).toBe('zhang@163.com');
  });

  it('unifies middle dots and removes spaces in Chinese names only', () => {
    expect(normalizePersonName(' 阿依古丽 • 买买提 ')).toBe('阿依古丽·买买提');
    expect(normalizePersonName('张 三')).toBe('张三');
    expect(normalizePersonName('  Ｊｏｈｎ   Smith ')).toBe('John Smith');
  });
});
