import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutWhitespace } from './chars';
import { decodeAgreement } from './decode';
import { AgreementImportError } from './errors';
import { importAgreement, type ImportOptions } from './import';
import type { ImportResult } from './types';

/** Everything but whitespace, compared in NFC (the canonical text is NFC by definition). */
const visible = (text: string) => withoutWhitespace(text).normalize('NFC');
const utf8 = (text: string) => new TextEncoder().encode(text);

// Common characters only, and no Chinese numerals, so a title never reads like a clause.
const hanzi = Array.from('的协议用户平台服务本应当信息注册账号密码合同效力提供真实准确安全管理权利义务');
const damage = [' ', '  ', '\t', '\u3000', '\u00a0'];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hanzi) },
  { weight: 2, arbitrary: fc.constantFrom('，', '。', '；', '：', '、', '“', '”', '（', '）', '(', ')', '"', '【', '】', '.') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('POP800', 'IP', 'http://www.example.com', 'the', 'user', '2022年', '1.5倍', '3'),
  },
  { weight: 2, arbitrary: fc.constantFrom(...damage) },
);
const textLabel = fc.constantFrom(
  ...['', '', '', '一、', '十二、', '（一）', '(二)', '1.', '2、', '3．', '2.1 ', '2.2', '(1)', '（2）'],
  ...['①', '②', '第一条 ', '第二条', '【定义】', '1)'],
);
const markdownLabel = fc.constantFrom('', '', '# ', '## ', '### ', '- ', '* ', '1. ', '2. ', '> ', '## 一、', '### （一）');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n \n');
const title = fc.array(fc.constantFrom(...hanzi), { minLength: 2, maxLength: 12 }).map((chars) => chars.join(''));

function agreement(label: fc.Arbitrary<string>, titlePrefix: string): fc.Arbitrary<string> {
  const line = fc
    .tuple(fc.constantFrom('', ' ', '   ', '\u3000\u3000'), label, fc.array(piece, { maxLength: 30 }))
    .map(([indent, start, parts]) => indent + start + parts.join(''));
  return fc
    .tuple(
      title,
      fc.constantFrom('', '更新于 : 2022-05-22\n'),
      fc.array(fc.tuple(line, lineBreak), { minLength: 1, maxLength: 25 }),
    )
    .map(([name, dateLine, lines]) => {
      const body = lines.map(([text, end]) => text + end).join('');
      return `${titlePrefix}${name}\n${dateLine}${body}`;
    });
}

/** The import, or null when the generated body turned out empty (the one refusal a generated text may earn). */
function importOrEmpty(bytes: Uint8Array, options: ImportOptions): ImportResult | null {
  try {
    return importAgreement(bytes, options);
  } catch (error) {
    if (error instanceof AgreementImportError && error.code === 'agreement_empty') return null;
    throw error;
  }
}

describe.each([
  ['plain text', agreement(textLabel, ''), 'generated.txt'],
  ['markdown', agreement(markdownLabel, '# '), 'generated.md'],
])('the canonical text of generated %s agreements', (_format, texts, fileName) => {
  it('has exactly the non-whitespace characters of the decoded input, in order', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (text, bom) => {
        const bytes = utf8(bom ? `\uFEFF${text}` : text);
        const result = importOrEmpty(bytes, { fileName });
        if (result === null) return;
        expect(visible(result.canonicalText)).toBe(visible(decodeAgreement(bytes).text));
      }),
      { numRuns: 300 },
    );
  });

  it('is NFC with LF line endings, no trailing whitespace and one final LF', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = importOrEmpty(utf8(text), { fileName });
        if (result === null) return;
        const canonical = result.canonicalText;
        expect(canonical).toBe(canonical.normalize('NFC'));
        expect(canonical).not.toMatch(/\r|[^\S\n]\n|\n\n\n\n/u);
        expect(canonical).toMatch(/\S\n$/u);
      }),
    );
  });

  it('gives the same result for the same bytes', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(importOrEmpty(utf8(text), { fileName })).toEqual(importOrEmpty(utf8(text), { fileName }));
      }),
    );
  });

  it('gives a different canonical hash when one character changes', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.constantFrom(...hanzi), (text, seed, replacement) => {
        const positions = Array.from(text.matchAll(/[^\s#>*+-]/gu), (match) => match.index);
        const at = positions[seed % positions.length] ?? 0;
        fc.pre(text[at] !== replacement);
        const changed = text.slice(0, at) + replacement + text.slice(at + 1);
        const before = importOrEmpty(utf8(text), { fileName });
        const after = importOrEmpty(utf8(changed), { fileName });
        fc.pre(before !== null && after !== null);
        expect(after?.canonicalSha256).not.toBe(before?.canonicalSha256);
      }),
    );
  });
});
