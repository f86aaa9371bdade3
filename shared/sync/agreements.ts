// GET /v1/agreements?since=N: agreement versions the platform publishes, oldest first, each signed
// by the platform so a kiosk stores only what the platform really issued. The file itself travels
// next to the signed body, which pins it by hash; the kiosk imports it with its own importer.
import { z } from 'zod';
import { Base64Schema, InstantSchema, parseCanonicalBody, Sha256HexSchema, SignatureSchema } from './wire';

export const AGREEMENT_FORMAT = 'platform-agreement';

export const AgreementBodySchema = z
  .object({
    format: z.literal(AGREEMENT_FORMAT),
    format_version: z.literal(1),
    /** Position in the feed, from 1; `since` takes the last one a kiosk has. */
    seq: z.number().int().min(1),
    agreement_id: z.string().min(1),
    version: z.string().min(1),
    /** ISO instant (UTC) from which the version is in force. */
    effective_from: z.string().min(1),
    /** The file's name as published (`.txt` UTF-8/GB18030 or `.md`): the importer reads its type from it. */
    file_name: z.string().min(1),
    /** SHA-256 hex of the file's bytes. */
    content_sha256: Sha256HexSchema,
    /** SHA-256 hex of the canonical text the kiosk's importer makes of the file: what snapshots name. */
    canonical_sha256: Sha256HexSchema,
    published_at: InstantSchema,
  })
  .strict();
export type AgreementBody = z.infer<typeof AgreementBodySchema>;

export const SignedAgreementSchema = z
  .object({
    /** Canonical JSON of an `AgreementBody`; the platform's signature is over its UTF-8 bytes. */
    body: z.string(),
    signature: SignatureSchema,
    key_id: Sha256HexSchema,
    /** The file, base64; its SHA-256 must be the body's `content_sha256`. */
    content_base64: Base64Schema,
  })
  .strict();
export type SignedAgreement = z.infer<typeof SignedAgreementSchema>;

export const AgreementFeedQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
});

export const AgreementFeedResponseSchema = z
  .object({
    server_time: InstantSchema,
    agreements: z.array(SignedAgreementSchema),
    /** Pass as `since` next time (the last seq returned, or the `since` given when none). */
    next_since: z.number().int().nonnegative(),
  })
  .strict();
export type AgreementFeedResponse = z.infer<typeof AgreementFeedResponseSchema>;

/** Reads a signed agreement body (after its signature verified): canonical and of this format. */
export function parseAgreementBody(body: string): AgreementBody | null {
  return parseCanonicalBody(body, AgreementBodySchema);
}
