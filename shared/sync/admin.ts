// /v1/admin/*: what tests and pilots ask the reference platform. Not part of what a kiosk calls;
// authenticated by the platform's admin token (`<data-dir>/admin-token`).
import { z } from 'zod';
import { Base64Schema, InstantSchema, Sha256HexSchema, Uuidv7Schema } from './wire';

export const AdminRecordSchema = z
  .object({
    record_id: Uuidv7Schema,
    kiosk_id: z.string(),
    kind: z.string(),
    number: z.string(),
    created_at: z.string(),
    supersedes: z.string().nullable(),
    content_sha256: Sha256HexSchema,
    snapshot_sha256: Sha256HexSchema,
    seq: z.number().int(),
    prev_hash: Sha256HexSchema,
    /** `linked`: the previous snapshot is held and links; `gap`: it has not arrived (yet). */
    chain: z.enum(['linked', 'gap']),
    batch_id: Uuidv7Schema,
    received_at: InstantSchema,
    /** The withdrawal that withdrew this record, or null. */
    withdrawn_by: Uuidv7Schema.nullable(),
    /** Only with `?include=payload`. */
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type AdminRecord = z.infer<typeof AdminRecordSchema>;

export const AdminRecordsResponseSchema = z
  .object({
    server_time: InstantSchema,
    records: z.array(AdminRecordSchema),
    /** Pass as `after` for the next page; null on the last page. */
    next_after: z.string().nullable(),
  })
  .strict();
export type AdminRecordsResponse = z.infer<typeof AdminRecordsResponseSchema>;

export const AdminWithdrawalSchema = z
  .object({
    record_id: Uuidv7Schema,
    kiosk_id: z.string(),
    withdraws: Uuidv7Schema,
    /** Whether the platform holds the withdrawn record (a kiosk may withdraw one it never sent). */
    withdraws_held: z.boolean(),
    kind: z.string(),
    number: z.string(),
    created_at: z.string(),
    operator_id: z.string(),
    reason: z.string(),
    content_sha256: Sha256HexSchema,
    batch_id: Uuidv7Schema,
    received_at: InstantSchema,
  })
  .strict();
export type AdminWithdrawal = z.infer<typeof AdminWithdrawalSchema>;

export const AdminWithdrawalsResponseSchema = z.object({ server_time: InstantSchema, withdrawals: z.array(AdminWithdrawalSchema) }).strict();
export type AdminWithdrawalsResponse = z.infer<typeof AdminWithdrawalsResponseSchema>;

export const PublishAgreementRequestSchema = z
  .object({
    agreement_id: z.string().min(1),
    version: z.string().min(1),
    effective_from: z.string().min(1),
    file_name: z.string().min(1),
    content_base64: Base64Schema,
  })
  .strict();
export type PublishAgreementRequest = z.infer<typeof PublishAgreementRequestSchema>;

export const EnrolmentCodeResponseSchema = z.object({ server_time: InstantSchema, code: z.string() }).strict();

export const FaultsStateSchema = z
  .object({
    server_time: InstantSchema,
    /** The spec in force (docs/sync-protocol.md, "Fault injection"); empty for none. */
    spec: z.string(),
    /** How many times each fault was injected since start. */
    injected: z.record(z.string(), z.number().int().nonnegative()),
    /** Requests to kiosk routes since start. */
    requests: z.number().int().nonnegative(),
  })
  .strict();
export type FaultsState = z.infer<typeof FaultsStateSchema>;

export const SetFaultsRequestSchema = z.object({ spec: z.string() }).strict();
