// The admin CLI: `npm run -s kiosk -- <command> --data-dir D`. Runs the same core as the kiosk,
// validates arguments with the contract's schemas, prints errors to stderr and exits non-zero.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { PinSchema, StaffIdSchema } from '../../shared/domain/operator';
import { fieldMessages } from '../../shared/api/issues';
import { translate, type Locale } from '../../shared/i18n';
import type { KioskCore } from '../core';
import { KioskError } from '../core/errors';
import { isBackupRestore, runBackupCommand, runBackupRestore } from './backupCommands';
import { resolveDataDir } from '../core/platform/dataDir';
import { openCoreWithFileKeys, processLocale, startupErrorMessage } from '../core/startup';
import { runAgreementCommand } from './agreementCommands';
import { isConsentCommand, runConsentCommand } from './consentCommands';
import { isSyncCommand, runSyncCommand } from './syncCommands';

export class CliError extends Error {
  /** 2 for a refused command; consent verification uses 3 for "checked, does not hold". */
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

interface CliIo {
  out: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

type Flags = Record<string, string | boolean | undefined>;

const resetPinInput = z.object({ staffId: StaffIdSchema, pin: PinSchema }).strict();

function parseInput<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const detail = Object.entries(fieldMessages(parsed.error, locale))
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw new CliError(translate(locale, 'cli.badArguments', { detail }));
}

async function runCommand(core: KioskCore, words: string[], flags: Flags, io: CliIo, locale: Locale) {
  const json = flags.json === true;
  if (runBackupCommand(core, words, json, io, locale)) return;
  const command = words.join(' ');
  switch (command) {
    case 'queue stats': {
      const stats = core.registrations.stats();
      if (json) io.out(JSON.stringify(stats));
      else {
        io.out(translate(locale, 'cli.queueStats', { total: stats.total }));
        for (const [state, n] of Object.entries(stats.byState)) io.out(`  ${state}\t${n}`);
      }
      return;
    }
    case 'operator add': {
      const input = parseInput(contract['operators.add'].input, { staffId: flags.id, name: flags.name, role: flags.role, pin: flags.pin }, locale);
      const operator = await core.operators.add(input, 'cli');
      io.out(json ? JSON.stringify(operator) : translate(locale, 'cli.operatorAdded', { staffId: operator.staffId, role: operator.role }));
      return;
    }
    case 'operator list': {
      const operators = core.operators.list();
      if (json) io.out(JSON.stringify(operators));
      else for (const operator of operators) io.out(`${operator.staffId}\t${operator.role}\t${operator.name}`);
      return;
    }
    case 'operator unlock': {
      const { staffId } = parseInput(contract['operators.unlock'].input, { staffId: flags.id }, locale);
      core.operators.unlock(staffId, 'cli');
      io.out(translate(locale, 'cli.operatorUnlocked', { staffId }));
      return;
    }
    case 'operator reset-pin': {
      const input = parseInput(resetPinInput, { staffId: flags.id, pin: flags.pin }, locale);
      await core.operators.resetPin(input.staffId, input.pin, 'cli');
      io.out(translate(locale, 'cli.pinReset', { staffId: input.staffId }));
      return;
    }
    default:
      throw new CliError(`${translate(locale, 'cli.unknownCommand', { command })}\n${translate(locale, 'cli.usage')}`);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<void> {
  const locale = processLocale(io.env);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        id: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        pin: { type: 'string' },
        version: { type: 'string' },
        effective: { type: 'string' },
        supersedes: { type: 'string' },
        out: { type: 'string' },
        package: { type: 'string' },
        'key-id': { type: 'string' },
        platform: { type: 'string' },
        code: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new CliError(translate(locale, 'cli.badArguments', { detail: error instanceof Error ? error.message : '' }));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(translate(locale, 'cli.usage'));
    io.out(translate(locale, 'consent.cli.usage'));
    io.out(translate(locale, 'sync.cli.usage'));
    return;
  }
  const dataDir = resolveDataDir(values['data-dir'], io.env, process.platform);
  // Previewing an agreement file needs no database; only the commands that store or list open one.
  if (positionals[0] === 'agreement') {
    return runAgreementCommand(positionals.slice(1), values, {
      io,
      locale,
      withCore: (run) => withCore(dataDir, locale, run),
      fail: (message) => new CliError(message),
    });
  }
  if (isConsentCommand(positionals)) {
    return runConsentCommand(positionals, values, {
      io,
      locale,
      dataDir,
      withCore: (run) => withCore(dataDir, locale, run),
      fail: (message, exitCode) => new CliError(message, exitCode),
    });
  }
  if (isSyncCommand(positionals)) {
    return runSyncCommand(positionals, values, {
      io,
      locale,
      withCore: (run) => withCore(dataDir, locale, run),
      parseInput: (schema, raw) => parseInput(schema, raw, locale),
      fail: (message, exitCode) => new CliError(message, exitCode),
    });
  }
  if (isBackupRestore(positionals)) {
    try {
      return runBackupRestore(dataDir, positionals, io, locale);
    } catch (error) {
      throw new CliError(startupErrorMessage(error, dataDir, locale) ?? (error instanceof Error ? error.message : String(error)));
    }
  }
  await withCore(dataDir, locale, (core) => runCommand(core, positionals, values, io, locale));
}

/** Opens core on the data dir for one command; start-up and core errors become CliErrors. */
async function withCore<T>(dataDir: string, locale: Locale, run: (core: KioskCore) => Promise<T> | T): Promise<T> {
  let core: KioskCore;
  try {
    core = openCoreWithFileKeys(dataDir);
  } catch (error) {
    throw new CliError(startupErrorMessage(error, dataDir, locale) ?? String(error));
  }
  try {
    return await run(core);
  } catch (error) {
    if (error instanceof KioskError) throw new CliError(translate(locale, `errors.${error.code}`, error.params));
    throw error;
  } finally {
    core.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli(process.argv.slice(2), { out: (text) => process.stdout.write(`${text}\n`), env: process.env }).catch(
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof CliError ? error.exitCode : 1);
    },
  );
}
