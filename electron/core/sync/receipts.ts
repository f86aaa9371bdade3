// A receipt is only believed when the platform enrolled with signed it, it is for this kiosk and
// this batch, and it answers for exactly the records sent (the request hash and one outcome per
// record, in order). Otherwise nothing is applied and the batch stays open.
import { createHash } from 'node:crypto';
import { parseReceiptBody, writeCanonicalArray, type ReceiptBody, type SignedReceipt, type WireEntry } from '../../../shared/sync';
import { publicKeyFromRaw, verifyText } from '../consent/ed25519';

export class ReceiptError extends Error {
  constructor(readonly check: 'key' | 'signature' | 'format' | 'batch' | 'kiosk' | 'request' | 'outcomes') {
    super(`the receipt fails its ${check} check`);
    this.name = 'ReceiptError';
  }
}

export interface ReceiptExpectation {
  platformKey: string;
  platformKeyId: string;
  kioskId: string;
  batchId: string;
  records: readonly WireEntry[];
  /** `requestSha256(records)`, or the same taken from the bytes sent (requestBody.ts). */
  requestSha256: string;
}

/** SHA-256 of the canonical JSON of the records, hashed a record at a time (a batch is megabytes). */
export function requestSha256(records: readonly WireEntry[]): string {
  const hash = createHash('sha256');
  writeCanonicalArray(records, (piece) => hash.update(piece, 'utf8'));
  return hash.digest('hex');
}

export function verifyReceipt(receipt: SignedReceipt, expected: ReceiptExpectation): ReceiptBody {
  if (receipt.key_id !== expected.platformKeyId) throw new ReceiptError('key');
  if (!verifyText(publicKeyFromRaw(Buffer.from(expected.platformKey, 'base64')), receipt.body, receipt.signature)) {
    throw new ReceiptError('signature');
  }
  const body = parseReceiptBody(receipt.body);
  if (!body) throw new ReceiptError('format');
  if (body.batch_id !== expected.batchId) throw new ReceiptError('batch');
  if (body.kiosk_id !== expected.kioskId) throw new ReceiptError('kiosk');
  if (body.request_sha256 !== expected.requestSha256) throw new ReceiptError('request');
  const matches =
    body.outcomes.length === expected.records.length &&
    body.outcomes.every((outcome, index) => outcome.index === index && outcome.record_id === expected.records[index]?.record_id);
  if (!matches) throw new ReceiptError('outcomes');
  return body;
}
