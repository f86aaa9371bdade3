// One registration as it travels to the platform: the registration's own fields, the signed consent
// snapshot (electron/core/consent/README.md has the body format), the signature image and the
// consent texts shown. `content_sha256` pins what the record says; two copies of a record with the
// same id are the same record exactly when their content hashes are equal. `record_signature` shows
// the enrolled kiosk wrote that content at that place in its chain.
import { z } from 'zod';
import { registrationKinds } from '../domain/registration';
import { canonicalJson } from './canonical';
import { Base64Schema, InstantSchema, limits, Sha256HexSchema, SignatureSchema, Uuidv7Schema } from './wire';

export const WireSnapshotSchema = z
  .object({
    /** The canonical JSON body, exactly the bytes the kiosk signed. */
    body: z.string().min(2).max(limits.maxSnapshotBodyChars),
    /** SHA-256 hex of the body's UTF-8 bytes. */
    sha256: Sha256HexSchema,
    /** Ed25519 signature over the body's UTF-8 bytes, base64. */
    signature: SignatureSchema,
    /** SHA-256 hex of the kiosk's raw public key. */
    key_id: Sha256HexSchema,
    /**
     * The snapshot's place in the kiosk's chain, from 1 without gaps. Not signed: the platform uses
     * it to find the neighbours a snapshot must link to; the signed `prev_hash` is what links them.
     */
    seq: z.number().int().min(1),
  })
  .strict();
export type WireSnapshot = z.infer<typeof WireSnapshotSchema>;

export const WireRecordSchema = z
  .object({
    record_id: Uuidv7Schema,
    kind: z.enum(registrationKinds),
    /** The number printed on the registrant's slip. */
    number: z.string().min(1).max(64),
    created_at: InstantSchema,
    /** The record this one corrects, or null. */
    supersedes: Uuidv7Schema.nullable(),
    /** The registration as stored (`RegistrationPayloadSchema`'s output); checked by the platform per record. */
    payload: z.record(z.string(), z.unknown()),
    content_sha256: Sha256HexSchema,
    /**
     * Ed25519 by the kiosk's key over the UTF-8 bytes of `recordSignatureMaterial(...)`, base64:
     * binds the content (by its hash) and the record's place in the chain (`snapshot.seq`), which
     * the snapshot signature does not cover. Ed25519 is deterministic, so the kiosk may compute it
     * when it sends: every resend carries the same signature.
     */
    record_signature: SignatureSchema,
    snapshot: WireSnapshotSchema,
    /** The handwritten signature, PNG, base64. */
    signature_png: Base64Schema.max(Math.ceil(limits.maxSignaturePngBytes / 3) * 4),
    /** Consent item → the text shown (the body holds each text's SHA-256). */
    consent_texts: z.record(z.string().min(1).max(100), z.string().max(20_000)),
  })
  .strict();
export type WireRecord = z.infer<typeof WireRecordSchema>;

/** The fields `content_sha256` covers. */
export type ContentFields = Pick<WireRecord, 'record_id' | 'kind' | 'number' | 'created_at' | 'supersedes' | 'payload'> & {
  snapshot_sha256: string;
};

/**
 * The exact text whose SHA-256 (hex, over its UTF-8 bytes) is `content_sha256`: RFC 8785 canonical
 * JSON of {record_id, kind, number, created_at, supersedes, payload, snapshot_sha256}. Hashing is
 * left to the caller (node:crypto), so this file stays free of Node built-ins.
 */
export function contentHashMaterial(fields: ContentFields): string {
  return canonicalJson({
    record_id: fields.record_id,
    kind: fields.kind,
    number: fields.number,
    created_at: fields.created_at,
    supersedes: fields.supersedes,
    payload: fields.payload,
    snapshot_sha256: fields.snapshot_sha256,
  });
}

/** The content fields of a wire record. */
export function contentFieldsOf(record: WireRecord): ContentFields {
  const { record_id, kind, number, created_at, supersedes, payload } = record;
  return { record_id, kind, number, created_at, supersedes, payload, snapshot_sha256: record.snapshot.sha256 };
}

/** What `record_signature` signs: RFC 8785 canonical JSON of {content_sha256, snapshot_seq}. */
export function recordSignatureMaterial(record: Pick<WireRecord, 'content_sha256'> & { snapshot: Pick<WireSnapshot, 'seq'> }): string {
  return canonicalJson({ content_sha256: record.content_sha256, snapshot_seq: record.snapshot.seq });
}
