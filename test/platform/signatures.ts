// A batch's Ed25519 checks, done before its transaction on libuv's thread pool (node:crypto's
// asynchronous verify), so a platform with more than one core checks many records' signatures at
// once; they are the costliest part of a record. The decisions stay where they were, in order and
// inside the transaction: `decide` asks the verifier built here, which answers from these results
// for exactly the (key, message, signature) checked and verifies on the spot for anything else.
import { verify, type KeyObject } from 'node:crypto';
import { recordSignatureMaterial, isWithdrawalEntry } from '../../shared/sync';
import { decodeStrictBase64, verifyText } from '../../electron/core/consent/ed25519';

/** Whether `signature` (base64) is `publicKey`'s Ed25519 signature over the UTF-8 bytes of `message`. */
export type TextVerifier = (publicKey: KeyObject, message: string, signature: string) => boolean;

interface Check {
  message: string;
  signature: string;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The signatures a registration entry carries, read from the raw JSON (the schema is checked later, in `decide`). */
function checksOf(raw: unknown): Check[] {
  if (isWithdrawalEntry(raw)) return [];
  const checks: Check[] = [];
  const snapshot = field(raw, 'snapshot');
  const contentSha256 = field(raw, 'content_sha256');
  const recordSignature = field(raw, 'record_signature');
  const seq = field(snapshot, 'seq');
  if (typeof contentSha256 === 'string' && typeof recordSignature === 'string' && typeof seq === 'number') {
    checks.push({ message: recordSignatureMaterial({ content_sha256: contentSha256, snapshot: { seq } }), signature: recordSignature });
  }
  const body = field(snapshot, 'body');
  const signature = field(snapshot, 'signature');
  if (typeof body === 'string' && typeof signature === 'string') checks.push({ message: body, signature });
  return checks;
}

/** `verifyText`, on the thread pool; null when node:crypto refused the inputs (the check then runs again in place). */
function verifyOnPool(publicKey: KeyObject, check: Check): Promise<boolean | null> {
  const signature = decodeStrictBase64(check.signature);
  if (!signature || signature.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => {
    verify(null, Buffer.from(check.message, 'utf8'), publicKey, signature, (error, valid) => resolve(error ? null : valid));
  });
}

/** Verifies every signature of `records` ahead and returns the verifier `decide` uses for them. */
export async function verifyAhead(publicKey: KeyObject, records: readonly unknown[]): Promise<TextVerifier> {
  const checks = records.flatMap(checksOf);
  const answers = await Promise.all(checks.map((check) => verifyOnPool(publicKey, check)));
  const known = new Map<string, { message: string; valid: boolean }>();
  checks.forEach((check, index) => {
    const valid = answers[index];
    if (typeof valid === 'boolean') known.set(check.signature, { message: check.message, valid });
  });
  return (key, message, signature) => {
    const answer = key === publicKey ? known.get(signature) : undefined;
    return answer && answer.message === message ? answer.valid : verifyText(key, message, signature);
  };
}
