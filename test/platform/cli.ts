// `npm run -s platform -- ...`: the reference platform from the command line.
//   --port P --data-dir D [--faults SPEC] [--clock-offset-ms N]   serve; prints one line, the URL
//   enrol-code --data-dir D                                        prints a one-time enrolment code
//   agreement publish FILE --data-dir D --id ID --version V --effective DATE
//   import FILE --data-dir D [--out RECEIPT]                       imports an offline (USB) batch file
// It stands in for the central platform (a system of its own), so it speaks English only.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { publishAgreement } from './agreements';
import { openPlatformDb } from './db';
import { issueEnrolmentCode } from './enrolment';
import { FaultSpecError, parseFaultSpec } from './faults';
import { HttpError } from './http';
import { ensurePlatformIdentity } from './identity';
import { importOfflineBatch, OfflineImportError } from './offlineImport';
import { startPlatform } from './server';

export class UsageError extends Error {}

const USAGE = `usage:
  platform --port P --data-dir D [--faults SPEC] [--clock-offset-ms N]
  platform enrol-code --data-dir D
  platform agreement publish FILE --data-dir D --id ID --version V --effective DATE
  platform import FILE --data-dir D [--out RECEIPT]`;

function requireDataDir(value: string | undefined): string {
  if (!value) throw new UsageError(`--data-dir is required\n${USAGE}`);
  return value;
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) throw new UsageError(`${name} must be an integer in ${min}..${max}, got '${text}'`);
  return value;
}

async function serve(argv: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' }, faults: { type: 'string', default: '' }, 'clock-offset-ms': { type: 'string', default: '0' } },
    strict: true,
  });
  const port = integer('--port', values.port, 0, 65535);
  const offset = integer('--clock-offset-ms', values['clock-offset-ms'], -10 * 365 * 86_400_000, 10 * 365 * 86_400_000);
  try {
    parseFaultSpec(values.faults);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(`--faults: ${error.message}`);
    throw error;
  }
  const platform = await startPlatform({
    dataDir: requireDataDir(values['data-dir']),
    port,
    faults: values.faults,
    clock: { now: () => new Date(Date.now() + offset) },
  });
  out(`Platform: ${platform.url}`);
  const stop = () => void platform.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function enrolCode(argv: string[], out: (line: string) => void): void {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, strict: true });
  const db = openPlatformDb(requireDataDir(values['data-dir']));
  try {
    ensurePlatformIdentity(db, new Date());
    out(issueEnrolmentCode(db, new Date()));
  } finally {
    db.close();
  }
}

function agreementPublish(argv: string[], out: (line: string) => void): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, id: { type: 'string' }, version: { type: 'string' }, effective: { type: 'string' } },
    strict: true,
  });
  const [file] = positionals;
  if (!file || !values.id || !values.version || !values.effective) throw new UsageError(USAGE);
  const db = openPlatformDb(requireDataDir(values['data-dir']));
  try {
    const now = new Date();
    const reply = publishAgreement(db, ensurePlatformIdentity(db, now), {
      agreement_id: values.id,
      version: values.version,
      effective_from: values.effective,
      file_name: basename(file),
      content_base64: readFileSync(file).toString('base64'),
    }, now);
    out(`published ${values.id} ${values.version} as feed entry ${String(reply.body.seq)}`);
  } catch (error) {
    if (error instanceof HttpError) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
}

/** Writes the receipt next to the file (`FILE.receipt.json`) unless --out says where. */
function offlineImport(argv: string[], out: (line: string) => void): void {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, out: { type: 'string' } }, strict: true });
  const [file] = positionals;
  if (!file) throw new UsageError(USAGE);
  try {
    const result = importOfflineBatch(requireDataDir(values['data-dir']), file, values.out ?? `${file}.receipt.json`);
    const { accepted, duplicate, conflict, rejected } = result.counts;
    out(`batch ${result.batchId}: accepted ${accepted}, duplicate ${duplicate}, conflict ${conflict}, rejected ${rejected}; receipt ${result.receiptPath}`);
  } catch (error) {
    if (error instanceof OfflineImportError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runPlatformCli(argv: string[], out: (line: string) => void): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (command === 'enrol-code') return enrolCode(argv.slice(1), out);
  if (command === 'agreement' && sub === 'publish') return agreementPublish(rest, out);
  if (command === 'import') return offlineImport(argv.slice(1), out);
  if (command === undefined || command.startsWith('--')) return serve(argv, out);
  throw new UsageError(`unknown command '${command}'\n${USAGE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runPlatformCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
