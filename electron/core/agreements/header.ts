// The head of an agreement: its title (the first line) and, right after it, a line that only states
// a date. An agreement whose first line reads like a clause has no title, and is refused.
import { charLength } from './chars';
import { isDateLine } from './dates';
import { AgreementImportError } from './errors';
import type { SourceLine } from './lines';
import { markdownHeading } from './markdown';
import { recogniseLabel } from './numbering';
import type { AgreementFormat } from './types';

/** Titles seen are under 20 characters; a long first line is the start of the text. */
const maxTitle = 60;

export interface Header {
  title: string;
  titleLine: string;
  dateLine: string | null;
  /** How many lines the header takes. */
  length: number;
}

export function readHeader(lines: readonly SourceLine[], format: AgreementFormat): Header {
  const first = lines[0];
  if (!first) throw new AgreementImportError('agreement_empty');
  const markdown = format === 'markdown' ? markdownHeading(first.text) : null;
  const title = markdown?.content ?? first.text;
  const readsLikeClause =
    recogniseLabel(title) !== null || charLength(title) > maxTitle || /[，,。；;]/u.test(title);
  if (readsLikeClause) throw new AgreementImportError('agreement_no_title', first.lineNo);

  const second = lines[1];
  const dateLine = second && isDateLine(second.text) ? second.text : null;
  return { title, titleLine: first.text, dateLine, length: dateLine === null ? 1 : 2 };
}
