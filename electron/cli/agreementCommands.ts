// `kiosk agreement import FILE [--json]` previews how a file imports, with no data dir and nothing
// stored; adding `--id --version --effective` stores it as a version; `kiosk agreement list`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { fieldMessages } from '../../shared/api/issues';
import { AgreementIdSchema, EffectiveFromSchema, VersionLabelSchema } from '../../shared/domain/agreement';
import { translate, type Locale } from '../../shared/i18n';
import type { KioskCore } from '../core';
import { importAgreement, outline, type ImportResult } from '../core/agreements';
import { agreementErrorMessage, displayMoment } from '../core/agreements/libraryErrors';

type Flags = Record<string, string | boolean | undefined>;

export interface AgreementCommandContext {
  io: { out: (text: string) => void };
  locale: Locale;
  /** Opens core on the data dir for the duration of `run`; only storing and listing need it. */
  withCore: <T>(run: (core: KioskCore) => T) => Promise<T>;
  /** The CLI's own error for a refusal a person can fix; printed without a stack trace. */
  fail: (message: string) => Error;
}

const storeFlags = z
  .object({
    agreementId: AgreementIdSchema,
    version: VersionLabelSchema,
    effectiveFrom: EffectiveFromSchema,
    supersedes: VersionLabelSchema.optional(),
  })
  .strict();

const flagNames = { agreementId: '--id', version: '--version', effectiveFrom: '--effective', supersedes: '--supersedes' } as const;

function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** What `--json` prints for a preview: the document and its hashes (the item 7), plus what to check. */
function previewJson(result: ImportResult) {
  const { title, publishedAt, preamble, sections } = result.document;
  const { canonicalSha256, sourceSha256, encoding, format, warnings } = result;
  return { title, publishedAt, preamble, sections, canonicalSha256, sourceSha256, encoding, format, warnings };
}

function printPreview(result: ImportResult, json: boolean, { io, locale }: AgreementCommandContext): void {
  if (json) {
    io.out(JSON.stringify(previewJson(result)));
    return;
  }
  io.out(outline(result.document).trimEnd());
  io.out(translate(locale, 'cli.agreement.hashes', { canonical: result.canonicalSha256, source: result.sourceSha256 }));
  for (const warning of result.warnings) {
    const reason = translate(locale, `agreements.warning.${warning.code}`);
    io.out(translate(locale, 'cli.agreement.warning', { line: warning.line, reason, text: warning.text }));
  }
}

async function importCommand(words: string[], flags: Flags, context: AgreementCommandContext): Promise<void> {
  const { io, locale, fail } = context;
  const file = words[0];
  if (!file || words.length !== 1) throw fail(translate(locale, 'cli.agreement.missingFile'));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fail(translate(locale, 'cli.agreement.unreadable', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  const json = flags.json === true;
  const raw = { agreementId: flags.id, version: flags.version, effectiveFrom: flags.effective, supersedes: flags.supersedes };
  if (Object.values(raw).every((value) => value === undefined)) {
    printPreview(importAgreement(bytes, { fileName: basename(file) }), json, context);
    return;
  }
  const missing = (['agreementId', 'version', 'effectiveFrom'] as const).filter((key) => typeof raw[key] !== 'string');
  if (missing.length > 0) throw fail(translate(locale, 'cli.agreement.missingStoreArgs', { missing: missing.map((key) => flagNames[key]).join(' ') }));
  const parsed = storeFlags.safeParse(raw);
  if (!parsed.success) {
    const detail = Object.entries(fieldMessages(parsed.error, locale))
      .map(([field, message]) => `${flagNames[field as keyof typeof flagNames] ?? field}: ${message}`)
      .join('; ');
    throw fail(translate(locale, 'cli.badArguments', { detail }));
  }
  const { summary, stored } = await context.withCore((core) =>
    core.agreements.store({ ...parsed.data, fileName: basename(file), bytes }, { actor: 'cli', source: 'cli' }),
  );
  if (json) io.out(JSON.stringify({ ...summary, stored }));
  else {
    const params = { agreementId: summary.agreementId, version: summary.version };
    io.out(
      stored
        ? translate(locale, 'cli.agreement.stored', { ...params, effectiveFrom: displayMoment(summary.effectiveFrom), hash: shortHash(summary.canonicalSha256) })
        : translate(locale, 'cli.agreement.unchanged', params),
    );
  }
}

async function listCommand(flags: Flags, { io, locale, withCore }: AgreementCommandContext): Promise<void> {
  const agreementId = typeof flags.id === 'string' ? flags.id : undefined;
  const versions = await withCore((core) => core.agreements.list(agreementId));
  if (flags.json === true) {
    io.out(JSON.stringify(versions));
    return;
  }
  if (versions.length === 0) io.out(translate(locale, 'cli.agreement.none'));
  for (const v of versions) {
    const status = translate(locale, `agreements.status.${v.status}`);
    io.out(`${v.agreementId}\t${v.version}\t${displayMoment(v.effectiveFrom)}\t${status}\t${shortHash(v.canonicalSha256)}\t${v.title}`);
  }
}

export async function runAgreementCommand(words: string[], flags: Flags, context: AgreementCommandContext): Promise<void> {
  const [verb, ...rest] = words;
  try {
    if (verb === 'import') return await importCommand(rest, flags, context);
    if (verb === 'list' && rest.length === 0) return await listCommand(flags, context);
  } catch (error) {
    const message = agreementErrorMessage(error, context.locale);
    throw message === null ? error : context.fail(message);
  }
  const command = ['agreement', ...words].join(' ');
  throw context.fail(`${translate(context.locale, 'cli.unknownCommand', { command })}\n${translate(context.locale, 'cli.usage')}`);
}
