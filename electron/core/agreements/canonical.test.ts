import { describe, expect, it } from 'vitest';
import { canonicalText, sha256Hex } from './canonical';
import type { AgreementDocument, AgreementSection } from './types';

const second: AgreementSection = {
  number: '二',
  heading: null,
  opening: '二、',
  paragraphs: ['本协议具有合同效力。'],
  sections: [],
};

const document: AgreementDocument = {
  title: '测试协议',
  publishedAt: '2022-05-22',
  titleLine: '测试协议',
  dateLine: '更新于 : 2022-05-22',
  preamble: ['欢迎使用。'],
  sections: [
    {
      number: '一',
      heading: '定义',
      opening: '一、【定义】',
      paragraphs: [],
      sections: [
        { number: '（一）', heading: null, opening: '（一）', paragraphs: ['用户：指自然人。', '续。'], sections: [] },
      ],
    },
    second,
  ],
};

describe('canonicalText', () => {
  it('writes header, preamble and clauses as the format comment says', () => {
    expect(canonicalText(document)).toBe(
      [
        '测试协议',
        '更新于 : 2022-05-22',
        '',
        '欢迎使用。',
        '',
        '一、【定义】',
        '',
        '  （一）',
        '    用户：指自然人。',
        '    续。',
        '',
        '二、',
        '  本协议具有合同效力。',
        '',
      ].join('\n'),
    );
  });

  it('keeps an empty line for the missing preamble so the first clause is not read as preamble', () => {
    const bare = { ...document, dateLine: null, preamble: [], sections: [second] };
    expect(canonicalText(bare)).toBe('测试协议\n\n\n二、\n  本协议具有合同效力。\n');
  });

  it('tells a heading from a paragraph of the same words', () => {
    const asParagraph = { ...document, sections: [{ ...second, opening: '二、', paragraphs: ['定义'] }] };
    const asHeading = { ...document, sections: [{ ...second, opening: '二、定义', paragraphs: [] }] };
    expect(canonicalText(asParagraph)).not.toBe(canonicalText(asHeading));
  });

  it('is NFC', () => {
    const decomposed = { ...document, preamble: ['Cafe\u0301。'] };
    expect(canonicalText(decomposed)).toContain('Caf\u00e9。');
  });
});

describe('sha256Hex', () => {
  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('协议'))).toBe(sha256Hex('协议'));
  });
});
