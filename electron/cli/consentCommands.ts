// `kiosk verify [--json]`, `kiosk verify --package DIR [--key-id ID]`, `kiosk registrations list`,
// `kiosk evidence export ID --out DIR`. Verifying a package needs no data dir: it is what the
// platform or an auditor runs on a package alone. A check that does not hold exits with 3, so a
// script can tell it from a usage error (2).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inArray } from 'drizzle-orm';
import { translate, type Locale } from '../../shared/i18n';
import type { KioskCore } from '../core';
import { EvidenceError, readPackageDir, shortKeyId, verifyEvidencePackage, writeEvidencePackage, type CheckFailure } from '../core/consent';
import { DATABASE_FILE } from '../core/db';
import { consentSnapshots } from '../core/db/schema';

type Flags = Record<string, string | boolean | undefined>;

/** Exit code of a verification that ran and found problems. */
export const VERIFY_FAILED_EXIT = 3;

export interface ConsentCommandContext {
  io: { out: (text: string) => void };
  locale: Locale;
  dataDir: string;
  withCore: <T>(run: (core: KioskCore) => T) => Promise<T>;
  fail: (message: string, exitCode?: number) => Error;
}

export function isConsentCommand(words: readonly string[]): boolean {
  const [first, second] = words;
  return first === 'verify' || (first === 'registrations' && second === 'list') || (first === 'evidence' && second === 'export');
}

function printFailures(failures: ReadonlyArray<CheckFailure & { seq?: number | null; registrationId?: string | null }>, io: ConsentCommandContext['io']) {
  for (const failure of failures) {
    io.out([failure.seq ?? '-', failure.registrationId ?? '-', failure.check, failure.detail].join('\t'));
  }
}

function verifyPackageCommand(dir: string, flags: Flags, { io, locale, fail }: ConsentCommandContext): void {
  let files: Map<string, Buffer>;
  try {
    files = readPackageDir(dir);
  } catch (error) {
    throw fail(translate(locale, 'consent.cli.packageUnreadable', { dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  const expectedKeyId = typeof flags['key-id'] === 'string' ? flags['key-id'].toLowerCase() : null;
  const report = verifyEvidencePackage(files, expectedKeyId);
  if (flags.json === true) io.out(JSON.stringify(report));
  else if (!report.ok) printFailures(report.failures, io);
  if (!report.ok) throw fail(translate(locale, 'consent.cli.packageFailed', { count: report.failures.length }), VERIFY_FAILED_EXIT);
  if (flags.json !== true) {
    const params = { registrationId: report.registrationId ?? '', sha256: report.sha256 ?? '', shortKeyId: shortKeyId(report.keyId ?? '') };
    io.out(translate(locale, 'consent.cli.packageOk', params));
  }
}

async function verifyCommand(flags: Flags, context: ConsentCommandContext): Promise<void> {
  const { io, locale, fail, dataDir } = context;
  const databasePath = join(dataDir, DATABASE_FILE);
  // Opening core on an empty folder would create a kiosk there and report nothing wrong.
  if (!existsSync(databasePath)) throw fail(translate(locale, 'consent.cli.noDatabase', { path: databasePath }));
  const report = await context.withCore((core) => core.consent.verify());
  if (flags.json === true) io.out(JSON.stringify(report));
  else if (!report.ok) printFailures(report.failures, io);
  if (!report.ok) throw fail(translate(locale, 'consent.cli.verifyFailed', { count: report.failures.length }), VERIFY_FAILED_EXIT);
  if (flags.json !== true) io.out(translate(locale, 'consent.cli.verifyOk', { count: report.snapshots, purged: report.purged.length }));
}

const LIST_PAGE = 200;

/** Every registration, newest first, masked as the kiosk's own lists are, with its snapshot hash. */
function listRegistrations(core: KioskCore) {
  const items = [];
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = core.registrations.list(LIST_PAGE, offset);
    items.push(...page.items);
    if (page.items.length < LIST_PAGE) break;
  }
  const { db } = core.database;
  const hashes = new Map<string, string>();
  for (let start = 0; start < items.length; start += LIST_PAGE) {
    const ids = items.slice(start, start + LIST_PAGE).map((item) => item.id);
    const rows = db.select({ id: consentSnapshots.registrationId, sha256: consentSnapshots.sha256 }).from(consentSnapshots).where(inArray(consentSnapshots.registrationId, ids)).all();
    for (const row of rows) hashes.set(row.id, row.sha256);
  }
  return items.map((item) => ({ ...item, snapshotSha256: hashes.get(item.id) ?? null }));
}

async function listCommand(flags: Flags, { io, withCore }: ConsentCommandContext): Promise<void> {
  const items = await withCore(listRegistrations);
  if (flags.json === true) {
    io.out(JSON.stringify(items));
    return;
  }
  for (const item of items) {
    // A withdrawal names the record it withdraws; a withdrawn record says so after its state.
    const kind = item.withdrawal ? `${item.kind}/withdrawal:${item.withdrawal.withdrawsNumber}` : item.kind;
    const state = item.withdrawn ? `${item.state}/withdrawn` : item.state;
    io.out([item.number, state, kind, item.createdAt, item.nameMasked, item.idNumberMasked, item.id].join('\t'));
  }
}

function evidenceMessage(error: EvidenceError, registrationId: string, out: string, locale: Locale): string {
  switch (error.code) {
    case 'no_snapshot':
      return translate(locale, 'consent.cli.noSnapshot', { registrationId });
    case 'purged':
      return translate(locale, 'consent.cli.purged', { registrationId });
    case 'incomplete':
      return translate(locale, 'consent.cli.incomplete', { registrationId, detail: error.message });
    case 'out_not_empty':
      return translate(locale, 'consent.cli.outNotEmpty', { dir: out });
  }
}

async function exportCommand(words: string[], flags: Flags, { io, locale, withCore, fail }: ConsentCommandContext): Promise<void> {
  const [registrationId, ...extra] = words;
  if (!registrationId || extra.length > 0) throw fail(translate(locale, 'consent.cli.missingRegistration'));
  if (typeof flags.out !== 'string' || flags.out === '') throw fail(translate(locale, 'consent.cli.missingOut'));
  const out = resolve(flags.out);
  try {
    const files = await withCore((core) => core.consent.evidencePackage(registrationId));
    writeEvidencePackage(out, files);
    if (flags.json === true) io.out(JSON.stringify({ registrationId, dir: out, files: [...files.keys()].sort() }));
    else io.out(translate(locale, 'consent.cli.exported', { registrationId, dir: out }));
  } catch (error) {
    if (error instanceof EvidenceError) throw fail(evidenceMessage(error, registrationId, out, locale));
    throw error;
  }
}

export async function runConsentCommand(words: string[], flags: Flags, context: ConsentCommandContext): Promise<void> {
  const [first, second, ...rest] = words;
  if (first === 'verify' && second === undefined) {
    if (typeof flags.package === 'string') return verifyPackageCommand(flags.package, flags, context);
    return verifyCommand(flags, context);
  }
  if (first === 'registrations' && second === 'list' && rest.length === 0) return listCommand(flags, context);
  if (first === 'evidence' && second === 'export') return exportCommand(rest, flags, context);
  const { locale } = context;
  throw context.fail(`${translate(locale, 'cli.unknownCommand', { command: words.join(' ') })}\n${translate(locale, 'cli.usage')}`);
}
