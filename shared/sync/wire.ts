// Building blocks every sync message uses: ids, hashes, times and base64 as they travel, the
// header that carries the platform's clock, and the limits both sides enforce. Pure: shared by the
// kiosk (electron/core/sync) and the reference platform (test/platform).
import { canonicalJson } from './canonical';
import { z } from 'zod';

/** Protocol version in every path: `/v1/...`. */
export const PROTOCOL_VERSION = 1;

/** Every response carries the platform's clock here (ISO 8601 UTC with milliseconds), errors too. */
export const SERVER_TIME_HEADER = 'x-server-time';

/** RFC 9562 UUID version 7, lower-case, as the kiosk writes them. */
export const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const Uuidv7Schema = z.string().regex(UUIDV7, { error: 'protocol.field.uuidv7' });

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'protocol.field.sha256' });

/** An instant with milliseconds and an explicit offset: `2026-12-04T20:35:17.123+08:00` or `...Z`. */
export const InstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/, { error: 'protocol.field.instant' })
  .refine((text) => !Number.isNaN(Date.parse(text)), { error: 'protocol.field.instant' });

/**
 * Canonical base64 (padding, no line breaks). Receivers also check it round-trips byte for byte.
 * The alphabet with at most two `=` at the end, in a length divisible by four: the same strings as
 * `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`, checked in half the time
 * (a record's image is 25,000 characters).
 */
export const Base64Schema = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'protocol.field.base64' })
  .refine((text) => text.length % 4 === 0, { error: 'protocol.field.base64' });

/** An Ed25519 signature: 64 bytes, base64. */
export const SignatureSchema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { error: 'protocol.field.signature' });

/** An Ed25519 public key: the raw 32 bytes, base64. */
export const PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'protocol.field.publicKey' });

/** What one platform accepts at most; a kiosk bounds its batches below these (settings). */
export const limits = {
  /** Records in one `POST /v1/batches`. */
  maxBatchRecords: 1000,
  /** Bytes of one request body; larger bodies get 413 before they are read to the end. */
  maxRequestBytes: 32 * 1024 * 1024,
  /** Bytes of one signature PNG (decoded). */
  maxSignaturePngBytes: 512 * 1024,
  /** Characters of one snapshot body. */
  maxSnapshotBodyChars: 64 * 1024,
  /** Ids in one `GET /v1/records?ids=`; keeps the request line well under Node's 16 KiB header limit. */
  maxLookupIds: 200,
} as const;

/** Error codes of non-2xx answers. Per-record problems are outcomes, never errors. */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'enrolment_code_invalid',
  'kiosk_key_mismatch',
  'batch_id_reused',
  'already_exists',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ErrorResponseSchema = z.object({
  server_time: InstantSchema,
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Where a request was malformed: `records.3.snapshot.seq`. */
    fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/**
 * Reads a signed body (after its signature verified): JSON in its one canonical spelling (RFC 8785)
 * and valid for `schema`. Null otherwise, so no second spelling of one signed text is accepted.
 */
export function parseCanonicalBody<S extends z.ZodType>(body: string, schema: S): z.output<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (canonicalJson(value) !== body) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
