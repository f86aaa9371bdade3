import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, recogniseLabel } from './numbering';

function labelOf(text: string) {
  const label = recogniseLabel(text);
  if (!label) return null;
  const { style, number, value, rest } = label;
  return { style, number, value, label: label.label, rest };
}

describe('recogniseLabel', () => {
  it.each([
    ['一、本协议具有合同效力。', 'chinese', '一', [1], '一、', '本协议具有合同效力。'],
    ['十二、责任限制', 'chinese', '十二', [12], '十二、', '责任限制'],
    ['（一）用户/您：指同意', 'chinese-paren', '（一）', [1], '（一）', '用户/您：指同意'],
    ['(三)账号和密码', 'chinese-paren', '(三)', [3], '(三)', '账号和密码'],
    ['1.违反宪法确定的基本原则的；', 'arabic', '1', [1], '1.', '违反宪法确定的基本原则的；'],
    ['2、用户同意', 'arabic', '2', [2], '2、', '用户同意'],
    ['3．对本平台', 'arabic', '3', [3], '3．', '对本平台'],
    ['10. 法律管辖和适用', 'arabic', '10', [10], '10.', '法律管辖和适用'],
    ['2.1 企业服务平台：拥有', 'decimal-2', '2.1', [2, 1], '2.1', '企业服务平台：拥有'],
    ['3.2.1 细则', 'decimal-3', '3.2.1', [3, 2, 1], '3.2.1', '细则'],
    ['(1)违反宪法', 'arabic-paren', '(1)', [1], '(1)', '违反宪法'],
    ['（4)使我们更加了解', 'arabic-paren', '（4)', [4], '（4)', '使我们更加了解'],
    ['1）完成', 'arabic-half-paren', '1', [1], '1）', '完成'],
    ['②对于用户', 'circled', '②', [2], '②', '对于用户'],
    ['第三条 用户的权利', 'ordinal-条', '第三条', [3], '第三条', '用户的权利'],
    ['第12条：定义', 'ordinal-条', '第12条', [12], '第12条：', '定义'],
    ['第一章 总则', 'ordinal-章', '第一章', [1], '第一章', '总则'],
  ])('reads %s', (text, style, number, value, label, rest) => {
    expect(labelOf(text)).toEqual({ style, number, value, label, rest });
  });

  it.each([
    ['2022年5月22日起生效。'],
    ['1.5倍的违约金'],
    ['一旦注册成功，'],
    ['十分重要的提示'],
    ['POP800系统所收集'],
    ['2022、2023年度'],
  ])('does not take the digits of %s for a clause number', (text) => {
    const label = recogniseLabel(text);
    expect(label === null || label.evidence === 'glued').toBe(true);
  });

  it('marks a decimal number glued to its text as weak evidence, and one followed by a space as not', () => {
    expect(recogniseLabel('1.5倍的违约金')?.evidence).toBe('glued');
    expect(recogniseLabel('2.1 企业服务平台')?.evidence).toBe('weak');
    expect(recogniseLabel('（一）用户')?.evidence).toBe('strong');
    expect(recogniseLabel('第三条规定的')?.evidence).toBe('glued');
  });
});

describe('chineseNumeralValue', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['一百零三', 103],
  ])('%s is %i', (numeral, value) => {
    expect(chineseNumeralValue(numeral)).toBe(value);
  });

  it('refuses text that is not a numeral', () => {
    expect(chineseNumeralValue('一旦')).toBeNull();
    expect(chineseNumeralValue('零')).toBeNull();
  });
});
