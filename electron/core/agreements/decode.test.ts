import { describe, expect, it } from 'vitest';
import { decodeAgreement } from './decode';
import type { AgreementErrorCode } from './errors';
import { AgreementImportError } from './errors';

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (digits: string) => Uint8Array.from(digits.match(/../gu) ?? [], (pair) => parseInt(pair, 16));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

/** `本协议具有合同效力。` in GBK, written down by hand so the test does not need a GBK encoder. */
const gbkSentence = hex('b1bed0add2e9bedfd3d0bacfcdacd0a7c1a6a1a3');
const sentence = '本协议具有合同效力。';

function errorCodeOf(bytes: Uint8Array): AgreementErrorCode | undefined {
  try {
    decodeAgreement(bytes);
    return undefined;
  } catch (error) {
    if (error instanceof AgreementImportError) return error.code;
    throw error;
  }
}

describe('decodeAgreement', () => {
  it('reads UTF-8', () => {
    expect(decodeAgreement(utf8(sentence))).toEqual({ text: sentence, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and removes the BOM', () => {
    expect(decodeAgreement(concat(hex('efbbbf'), utf8(sentence)))).toEqual({ text: sentence, encoding: 'utf-8-bom' });
  });

  it('reads GBK bytes as GB18030', () => {
    expect(decodeAgreement(gbkSentence)).toEqual({ text: sentence, encoding: 'gb18030' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(errorCodeOf(hex('b1be80ff'))).toBe('agreement_encoding');
  });

  it('refuses a BOM followed by bytes that are not UTF-8, instead of guessing GBK', () => {
    expect(errorCodeOf(concat(hex('efbbbf'), gbkSentence))).toBe('agreement_encoding');
  });

  it('refuses a file that is half UTF-8, half GBK', () => {
    const mixed = concat(utf8('用户注册协议，请仔细阅读全部条款\n'), gbkSentence);
    expect(errorCodeOf(mixed)).toBe('agreement_garbled');
  });

  it('refuses valid UTF-8 that is mojibake of UTF-8 read as GBK, naming the first bad line', () => {
    const mojibake = new TextDecoder('gb18030').decode(utf8('本协议具有合同效力，用户应当提供真实信息。'));
    const text = `用户注册协议\n${mojibake.replace(/\uFFFD/gu, '')}\n`;
    expect(() => decodeAgreement(utf8(text))).toThrow(
      expect.objectContaining({ code: 'agreement_garbled', line: 2 }) as Error,
    );
  });

  it('refuses UTF-8 read as Latin-1', () => {
    const mojibake = new TextDecoder('windows-1252').decode(utf8('本协议具有合同效力。')).replace(/[\u0080-\u009f]/gu, '');
    expect(errorCodeOf(utf8(mojibake))).toBe('agreement_garbled');
  });

  it('refuses text that already carries replacement characters or 锟斤拷', () => {
    expect(errorCodeOf(utf8('本协议\uFFFD具有合同效力。'))).toBe('agreement_garbled');
    expect(errorCodeOf(utf8('本协议锟斤拷具有合同效力。'))).toBe('agreement_garbled');
  });

  it('refuses control characters but not tabs or form feeds', () => {
    expect(errorCodeOf(utf8('本协议\u0001具有合同效力。'))).toBe('agreement_garbled');
    expect(errorCodeOf(utf8('本协议\t具有\f合同效力。'))).toBeUndefined();
  });

  it('accepts traditional Chinese and the odd rare character', () => {
    expect(errorCodeOf(utf8('本協議係依據法律訂定，使用者註冊時應提供真實資料。'))).toBeUndefined();
    expect(errorCodeOf(utf8('联系人：王喆，地址：北京市朝阳区犇羴路。'))).toBeUndefined();
  });
});
