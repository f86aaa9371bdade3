// Decides where paragraphs end and joins lines that extraction broke inside a sentence. Joining puts
// no space between Chinese characters and one space between Latin words; no other character changes.
import { firstChar, isWide, lastChar } from './chars';
import type { SourceLine } from './lines';
import { recogniseLabel } from './numbering';

/** Closing punctuation, optionally followed by closing quotes or brackets (`。”`, `；）`). */
const paragraphEnd = /[。．.！!？?；;：:][”’"'」』）)]*$/u;
const fullStop = /[。．.！!？?][”’"'」』）)]*$/u;
const semicolon = /[；;][”’"'」』）)]*$/u;

/**
 * Above this share of sentences broken across blank lines, the blank lines are wrapping debris (PDF
 * extraction puts one after every line) rather than paragraph ends.
 */
const maxBrokenShare = 0.2;

export function endsParagraph(text: string): boolean {
  return paragraphEnd.test(text);
}

export function endsWithFullStop(text: string): boolean {
  return fullStop.test(text);
}

export function endsWithSemicolon(text: string): boolean {
  return semicolon.test(text);
}

export function joinLines(before: string, after: string): string {
  return isWide(lastChar(before)) || isWide(firstChar(after)) ? before + after : `${before} ${after}`;
}

/** Whether the blank lines of a text mark paragraph ends (one paragraph per line) or are debris. */
export function blankLinesEndParagraphs(lines: readonly SourceLine[]): boolean {
  let breaks = 0;
  let broken = 0;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (!previous || !line.blankBefore) return;
    breaks++;
    const midSentence =
      !endsParagraph(previous.text) && recogniseLabel(previous.text) === null && recogniseLabel(line.text) === null;
    if (midSentence) broken++;
  });
  return breaks === 0 || broken / breaks <= maxBrokenShare;
}
