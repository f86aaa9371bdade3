// `kiosk enrol --platform URL --code C`, `kiosk sync run [--json]`, `kiosk export-batch FILE`,
// `kiosk import-receipt FILE`: the IT console's sync actions from the command line, on the same
// core. A pass that stopped early (platform unreachable, refusing) still prints its counts and
// exits with 4, so a script can tell it from a usage error (2).
import { readFileSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { translate, type Locale } from '../../shared/i18n';
import type { KioskCore } from '../core';

type Flags = Record<string, string | boolean | undefined>;

/** Exit code of a sync pass that ran but could not send everything. */
export const SYNC_INCOMPLETE_EXIT = 4;

export interface SyncCommandContext {
  io: { out: (text: string) => void };
  locale: Locale;
  withCore: <T>(run: (core: KioskCore) => Promise<T> | T) => Promise<T>;
  parseInput: <S extends z.ZodType>(schema: S, raw: unknown) => z.output<S>;
  fail: (message: string, exitCode?: number) => Error;
}

export function isSyncCommand(words: readonly string[]): boolean {
  const [first, second] = words;
  return first === 'enrol' || first === 'export-batch' || first === 'import-receipt' || (first === 'sync' && second === 'run');
}

function readText(file: string, context: SyncCommandContext): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw context.fail(translate(context.locale, 'sync.cli.fileUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}

export async function runSyncCommand(words: string[], flags: Flags, context: SyncCommandContext): Promise<void> {
  const { io, locale } = context;
  const [first, second, ...rest] = words;
  const usage = () => context.fail(`${translate(locale, 'cli.unknownCommand', { command: words.join(' ') })}\n${translate(locale, 'sync.cli.usage')}`);
  if (first === 'enrol' && second === undefined) {
    const input = context.parseInput(contract['sync.enrol'].input, { platformUrl: flags.platform, code: flags.code });
    const view = await context.withCore((core) => core.sync.enrol(input, 'cli'));
    io.out(flags.json === true ? JSON.stringify(view) : translate(locale, 'sync.cli.enrolled', { platformUrl: view.platformUrl, kioskId: view.kioskId, shortKeyId: view.platformShortKeyId }));
    return;
  }
  if (first === 'sync' && second === 'run' && rest.length === 0) {
    const outcome = await context.withCore((core) => core.sync.runNow());
    if (outcome.error === 'not_enrolled') throw context.fail(translate(locale, 'errors.sync_not_enrolled'));
    if (outcome.error === 'busy') throw context.fail(translate(locale, 'sync.cli.busy'), SYNC_INCOMPLETE_EXIT);
    const params = { batches: outcome.batches, ...outcome.outcomes, pending: outcome.pending, error: outcome.error ?? '' };
    io.out(flags.json === true ? JSON.stringify(outcome) : translate(locale, outcome.error ? 'sync.cli.passFailed' : 'sync.cli.passDone', params));
    if (outcome.error) throw context.fail(translate(locale, 'sync.cli.passFailed', params), SYNC_INCOMPLETE_EXIT);
    return;
  }
  if (first === 'export-batch' && second !== undefined && rest.length === 0) {
    const exported = await context.withCore((core) => core.sync.exportBatch('cli'));
    writeFileSync(second, Buffer.from(exported.contentBase64, 'base64'));
    io.out(translate(locale, 'sync.cli.exported', { count: exported.recordCount, batchId: exported.batchId, file: second }));
    return;
  }
  if (first === 'import-receipt' && second !== undefined && rest.length === 0) {
    const text = readText(second, context);
    const imported = await context.withCore((core) => core.sync.importReceipt(text, 'cli'));
    if (flags.json === true) io.out(JSON.stringify(imported));
    else if (imported.applied) io.out(translate(locale, 'sync.cli.receiptApplied', { batchId: imported.batchId, ...imported.outcomes }));
    else io.out(translate(locale, 'sync.cli.receiptAlready', { batchId: imported.batchId }));
    return;
  }
  throw usage();
}
