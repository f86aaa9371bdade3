// POST /v1/batches: decides each record's outcome and commits the records it keeps together with
// the signed receipt, in one transaction. The receipt is stored under the batch id, so the same
// batch sent again (its answer was lost, or the network delivered it twice) gets the very same
// receipt back instead of being decided again (which would turn `accepted` into `duplicate`).
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  contentFieldsOf,
  contentHashMaterial,
  isWithdrawalEntry,
  parseReceiptBody,
  recordSignatureMaterial,
  RECEIPT_FORMAT,
  rejectionReasons,
  WireRecordSchema,
  writeCanonicalArray,
  type BatchRequest,
  type ReceiptBody,
  type RecordOutcome,
} from '../../shared/sync';
import { verifyText } from '../../electron/core/consent/ed25519';
import { checkChain } from './chain';
import { statement, type PlatformDb } from './db';
import type { EnrolledKiosk } from './enrolment';
import { HttpError, zodFields, type Reply } from './http';
import type { TextVerifier } from './signatures';
import type { PlatformIdentity } from './identity';
import { verifyRecord, type PublishedAgreementHash } from './verifyRecord';
import { heldContent } from './kioskQueries';
import { decideWithdrawal } from './withdrawals';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const HEX64 = /^[0-9a-f]{64}$/;
const INSERT_RECORD = `INSERT INTO records (record_id, kiosk_id, kind, number, created_at, supersedes, payload, content_sha256, snapshot_body,
    snapshot_sha256, snapshot_signature, key_id, seq, prev_hash, signature_png, consent_texts, batch_id, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export interface BatchContext {
  db: PlatformDb;
  identity: PlatformIdentity;
  publishedAgreement: PublishedAgreementHash;
}

function stringField(raw: unknown, name: string, pattern?: RegExp): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[name];
  return typeof value === 'string' && (!pattern || pattern.test(value)) ? value : null;
}

/** What a batch's records are, worked out without the database or the signatures' answers. */
export interface PreparedBatch {
  /** SHA-256 of the canonical JSON of the request's records. */
  requestSha256: string;
  /** Per entry, in request order (null for a withdrawal). */
  records: Array<PreparedRecord | null>;
}

/** A registration entry's schema check and whether its content hash holds. */
interface PreparedRecord {
  parsed: ReturnType<typeof WireRecordSchema.safeParse>;
  contentHashHolds: boolean;
}

function prepareRecord(raw: unknown): PreparedRecord {
  const parsed = WireRecordSchema.safeParse(raw);
  return { parsed, contentHashHolds: parsed.success && sha256(contentHashMaterial(contentFieldsOf(parsed.data))) === parsed.data.content_sha256 };
}

/**
 * The part of deciding a batch that needs neither the database nor the Ed25519 answers, so the
 * server does it while the thread pool checks the signatures (server.ts) instead of waiting idle.
 */
export function prepareBatch(request: BatchRequest): PreparedBatch {
  const requestHash = createHash('sha256');
  writeCanonicalArray(request.records, (piece) => requestHash.update(piece, 'utf8'));
  return {
    requestSha256: requestHash.digest('hex'),
    records: request.records.map((raw) => (isWithdrawalEntry(raw) ? null : prepareRecord(raw))),
  };
}

/**
 * Decides one record and, when accepted, stores it. Runs inside the batch's transaction. `verify`
 * checks its two Ed25519 signatures (signatures.ts: maybe ahead, on the thread pool); `prepared`
 * is the record's share of `prepareBatch`.
 */
function decide(
  ctx: BatchContext,
  kiosk: EnrolledKiosk,
  raw: unknown,
  prepared: PreparedRecord | null,
  index: number,
  batchId: string,
  now: Date,
  verify: TextVerifier,
): RecordOutcome {
  const base = {
    index,
    record_id: stringField(raw, 'record_id'),
    content_sha256: stringField(raw, 'content_sha256', HEX64),
    held_content_sha256: null,
    errors: [],
  };
  if (isWithdrawalEntry(raw)) return decideWithdrawal(ctx.db, kiosk, raw, base, batchId, now);
  const { parsed, contentHashHolds } = prepared ?? prepareRecord(raw);
  if (!parsed.success) return { ...base, outcome: 'rejected', errors: zodFields(parsed.error.issues) };
  const record = parsed.data;
  if (!contentHashHolds) {
    return { ...base, outcome: 'rejected', errors: [{ field: 'content_sha256', reason: rejectionReasons.contentHash }] };
  }
  // Before duplicate/conflict: only the kiosk that wrote a record can claim its id.
  if (!verify(kiosk.publicKey, recordSignatureMaterial(record), record.record_signature)) {
    return { ...base, outcome: 'rejected', errors: [{ field: 'record_signature', reason: rejectionReasons.recordSignature }] };
  }
  const held = heldContent(ctx.db, record.record_id);
  if (held !== null) {
    return held === record.content_sha256 ? { ...base, outcome: 'duplicate' } : { ...base, outcome: 'conflict', held_content_sha256: held };
  }
  const { body, errors } = verifyRecord(record, kiosk, ctx.publishedAgreement, verify);
  if (body && errors.length === 0) {
    errors.push(...checkChain(ctx.db, { kioskId: kiosk.kioskId, seq: record.snapshot.seq, sha256: record.snapshot.sha256, prevHash: body.prev_hash }));
  }
  if (!body || errors.length > 0) return { ...base, outcome: 'rejected', errors };
  statement(ctx.db, INSERT_RECORD).run(
      record.record_id,
      kiosk.kioskId,
      record.kind,
      record.number,
      record.created_at,
      record.supersedes,
      canonicalJson(record.payload),
      record.content_sha256,
      record.snapshot.body,
      record.snapshot.sha256,
      record.snapshot.signature,
      record.snapshot.key_id,
      record.snapshot.seq,
      body.prev_hash,
      Buffer.from(record.signature_png, 'base64'),
      canonicalJson(record.consent_texts),
      batchId,
      now.toISOString(),
    );
  return { ...base, outcome: 'accepted' };
}

function batchReply(batchId: string, receiptBody: string, signature: string, keyId: string): Reply {
  const receipt = parseReceiptBody(receiptBody);
  if (!receipt) throw new Error(`stored receipt of batch ${batchId} does not parse`);
  return { status: 200, body: { batch_id: batchId, outcomes: receipt.outcomes, receipt: { body: receiptBody, signature, key_id: keyId } } };
}

/** Whether a batch with this id is stored already (a resend: its receipt is answered, nothing is decided). */
export function isBatchStored(db: PlatformDb, batchId: string): boolean {
  return statement(db, 'SELECT 1 AS stored FROM batches WHERE batch_id = ?').get(batchId) !== undefined;
}

export function receiveBatch(
  ctx: BatchContext,
  kiosk: EnrolledKiosk,
  request: BatchRequest,
  now: Date,
  verify: TextVerifier = verifyText,
  prepared: PreparedBatch = prepareBatch(request),
): Reply {
  const { db, identity } = ctx;
  const { requestSha256 } = prepared;
  return db.transaction(() => {
    const stored = db.prepare('SELECT kiosk_id, request_sha256, receipt_body, receipt_signature FROM batches WHERE batch_id = ?').get(request.batch_id) as
      | { kiosk_id: string; request_sha256: string; receipt_body: string; receipt_signature: string }
      | undefined;
    if (stored) {
      if (stored.kiosk_id !== kiosk.kioskId || stored.request_sha256 !== requestSha256) {
        throw new HttpError(409, 'batch_id_reused', 'this batch id was used for other records; a new batch needs a new id');
      }
      db.prepare('UPDATE batches SET deliveries = deliveries + 1 WHERE batch_id = ?').run(request.batch_id);
      return batchReply(request.batch_id, stored.receipt_body, stored.receipt_signature, identity.keyId);
    }
    const outcomes = request.records.map((raw, index) => decide(ctx, kiosk, raw, prepared.records[index] ?? null, index, request.batch_id, now, verify));
    const receipt: ReceiptBody = {
      format: RECEIPT_FORMAT,
      format_version: 1,
      batch_id: request.batch_id,
      kiosk_id: kiosk.kioskId,
      server_time: now.toISOString(),
      request_sha256: requestSha256,
      outcomes,
    };
    const body = canonicalJson(receipt);
    const signature = identity.sign(body);
    db.prepare('INSERT INTO batches (batch_id, kiosk_id, request_sha256, receipt_body, receipt_signature, received_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      request.batch_id,
      kiosk.kioskId,
      requestSha256,
      body,
      signature,
      now.toISOString(),
    );
    return batchReply(request.batch_id, body, signature, identity.keyId);
  }).immediate();
}
