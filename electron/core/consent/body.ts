// The signed body of a consent snapshot, format version 1 (README.md has the field list). The body
// is RFC 8785 canonical JSON, so the same facts always give the same bytes and a verifier can
// re-serialise what it parsed and compare; key names are snake_case because the body is read by
// other systems, years later, not by this code base only.
import { z } from 'zod';
import { canonicalJson } from '../../../shared/sync/canonical';
import { signerRoles } from '../../../shared/domain/submission';
import { documentTypes as signerIdTypes } from '../../../shared/validation/document';
import { parseTimestamp } from './timestamps';

export const CONSENT_SCHEMA_VERSION = 1;
/** The `prev_hash` of a kiosk's first snapshot. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who signs: codes in the body, 法定代表人 / 经办人 / 本人 / 监护人 in the catalogue (`consent.role.*`). */
export { signerRoles, type SignerRole } from '../../../shared/domain/submission';

/** The signer's identity document: 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照. */
export { documentTypes as signerIdTypes, type DocumentType as SignerIdType } from '../../../shared/validation/document';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const timestamp = z.string().refine((text) => parseTimestamp(text) !== null);
const count = z.number().int().nonnegative();

export const ConsentSnapshotBodySchema = z
  .object({
    schema_version: z.literal(CONSENT_SCHEMA_VERSION),
    record_id: z.string().min(1),
    kiosk_id: z.string().min(1),
    key_id: hex64,
    operator_id: z.string().min(1),
    agreement: z.object({ id: z.string().min(1), version: z.string().min(1), locale: z.string().min(1), sha256: hex64 }).strict(),
    reading: z.object({ opened_at: timestamp, reached_end_at: timestamp, duration_ms: count }).strict(),
    consents: z.array(
      z
        .object({
          item: z.string().min(1),
          required: z.boolean(),
          separate: z.boolean(),
          granted: z.boolean(),
          text_sha256: hex64,
          at: timestamp,
        })
        .strict(),
    ),
    signer: z
      .object({ name: z.string().min(1), role: z.enum(signerRoles), id_type: z.enum(signerIdTypes), id_hash: hex64 })
      .strict(),
    signature: z.object({ sha256: hex64, width: count, height: count }).strict(),
    time: z
      .object({
        wall: timestamp,
        monotonic_ms: count,
        server_offset_ms: z.number().int().nullable(),
        clock_suspect: z.boolean(),
      })
      .strict(),
    prev_hash: hex64,
  })
  .strict();

export type ConsentSnapshotBody = z.infer<typeof ConsentSnapshotBodySchema>;

/** RFC 8785 canonical JSON: the one implementation the sync formats use too. */
export { canonicalJson };

/**
 * Reads a stored or received body: valid JSON, in canonical form (so no two spellings of one body
 * exist), with exactly the fields of this format version. Returns why not, otherwise.
 */
export function parseSnapshotBody(body: string): { ok: true; body: ConsentSnapshotBody } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (canonicalJson(value) !== body) return { ok: false, reason: 'not in canonical form' };
  const parsed = ConsentSnapshotBodySchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
    return { ok: false, reason: `unexpected fields or values: ${where}` };
  }
  return { ok: true, body: parsed.data };
}
