import { describe, expect, it } from 'vitest';
import { withoutWhitespace } from './chars';
import { decodeAgreement } from './decode';
import { importAgreement } from './import';
import { outline } from './outline';
import { readShippedAgreement, shippedAgreementFiles, type ShippedAgreementFile } from './shipped';
import type { AgreementSection } from './types';

const imported = (name: ShippedAgreementFile) => importAgreement(readShippedAgreement(name), { fileName: name });
const numbers = (sections: AgreementSection[]) => sections.map((section) => section.number);
const headings = (sections: AgreementSection[]) => sections.map((section) => section.heading);

describe.each(shippedAgreementFiles)('shipped agreement %s', (name) => {
  const bytes = readShippedAgreement(name);
  const result = importAgreement(bytes, { fileName: name });

  it('keeps every non-whitespace character of the file, in order', () => {
    const source = decodeAgreement(bytes).text;
    expect(withoutWhitespace(result.canonicalText).normalize('NFC')).toBe(withoutWhitespace(source).normalize('NFC'));
  });

  it('imports to the outline reviewed by hand', async () => {
    await expect(outline(result.document)).toMatchFileSnapshot(`./__snapshots__/${name.slice(0, 3)}.outline.txt`);
  });

  it('keeps its hashes, which consent records refer to', () => {
    expect({ sourceSha256: result.sourceSha256, canonicalSha256: result.canonicalSha256 }).toMatchSnapshot();
  });
});

describe('青岛市企业服务平台注册与使用协议 (000: PDF extraction, wrapped with blank lines)', () => {
  const { document, warnings } = imported('000_29596858888244fe.txt');

  it('has clauses 一 to 十二 with their headings', () => {
    expect(document.title).toBe('青岛市企业服务平台注册与使用协议');
    expect(numbers(document.sections)).toEqual(Array.from('一二三四五六七八九').concat(['十', '十一', '十二']));
    expect(headings(document.sections)).toEqual([
      null,
      '定义',
      '协议的订立',
      '用户的帐号、密码和安全性',
      '服务的终止',
      '服务终止后',
      '服务的变更、中断',
      '企业服务平台的法律地位',
      '知识产权',
      '隐私政策',
      '协议修改',
      '责任限制',
    ]);
  });

  it('rejoins the first clause, broken over a blank line, into one sentence', () => {
    expect(document.sections[0]?.paragraphs).toEqual([
      '本协议缔约方为青岛市企业服务平台（以下简称企业服务平台）和注册的企业用户或一般用户，本协议具有合同效力。',
    ]);
  });

  it('closes up spaced-out characters and nests 2.1–2.3 under 二', () => {
    const definitions = document.sections[1]?.sections ?? [];
    expect(numbers(definitions)).toEqual(['2.1', '2.2', '2.3']);
    expect(definitions[1]?.paragraphs).toEqual([
      '企业用户：按照企业服务平台（http://www.qdmqfw.com）注册程序规定的条件，完成注册的企业；',
    ]);
  });

  it('nests ① under the numbered item that introduces it', () => {
    const afterTermination = document.sections[5]?.sections ?? [];
    expect(numbers(afterTermination)).toEqual(['1', '2', '3']);
    expect(numbers(afterTermination[1]?.sections ?? [])).toEqual(['①', '②']);
    expect(afterTermination[1]?.paragraphs).toEqual([
      '不论企业服务平台与用户之间的服务因任何原因以任何方式终止，企业服务平台仍有权：',
    ]);
  });

  it('rejoins a line indented after a page break', () => {
    expect(document.sections[2]?.sections[1]?.paragraphs[0]).toContain('将表示用户接受经修订的协议。除另行明确声明外');
  });

  it('imports without doubts', () => {
    expect(warnings).toEqual([]);
  });
});

describe('奥集能服务平台用户服务协议 (001: one paragraph per line)', () => {
  const { document, warnings } = imported('001_1d621e8857804fde.txt');

  it('has clauses 一 to 十五 with their bracketed headings', () => {
    expect(document.sections).toHaveLength(15);
    expect(document.sections[0]).toMatchObject({ number: '一', heading: '定义', opening: '一、【定义】' });
    expect(document.sections[14]).toMatchObject({ number: '十五', heading: '其他规定' });
    expect(document.preamble).toHaveLength(1);
  });

  it('nests （一） under 一 and reads definitions as sentences, not headings', () => {
    const definitions = document.sections[0]?.sections ?? [];
    expect(numbers(definitions)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
    expect(definitions[0]?.heading).toBeNull();
    expect(definitions[0]?.paragraphs[0]).toMatch(/^用户\/您：指同意并遵守本协议/u);
  });

  it('nests both numbered lists of 五 under the items that introduce them', () => {
    const cautions = document.sections[4]?.sections ?? [];
    expect(numbers(cautions)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
    expect(cautions[2]?.sections).toHaveLength(15);
    expect(cautions[3]?.paragraphs[1]).toBe('用户使用本平台过程中不得从事下列行为：');
    expect(cautions[3]?.sections).toHaveLength(6);
    expect(cautions[4]?.sections).toHaveLength(3);
  });

  it('imports without doubts', () => {
    expect(warnings).toEqual([]);
  });
});

describe('POP800用户注册协议 (003: long lines, mixed brackets)', () => {
  const { document, warnings } = imported('003_4cc989eeb61686f8.txt');

  it('has clauses 1 to 11 with their headings', () => {
    expect(numbers(document.sections)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(document.sections[0]).toMatchObject({ heading: '用户信息采集', opening: '1. 用户信息采集' });
    expect(document.sections[8]?.heading).toBe('协议更新及用户关注义务');
  });

  it('treats （1） and （4) as one numbering style', () => {
    expect(numbers(document.sections[1]?.sections ?? [])).toEqual(['（1）', '（2）', '（3）', '（4)', '（5)']);
    expect(document.sections[3]?.sections).toHaveLength(9);
  });

  it('rejoins the paragraph split across a blank line', () => {
    expect(document.sections[5]?.paragraphs).toHaveLength(1);
    expect(document.sections[5]?.paragraphs[0]).toContain('包括但不限于注册账号时的相关信息和活动报名信息等。');
  });

  it('asks a person to check the joins across blank lines and the text after the list in 4', () => {
    expect(warnings.map((warning) => [warning.line, warning.code])).toEqual([
      [39, 'joined_across_blank_line'],
      [59, 'paragraph_after_list'],
      [69, 'joined_across_blank_line'],
    ]);
  });
});
