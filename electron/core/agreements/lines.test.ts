import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutWhitespace } from './chars';
import { sourceLines, tidyWhitespace } from './lines';

describe('tidyWhitespace', () => {
  it.each([
    ['2.2 企 业 用 户 ： 按 照 企 业 服 务 平 台', '2.2 企业用户：按照企业服务平台'],
    ['   议。除另行明确声明外 ', '议。除另行明确声明外'],
    ['包括但不限于 IP 地址等数据', '包括但不限于 IP 地址等数据'],
    ['损害赔偿 (无论', '损害赔偿 (无论'],
    ['\u3000\u3000第一条\u3000总则', '第一条 总则'],
    ['第 一 条 总 则', '第一条总则'],
    ['the  platform\tmay   revise', 'the platform may revise'],
    ['“ 同 意 ” 按 钮', '“同意”按钮'],
  ])('tidies %j', (raw, tidy) => {
    expect(tidyWhitespace(raw)).toBe(tidy);
  });

  it('changes nothing but whitespace', () => {
    const pieces = fc.constantFrom(
      ...['企', '业', '，', '：', 'a', 'B', '1', '.', '(', '“', '①'],
      ...[' ', '  ', '\t', '\u3000', '\u00a0'],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const line = parts.join('');
        expect(withoutWhitespace(tidyWhitespace(line))).toBe(withoutWhitespace(line));
      }),
    );
  });
});

describe('sourceLines', () => {
  it('numbers lines from 1 in the text, skips blank ones and remembers them', () => {
    expect(sourceLines(' 标题 \r\n\r\n一、甲\n乙\r \n')).toEqual([
      { lineNo: 1, text: '标题', blankBefore: false },
      { lineNo: 3, text: '一、甲', blankBefore: true },
      { lineNo: 4, text: '乙', blankBefore: false },
    ]);
  });

  it('does not count blank lines at the very start as a gap', () => {
    expect(sourceLines('\n\n标题')[0]).toEqual({ lineNo: 3, text: '标题', blankBefore: false });
  });
});
