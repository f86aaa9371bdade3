// The agreement importer: bytes of a .txt or .md file in, a clause tree, its canonical text and
// hashes out. Pure: no file system, no clock; the same bytes always give the same result.
import { canonicalText, sha256Hex } from './canonical';
import { findPublishedAt } from './dates';
import { decodeAgreement } from './decode';
import { AgreementImportError } from './errors';
import { readHeader } from './header';
import { sourceLines } from './lines';
import { buildBody } from './structure';
import type { AgreementDocument, AgreementFormat, ImportResult } from './types';

export interface ImportOptions {
  /** Decides the format by its extension: `.txt`, or `.md` / `.markdown`. */
  fileName: string;
}

export function importAgreement(bytes: Uint8Array, { fileName }: ImportOptions): ImportResult {
  const format = formatOf(fileName);
  const { text, encoding } = decodeAgreement(bytes);
  const lines = sourceLines(text.normalize('NFC'));
  const header = readHeader(lines, format);
  const bodyLines = lines.slice(header.length);
  const body = buildBody(bodyLines, format);
  if (body.preamble.length === 0 && body.sections.length === 0) throw new AgreementImportError('agreement_empty');

  const document: AgreementDocument = {
    title: header.title,
    publishedAt: findPublishedAt(
      header.dateLine,
      bodyLines.map((line) => line.text),
    ),
    titleLine: header.titleLine,
    dateLine: header.dateLine,
    preamble: body.preamble,
    sections: body.sections,
  };
  const canonical = canonicalText(document);
  return {
    document,
    format,
    encoding,
    canonicalText: canonical,
    canonicalSha256: sha256Hex(canonical),
    sourceSha256: sha256Hex(bytes),
    warnings: body.warnings,
  };
}

function formatOf(fileName: string): AgreementFormat {
  if (/\.txt$/iu.test(fileName)) return 'text';
  if (/\.(?:md|markdown)$/iu.test(fileName)) return 'markdown';
  throw new AgreementImportError('agreement_format');
}
