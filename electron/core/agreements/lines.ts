// Splits decoded text into lines and tidies their whitespace: strips the indentation page breaks
// leave, closes up spaced-out Chinese (`企 业 用 户 ：` → `企业用户：`) and reduces any other run of
// whitespace to one space. Nothing but whitespace is touched.
import { isWide } from './chars';

export interface SourceLine {
  /** 1-based line number in the decoded text. */
  lineNo: number;
  text: string;
  /** Whether one or more blank lines stand between this line and the previous non-blank one. */
  blankBefore: boolean;
}

/** `第三条 总则`: the space is all that separates such a label from its text, so it stays. */
const ordinalLabel = /^第[零〇一二三四五六七八九十百\d]{1,5}[条章节](?=\s)/u;

export function tidyWhitespace(line: string): string {
  const trimmed = line.trim();
  const keptGapAt = ordinalLabel.exec(trimmed)?.[0].length;
  // After trimming every gap has a character on both sides.
  return trimmed.replace(/\s+/gu, (gap: string, offset: number) =>
    offset !== keptGapAt && isWide(charBefore(trimmed, offset)) && isWide(charAt(trimmed, offset + gap.length))
      ? ''
      : ' ',
  );
}

/** The non-blank lines of a text, tidied, each knowing whether blank lines preceded it. */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let blankBefore = false;
  text.split(/\r\n|\r|\n/u).forEach((raw, index) => {
    const tidy = tidyWhitespace(raw);
    if (tidy === '') {
      blankBefore = lines.length > 0;
      return;
    }
    lines.push({ lineNo: index + 1, text: tidy, blankBefore });
    blankBefore = false;
  });
  return lines;
}

function charBefore(text: string, offset: number): string {
  const low = text.charCodeAt(offset - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff && offset >= 2;
  return isLowSurrogate ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset);
}

function charAt(text: string, offset: number): string {
  const point = text.codePointAt(offset);
  return point === undefined ? '' : String.fromCodePoint(point);
}
