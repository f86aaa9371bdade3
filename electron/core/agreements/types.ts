// The shapes the agreement importer produces. A document keeps, next to the clean values a screen
// shows (number, heading), the opening lines exactly as the source wrote them, so the canonical text
// can be rebuilt from the document without losing a single source character.

export type AgreementFormat = 'text' | 'markdown';
export type AgreementEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface AgreementSection {
  /**
   * The label as written, without the separator after it: `一`, `（一）`, `2.1`, `1`, `(1)`, `①`,
   * `第三条`; null when the section has a heading but no number.
   */
  number: string | null;
  heading: string | null;
  /**
   * Label, separator and heading exactly as the source line writes them (`一、【定义】`, `二、定义：`,
   * `（一）`, `## 一、定义`); when the rest of that line is a sentence, the sentence is the first
   * paragraph instead.
   */
  opening: string;
  paragraphs: string[];
  sections: AgreementSection[];
}

export interface AgreementDocument {
  title: string;
  /** ISO date (`2022-05-22`) when the text states when it was published, updated or took effect. */
  publishedAt: string | null;
  /** The first line as written (for markdown it keeps the `#`). */
  titleLine: string;
  /** The line right after the title when it does nothing but state a date (`更新于 : 2022-05-22`). */
  dateLine: string | null;
  preamble: string[];
  sections: AgreementSection[];
}

export type ImportWarningCode =
  /** A line without a number was read as a heading because it is short, unpunctuated and followed by body text. */
  | 'heading_guess'
  /** A numbered line was kept as a clause although its number does not continue its siblings. */
  | 'numbering_sequence'
  /** A line that starts like a number was read as text, because its number does not fit where it stands. */
  | 'numbering_ignored'
  /** A line without closing punctuation was joined to the next across a blank line, where blank lines end paragraphs. */
  | 'joined_across_blank_line'
  /** Text after a list that ended with a full stop is kept with the last item; it may belong to the clause above. */
  | 'paragraph_after_list';

export interface ImportWarning {
  /** 1-based line number in the decoded text. */
  line: number;
  code: ImportWarningCode;
  /** The line as the importer read it (whitespace tidied). */
  text: string;
}

export interface ImportResult {
  document: AgreementDocument;
  format: AgreementFormat;
  encoding: AgreementEncoding;
  canonicalText: string;
  /** SHA-256 (hex) of the canonical text encoded as UTF-8. */
  canonicalSha256: string;
  /** SHA-256 (hex) of the bytes as received, BOM included. */
  sourceSha256: string;
  warnings: ImportWarning[];
}
