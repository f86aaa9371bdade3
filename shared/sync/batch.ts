// POST /v1/batches: records in, one outcome per record out, and a receipt the platform signs so
// the kiosk keeps proof of what the platform took. The same batch id with the same records always
// gets the stored receipt back, so a lost response costs nothing but a resend.
import { z } from 'zod';
import { InstantSchema, limits, parseCanonicalBody, Sha256HexSchema, SignatureSchema, Uuidv7Schema } from './wire';

export { canonicalJson, writeCanonicalArray } from './canonical';

export const BatchRequestSchema = z
  .object({
    /** Chosen by the kiosk (UUIDv7) and kept across resends of the same records. */
    batch_id: Uuidv7Schema,
    /**
     * Each element is checked on its own against `WireRecordSchema`: a malformed record is
     * `rejected` with its field errors and never fails the rest of the batch.
     */
    records: z.array(z.unknown()).min(1).max(limits.maxBatchRecords),
  })
  .strict();
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

export const outcomes = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type Outcome = (typeof outcomes)[number];

/** Why a record was rejected: the field (a path into the record, `payload.mobile`) and a reason key. */
export const RecordErrorSchema = z.object({ field: z.string(), reason: z.string() }).strict();
export type RecordError = z.infer<typeof RecordErrorSchema>;

export const RecordOutcomeSchema = z
  .object({
    /** Position in `records`: outcomes come in the same order, one per record. */
    index: z.number().int().nonnegative(),
    /** The id sent, or null when the record had no readable id. */
    record_id: z.string().nullable(),
    outcome: z.enum(outcomes),
    /** The content hash the record was sent with (null if it had none readable). */
    content_sha256: Sha256HexSchema.nullable(),
    /** For `conflict`: the content hash of the record the platform already holds under this id. */
    held_content_sha256: Sha256HexSchema.nullable(),
    /** For `rejected`: at least one; empty otherwise. */
    errors: z.array(RecordErrorSchema),
  })
  .strict();
export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

export const RECEIPT_FORMAT = 'platform-batch-receipt';

/** What the platform signs: RFC 8785 canonical JSON of this object is the receipt's `body`. */
export const ReceiptBodySchema = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    format_version: z.literal(1),
    batch_id: Uuidv7Schema,
    kiosk_id: z.string(),
    /** When the platform committed the batch (the first time; resends keep it). */
    server_time: InstantSchema,
    /** SHA-256 of the canonical JSON of the request's `records`: which records these outcomes are for. */
    request_sha256: Sha256HexSchema,
    outcomes: z.array(RecordOutcomeSchema),
  })
  .strict();
export type ReceiptBody = z.infer<typeof ReceiptBodySchema>;

export const SignedReceiptSchema = z
  .object({
    /** Canonical JSON of a `ReceiptBody`; the signature is over its UTF-8 bytes. */
    body: z.string(),
    /** Ed25519 by the platform's key, base64. */
    signature: SignatureSchema,
    /** SHA-256 hex of the platform's raw public key (given at enrolment). */
    key_id: Sha256HexSchema,
  })
  .strict();
export type SignedReceipt = z.infer<typeof SignedReceiptSchema>;

export const BatchResponseSchema = z
  .object({
    /** The platform's clock now (a resend gets the current time here, the original in the receipt). */
    server_time: InstantSchema,
    batch_id: Uuidv7Schema,
    /** The same outcomes the signed receipt holds, for convenience; the receipt is authoritative. */
    outcomes: z.array(RecordOutcomeSchema),
    receipt: SignedReceiptSchema,
  })
  .strict();
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/**
 * Reads a receipt body after its signature was verified: valid, canonical (no second spelling of
 * one receipt) and of this format. Returns null otherwise.
 */
export function parseReceiptBody(body: string): ReceiptBody | null {
  return parseCanonicalBody(body, ReceiptBodySchema);
}
