// POST /v1/heartbeat: how the kiosk is doing, so the platform's operators see a kiosk that stopped
// syncing or whose disk is failing before anyone at the front desk notices.
import { z } from 'zod';
import { InstantSchema } from './wire';

export const HeartbeatRequestSchema = z
  .object({
    /** The kiosk's wall clock when it sent this (the platform compares it with its own). */
    sent_at: InstantSchema,
    /** Records not yet acknowledged by the platform. */
    queue_depth: z.number().int().nonnegative(),
    /** Age in seconds of the oldest of them, null when none. */
    oldest_unsynced_age_s: z.number().int().nonnegative().nullable(),
    quarantined: z.number().int().nonnegative(),
    last_sync_at: InstantSchema.nullable(),
    /** Platform minus kiosk time at the last sync, ms; null before the first. */
    clock_offset_ms: z.number().int().nullable(),
    versions: z
      .object({
        app: z.string().min(1).max(64),
        /** Database migration level. */
        schema: z.number().int().nonnegative(),
        /** Agreement versions the kiosk holds: `[{agreement_id, version}]`. */
        agreements: z.array(z.object({ agreement_id: z.string(), version: z.string() }).strict()).max(500),
      })
      .strict(),
    db_health: z
      .object({
        /** Result of the last `PRAGMA integrity_check`. */
        integrity: z.enum(['ok', 'failed', 'unknown']),
        last_backup_at: InstantSchema.nullable(),
        free_bytes: z.number().int().nonnegative().nullable(),
      })
      .strict(),
  })
  .strict();
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;

export const HeartbeatResponseSchema = z
  .object({
    server_time: InstantSchema,
    received: z.literal(true),
  })
  .strict();
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;
