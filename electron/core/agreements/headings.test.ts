import { describe, expect, it } from 'vitest';
import { headingOf, isHeadingText, isUnnumberedHeading, splitHeading } from './headings';

describe('splitHeading (the text after a label)', () => {
  it('reads a short colon-ended text as the heading', () => {
    expect(splitHeading('定义：')).toEqual({ opening: '定义：', heading: '定义', paragraph: null });
  });

  it('reads a bracketed heading and keeps what follows as the first paragraph', () => {
    expect(splitHeading('【定义】')).toEqual({ opening: '【定义】', heading: '定义', paragraph: null });
    expect(splitHeading('【审慎阅读】您在注册前应当阅读。')).toEqual({
      opening: '【审慎阅读】',
      heading: '审慎阅读',
      paragraph: '您在注册前应当阅读。',
    });
  });

  it('reads a full sentence as the first paragraph of a clause without a heading', () => {
    const sentence = '本协议缔约方为青岛市企业服务平台和注册的企业用户，本协议具有合同效力。';
    expect(splitHeading(sentence)).toEqual({ opening: '', heading: null, paragraph: sentence });
  });

  it('reads a definition (term, colon, text) as a sentence, not as a heading', () => {
    expect(splitHeading('用户/您：指同意并遵守本协议的自然人。').heading).toBeNull();
  });
});

describe('isHeadingText', () => {
  it.each([
    ['协议的订立', true],
    ['用户的帐号、密码和安全性', true],
    ['适用范围：', true],
    ['POP800 v2.0 说明', true],
    ['对于服务终止之前用户行为依下列原则处理：', false],
    ['用户注册时应当：', false],
    ['本协议内容包括协议正文及所有企业服务平台已经发布', false],
    ['用户明确理解和同意，服务将按现状提供', false],
    ['企业用户：按照企业服务平台', false],
    ['（', false],
  ])('%s → %s', (text, heading) => {
    expect(isHeadingText(text)).toBe(heading);
  });
});

describe('isUnnumberedHeading', () => {
  const body = '本平台尊重并保护用户的个人隐私权，非经您亲自许可不会泄露。';

  it('takes a short unpunctuated line followed by body text for a heading', () => {
    expect(isUnnumberedHeading('隐私保护', body)).toBe(true);
  });

  it('does not when numbering, another short line or nothing follows', () => {
    expect(isUnnumberedHeading('隐私保护', '一、本平台尊重用户隐私。')).toBe(false);
    expect(isUnnumberedHeading('青岛市企业服务平台', '二〇二二年五月')).toBe(false);
    expect(isUnnumberedHeading('青岛市企业服务平台', undefined)).toBe(false);
  });

  it('does not when a bracketed heading follows, but does when a paragraph with a bracketed lead-in does', () => {
    expect(isUnnumberedHeading('特别提示', '【定义】')).toBe(false);
    expect(isUnnumberedHeading('特别提示', '【审慎阅读】您在注册前应当认真阅读本协议。')).toBe(true);
  });

  it('does not take a line introducing a list for a heading', () => {
    expect(isUnnumberedHeading('但下列情况除外：', body)).toBe(false);
  });
});

describe('headingOf (a markdown heading)', () => {
  it('drops brackets and a closing colon', () => {
    expect(headingOf('【定义】')).toBe('定义');
    expect(headingOf('定义：')).toBe('定义');
    expect(headingOf('')).toBeNull();
  });
});
