/*
 * Canonical text of an agreement, version 1: the one serialisation canonicalSha256 is computed over.
 * It contains every non-whitespace character of the source, in source order, and only those;
 * structure is carried by whitespace alone.
 *
 *   - Unicode NFC; lines end in LF; the text ends with exactly one LF; no line ends in whitespace.
 *   - Line 1: the title line as written (a markdown title keeps its `#`).
 *   - Line 2, only when the source has one right after the title: the date line as written.
 *   - An empty line, then each preamble paragraph on a line of its own (no line at all when there
 *     is no preamble).
 *   - Each clause, depth first in source order: an empty line; its opening line as written (label,
 *     separator, heading, brackets, colon, markdown marker: `一、`, `二、定义：`, `（一）`,
 *     `一、【定义】`, `## 一、定义`) indented by two spaces per level below the top; then each of its
 *     paragraphs on a line of its own, indented two spaces deeper than the opening line.
 *
 * Reading it back is unambiguous: titles, paragraphs and openings are never empty, the first empty
 * line ends the header, the preamble runs to the next empty line, and every later empty line is
 * followed by an opening line whose indentation gives its depth. Inside a line, whitespace is the
 * importer's (one space at most, none between Chinese characters), so a differently wrapped copy of
 * the same agreement gives the same text.
 */
import { createHash } from 'node:crypto';
import type { AgreementDocument, AgreementSection } from './types';

export function canonicalText(document: AgreementDocument): string {
  const lines = [document.titleLine];
  if (document.dateLine !== null) lines.push(document.dateLine);
  lines.push('', ...document.preamble);
  const addSection = (section: AgreementSection, depth: number): void => {
    lines.push('', indent(depth) + section.opening, ...section.paragraphs.map((text) => indent(depth + 1) + text));
    section.sections.forEach((child) => addSection(child, depth + 1));
  };
  document.sections.forEach((section) => addSection(section, 0));
  return `${lines.join('\n')}\n`.normalize('NFC');
}

/** SHA-256 as lowercase hex; strings are hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}
