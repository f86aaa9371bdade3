// GET /v1/records?ids=: which of these ids the platform holds for the calling kiosk. The kiosk asks
// at start-up about records a crash left in `sending`, and marks those held without resending.
import { z } from 'zod';
import { InstantSchema, limits, Sha256HexSchema, Uuidv7Schema } from './wire';

export const LookupQuerySchema = z.object({
  /** Comma-separated, at most `limits.maxLookupIds`. */
  ids: z
    .string()
    .transform((text) => text.split(',').filter((id) => id !== ''))
    .pipe(z.array(Uuidv7Schema).min(1).max(limits.maxLookupIds)),
});

export const HeldRecordSchema = z
  .object({
    record_id: Uuidv7Schema,
    content_sha256: Sha256HexSchema,
    /** The batch that first delivered it, and when. */
    batch_id: Uuidv7Schema,
    received_at: InstantSchema,
  })
  .strict();
export type HeldRecord = z.infer<typeof HeldRecordSchema>;

export const LookupResponseSchema = z
  .object({
    server_time: InstantSchema,
    /** Only the ids held; an id asked about and absent here is not held. */
    records: z.array(HeldRecordSchema),
  })
  .strict();
export type LookupResponse = z.infer<typeof LookupResponseSchema>;
