// Tells headings from sentences: `二、定义：` has the heading 定义, `一、【定义】` the heading 定义,
// `三、协议的订立` the heading 协议的订立, while `一、本协议缔约方为……具有合同效力。` is a clause
// without a heading whose sentence is its first paragraph.
import { charLength } from './chars';
import { recogniseLabel } from './numbering';

/** Headings in the agreements seen run to 12 characters; the first line of a wrapped clause to 24 or more. */
const maxHeading = 16;
/** `定义：` `适用范围：` are headings; `用户注册时应当：` introduces a list. */
const maxColonHeading = 6;
/** Sentence punctuation; a dot between digits (`2.0`) is not. */
const sentencePunctuation = /[，,。；;！!？?]|\.(?!\d)/u;
const bracketed = /^【([^【】]+)】([：:]?)(.*)$/u;

export interface HeadedText {
  /** The part of the text that is the heading, as written (with its brackets or colon); '' when there is none. */
  opening: string;
  heading: string | null;
  /** What follows the heading, or the whole text when it is a sentence. */
  paragraph: string | null;
}

/** Splits the text after a label into heading and first paragraph. */
export function splitHeading(text: string): HeadedText {
  if (text === '') return { opening: '', heading: null, paragraph: null };
  const bracket = bracketHeading(text);
  if (bracket) return bracket;
  if (isHeadingText(text)) return { opening: text, heading: withoutColon(text), paragraph: null };
  return { opening: '', heading: null, paragraph: text };
}

/** `【定义】` or `【定义】本协议中……`: a bracketed heading, with or without text after it. */
export function bracketHeading(text: string): HeadedText | null {
  const match = bracketed.exec(text);
  if (!match) return null;
  const [, inner = '', colon = '', rest = ''] = match;
  const paragraph = rest.trim();
  return { opening: `【${inner}】${colon}`, heading: inner.trim(), paragraph: paragraph === '' ? null : paragraph };
}

/** A line that is nothing but a bracketed heading: `【定义】`, `【定义】：`. */
export function standaloneBracketHeading(text: string): HeadedText | null {
  const bracket = bracketHeading(text);
  return bracket?.paragraph === null ? bracket : null;
}

/** A markdown heading's text: brackets and a closing colon are decoration, not part of the heading. */
export function headingOf(text: string): string | null {
  const heading = standaloneBracketHeading(text)?.heading ?? withoutColon(text);
  return heading === '' ? null : heading;
}

export function isHeadingText(text: string): boolean {
  const colon = /[：:]$/u.test(text);
  const body = colon ? text.slice(0, -1) : text;
  return (
    /[\p{L}\p{N}]/u.test(body) &&
    charLength(body) <= (colon ? maxColonHeading : maxHeading) &&
    !sentencePunctuation.test(body) &&
    !/[：:]/u.test(body) &&
    !/[、]$/u.test(body)
  );
}

/**
 * A line without a number is a heading when it is short, has no punctuation at all and body text
 * follows it. A closing colon means it introduces a list instead.
 */
export function isUnnumberedHeading(text: string, next: string | undefined): boolean {
  return (
    isHeadingText(text) &&
    !/[：:]$/u.test(text) &&
    next !== undefined &&
    recogniseLabel(next) === null &&
    standaloneBracketHeading(next) === null &&
    !isHeadingText(next)
  );
}

function withoutColon(text: string): string {
  return text.replace(/[：:]$/u, '').trim();
}
