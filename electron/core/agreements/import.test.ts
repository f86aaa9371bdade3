import { describe, expect, it } from 'vitest';
import { AgreementImportError, type AgreementErrorCode } from './errors';
import { importAgreement } from './import';
import { outline } from './outline';

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (digits: string) => Uint8Array.from(digits.match(/../gu) ?? [], (pair) => parseInt(pair, 16));
const importText = (text: string, fileName = 'agreement.txt') => importAgreement(utf8(text), { fileName });

function errorCodeOf(bytes: Uint8Array, fileName = 'agreement.txt'): AgreementErrorCode | undefined {
  try {
    importAgreement(bytes, { fileName });
    return undefined;
  } catch (error) {
    if (error instanceof AgreementImportError) return error.code;
    throw error;
  }
}

describe('importAgreement: an agreement numbered 第一条 … with （一） inside', () => {
  const text = [
    '用户服务协议',
    '更新日期：2023年3月1日',
    '',
    '第一条 总则',
    '本协议由用户与平台共同缔结，具有合同效力。',
    '第二条 用户的权利和义务',
    '（一）用户应当提供真实、准确的注册信息。',
    '（二）用户应当妥善保管账号和密码，',
    '    因保管不善造成的损失由用户自行承担。',
    '（三）用户可以申请注销账号。',
    '第三条 附则',
    '本协议自2023年3月1日起生效。',
  ].join('\n');
  const { document, warnings } = importText(text);

  it('reads title and date', () => {
    expect(document.title).toBe('用户服务协议');
    expect(document.dateLine).toBe('更新日期：2023年3月1日');
    expect(document.publishedAt).toBe('2023-03-01');
  });

  it('nests （一） under its article and rejoins the wrapped clause', () => {
    expect(outline(document)).toBe(
      [
        '用户服务协议 [preamble 0¶]',
        '第一条 总则 [1¶]',
        '第二条 用户的权利和义务 [0¶]',
        '  （一） [1¶]',
        '  （二） [1¶]',
        '  （三） [1¶]',
        '第三条 附则 [1¶]',
        '',
      ].join('\n'),
    );
    expect(document.sections[1]?.sections[1]?.paragraphs).toEqual([
      '用户应当妥善保管账号和密码，因保管不善造成的损失由用户自行承担。',
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('importAgreement: chapters with articles numbered through the whole text', () => {
  const text = [
    '某某科技有限公司用户协议',
    '生效日期：2021年7月1日',
    '第一章　总则',
    '第一条　为规范用户注册行为，制定本协议。',
    '第二条　本协议适用于本平台全部用户。',
    '第二章　用户注册',
    '第三条　用户注册时应当：',
    '（一）提供真实、准确、完整的身份信息；',
    '（二）按照页面提示设置密码，并妥善保管。',
    '第四条　用户可以随时申请注销账号，注销后本平台将在十五个工作日内',
    '删除或匿名化处理用户的个人信息。',
  ].join('\n');
  const { document, warnings } = importText(text);

  it('nests articles under chapters although their numbers do not restart', () => {
    expect(outline(document)).toBe(
      [
        '某某科技有限公司用户协议 [preamble 0¶]',
        '第一章 总则 [0¶]',
        '  第一条 [1¶]',
        '  第二条 [1¶]',
        '第二章 用户注册 [0¶]',
        '  第三条 [1¶]',
        '    （一） [1¶]',
        '    （二） [1¶]',
        '  第四条 [1¶]',
        '',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
  });

  it('keeps the space that separates an article number from its text', () => {
    expect(document.sections[0]?.opening).toBe('第一章 总则');
    expect(document.sections[1]?.sections[0]?.paragraphs).toEqual(['用户注册时应当：']);
  });
});

describe('importAgreement: markdown', () => {
  const text = [
    '# 示例平台隐私协议',
    '',
    '欢迎使用示例平台。本协议说明',
    '我们如何处理您的信息。',
    '',
    '## 一、信息收集',
    '',
    '我们收集以下信息：',
    '',
    '- 姓名',
    '- 手机号码',
    '',
    '### （一）注册信息',
    '',
    '1. 您注册时提供的信息。',
    '2. 您使用服务时产生的信息。',
    '',
    '## 二、【信息使用】',
    '',
    'We use your data only',
    'as this agreement allows.',
  ].join('\n');
  const result = importText(text, '隐私协议.md');
  const { document } = result;

  it('takes the first heading as the title and keeps its marker for the canonical text', () => {
    expect(result.format).toBe('markdown');
    expect(document.title).toBe('示例平台隐私协议');
    expect(result.canonicalText.startsWith('# 示例平台隐私协议\n')).toBe(true);
  });

  it('nests by heading level, numbered list items under the heading above them', () => {
    expect(outline(document)).toBe(
      [
        '示例平台隐私协议 [preamble 1¶]',
        '一 信息收集 [3¶]',
        '  （一） 注册信息 [0¶]',
        '    1 [1¶]',
        '    2 [1¶]',
        '二 信息使用 [1¶]',
        '',
      ].join('\n'),
    );
  });

  it('joins soft-wrapped lines and keeps bullet items as paragraphs of their own', () => {
    expect(document.preamble).toEqual(['欢迎使用示例平台。本协议说明我们如何处理您的信息。']);
    expect(document.sections[0]?.paragraphs).toEqual(['我们收集以下信息：', '- 姓名', '- 手机号码']);
    expect(document.sections[1]?.paragraphs).toEqual(['We use your data only as this agreement allows.']);
  });
});

describe('importAgreement: encodings', () => {
  /** `测试平台用户协议` / `一、本协议具有合同效力。` / `二、用户应当提供真实、准确的注册信息。` in GBK with CRLF. */
  const gbk = hex(
    'b2e2cad4c6bdcca8d3c3bba7d0add2e90d0ad2bba1a2b1bed0add2e9bedfd3d0bacfcdacd0a7c1a6a1a30d0a' +
      'b6fea1a2d3c3bba7d3a6b5b1cce1b9a9d5e6cab5a1a2d7bcc8b7b5c4d7a2b2e1d0c5cfa2a1a30d0a',
  );
  const sameInUtf8 = '测试平台用户协议\n一、本协议具有合同效力。\n二、用户应当提供真实、准确的注册信息。\n';

  it('imports GBK bytes to the same canonical text as the UTF-8 file, with a different source hash', () => {
    const fromGbk = importAgreement(gbk, { fileName: 'gbk.txt' });
    const fromUtf8 = importText(sameInUtf8);
    expect(fromGbk.encoding).toBe('gb18030');
    expect(fromGbk.document.sections.map((section) => section.paragraphs[0])).toEqual([
      '本协议具有合同效力。',
      '用户应当提供真实、准确的注册信息。',
    ]);
    expect(fromGbk.canonicalSha256).toBe(fromUtf8.canonicalSha256);
    expect(fromGbk.sourceSha256).not.toBe(fromUtf8.sourceSha256);
  });

  it('imports UTF-8 with a BOM without the BOM ending up in the title', () => {
    const withBom = importAgreement(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(sameInUtf8)]), { fileName: 'bom.TXT' });
    expect(withBom.encoding).toBe('utf-8-bom');
    expect(withBom.document.title).toBe('测试平台用户协议');
    expect(withBom.canonicalText).toBe(importText(sameInUtf8).canonicalText);
  });

  it('reports a garbled file instead of importing it', () => {
    const garbled = new TextDecoder('gb18030').decode(utf8('一、本协议具有合同效力，用户应当提供真实信息。'));
    expect(errorCodeOf(utf8(`测试平台用户协议\n${garbled.replace(/\uFFFD/gu, '')}\n`))).toBe('agreement_garbled');
  });
});

describe('importAgreement: lines that only look numbered', () => {
  const text = [
    '会员协议',
    '一、费用',
    '会员逾期付款的，应当按照欠款金额的',
    '1.5倍支付违约金。',
    '二、期限',
    '本协议有效期至',
    '2025年12月31日止。',
    '四、其他',
    '未尽事宜由双方协商解决。',
  ].join('\n');
  const { document, warnings } = importText(text);

  it('keeps a sentence that starts with a number inside its paragraph', () => {
    expect(document.sections[0]?.paragraphs).toEqual(['会员逾期付款的，应当按照欠款金额的1.5倍支付违约金。']);
    expect(document.sections[1]?.paragraphs).toEqual(['本协议有效期至2025年12月31日止。']);
  });

  it('keeps a clause whose number skips one, and says so', () => {
    expect(document.sections.map((section) => section.number)).toEqual(['一', '二', '四']);
    expect(warnings).toEqual([
      { line: 4, code: 'numbering_ignored', text: '1.5倍支付违约金。' },
      { line: 8, code: 'numbering_sequence', text: '四、其他' },
    ]);
  });
});

describe('importAgreement: headings without numbers', () => {
  const text = [
    '某某平台服务协议',
    '',
    '账号注册',
    '用户注册时应当提供真实信息，并遵守下列规定：',
    '1. 用户名不得违反法律法规；',
    '2. 密码应当妥善保管。',
    '',
    '隐私保护',
    '我们依法保护用户的个人信息。',
  ].join('\n');
  const { document, warnings } = importText(text);

  it('reads short unpunctuated lines before body text as headings, and says it guessed', () => {
    expect(outline(document)).toBe(
      ['某某平台服务协议 [preamble 0¶]', '· 账号注册 [1¶]', '  1 [1¶]', '  2 [1¶]', '· 隐私保护 [1¶]', ''].join('\n'),
    );
    expect(warnings.map((warning) => [warning.line, warning.code])).toEqual([
      [3, 'heading_guess'],
      [8, 'heading_guess'],
    ]);
  });
});

describe('importAgreement: bracketed headings', () => {
  const text = [
    '平台服务协议',
    '【首部及导言】',
    '欢迎您使用本平台服务！',
    '【审慎阅读】您在申请注册流程中点击同意本协议之前，应当认真阅读本协议。',
    '【协议范围】',
    '本协议是您与本平台之间的协议。',
  ].join('\n');
  const { document, warnings } = importText(text);

  it('reads a line that is only 【…】 as a heading and one with text after it as a paragraph', () => {
    expect(outline(document)).toBe(['平台服务协议 [preamble 0¶]', '· 首部及导言 [2¶]', '· 协议范围 [1¶]', ''].join('\n'));
    expect(document.sections[0]).toMatchObject({ opening: '【首部及导言】', heading: '首部及导言' });
    expect(document.sections[0]?.paragraphs[1]).toBe('【审慎阅读】您在申请注册流程中点击同意本协议之前，应当认真阅读本协议。');
    expect(warnings).toEqual([]);
  });
});

describe('importAgreement: refusals', () => {
  it.each([
    ['a file that is not .txt or .md', utf8('协议\n一、内容。'), 'agreement.docx', 'agreement_format'],
    ['an empty file', new Uint8Array(), 'agreement.txt', 'agreement_empty'],
    ['a file of whitespace', utf8(' \r\n\u3000\n'), 'agreement.txt', 'agreement_empty'],
    ['a title without text', utf8('用户协议\n\n'), 'agreement.txt', 'agreement_empty'],
    ['a first line that is a clause', utf8('一、本协议具有合同效力。\n二、其他。'), 'agreement.txt', 'agreement_no_title'],
    ['a first line that is a sentence', utf8('欢迎您使用本平台，请仔细阅读。\n一、定义'), 'agreement.txt', 'agreement_no_title'],
  ])('refuses %s', (_what, bytes, fileName, code) => {
    expect(errorCodeOf(bytes, fileName)).toBe(code);
  });

  it('names the line and says what to do in Chinese', () => {
    expect(() => importText('一、本协议具有合同效力。')).toThrow('第 1 行：第一行应为协议名称');
  });
});
