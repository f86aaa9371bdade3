// POST /v1/enrolments: a kiosk proves it was given a one-time code, registers its signing key and
// gets a credential for every later call, plus the platform's key to verify receipts and feeds.
import { z } from 'zod';
import { InstantSchema, PublicKeySchema, Sha256HexSchema, Uuidv7Schema } from './wire';

export const EnrolmentRequestSchema = z
  .object({
    /** As typed: the platform ignores case, spaces and dashes. */
    code: z.string().min(4).max(64),
    kiosk_id: Uuidv7Schema,
    /** The kiosk's Ed25519 public key, raw 32 bytes, base64. Its SHA-256 is the snapshots' `key_id`. */
    public_key: PublicKeySchema,
  })
  .strict();
export type EnrolmentRequest = z.infer<typeof EnrolmentRequestSchema>;

export const EnrolmentResponseSchema = z
  .object({
    server_time: InstantSchema,
    kiosk_id: Uuidv7Schema,
    key_id: Sha256HexSchema,
    /** Bearer token for `Authorization: Bearer <credential>`; shown once, the platform keeps only its hash. */
    credential: z.string().min(32),
    /** The platform's Ed25519 public key, raw 32 bytes, base64: receipts and agreement feeds verify with it. */
    platform_public_key: PublicKeySchema,
    platform_key_id: Sha256HexSchema,
    /**
     * The platform's X25519 public key, raw 32 bytes, base64: offline (USB) batch files are
     * encrypted to it (docs/sync-offline-transfer.md). Optional: a platform without USB import omits it.
     */
    platform_encryption_key: PublicKeySchema.optional(),
  })
  .strict();
export type EnrolmentResponse = z.infer<typeof EnrolmentResponseSchema>;
