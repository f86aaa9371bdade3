import { describe, expect, it } from 'vitest';
import { sourceLines } from './lines';
import { blankLinesEndParagraphs, endsParagraph, joinLines } from './paragraphs';

describe('joinLines', () => {
  it('puts nothing between Chinese characters and one space between Latin words', () => {
    expect(joinLines('以下简称企业服', '务平台）')).toBe('以下简称企业服务平台）');
    expect(joinLines('the platform may', 'revise it')).toBe('the platform may revise it');
    expect(joinLines('用户在使用"', '服务"中提交')).toBe('用户在使用"服务"中提交');
    expect(joinLines('包括但不限于', 'IP 地址')).toBe('包括但不限于IP 地址');
  });
});

describe('endsParagraph', () => {
  it.each([
    ['本协议具有合同效力。', true],
    ['的企业；', true],
    ['仍有权：', true],
    ['按“同意”按钮。”', true],
    ['see the terms.', true],
    ['以下简称企业服', false],
    ['，完成注册', false],
    ['（以下简称企业服务平台）', false],
  ])('%s → %s', (text, ends) => {
    expect(endsParagraph(text)).toBe(ends);
  });
});

describe('blankLinesEndParagraphs', () => {
  it('reads blank lines as paragraph ends when sentences rarely run across them', () => {
    const text = '甲方的权利。\n\n乙方的义务。\n\n（一）丙\n\n（二）丁。\n\n戊。\n\n己。';
    expect(blankLinesEndParagraphs(sourceLines(text))).toBe(true);
  });

  it('reads them as wrapping debris when PDF extraction put one after every line', () => {
    const text = '本协议缔约方为青岛市企业服务平台\n\n和注册的企业用户，本协议具有\n\n合同效力。\n\n二、定义：\n\n企业服务平台：拥有合法经营的软\n\n件或服务。';
    expect(blankLinesEndParagraphs(sourceLines(text))).toBe(false);
  });
});
