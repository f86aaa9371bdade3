// What the IT console sees of sync and what it may ask of it: the engine's status, the outcome of a
// pass, batch history with each record's outcome, the quarantine, and the USB files. The wire
// format between kiosk and platform is elsewhere (shared/sync); these are the kiosk's own views.
import { z } from 'zod';
import { PinSchema, StaffIdSchema } from './operator';
import { registrationKinds, registrationStates } from './registration';

/** Outcomes a record can end a batch with (the platform's four, as the kiosk stores them). */
export const syncOutcomes = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type SyncOutcome = (typeof syncOutcomes)[number];

export const connectivityStates = ['unknown', 'online', 'offline'] as const;
export type Connectivity = (typeof connectivityStates)[number];

export const SyncProgressSchema = z.object({
  /** Records whose batch was answered in this pass. */
  sent: z.number().int().nonnegative(),
  /** Records the pass set out to send (grows if records are saved while it runs). */
  total: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const SyncStatusSchema = z.object({
  connectivity: z.enum(connectivityStates),
  enrolled: z.boolean(),
  kioskId: z.string(),
  /** The kiosk's signing key id in its short form (`3f2a 91c0 5be7 0d14`), to compare with the platform's records. */
  kioskShortKeyId: z.string(),
  platformUrl: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** When the loop runs next by itself (timer or backoff); null while it runs or when not enrolled. */
  nextAttemptAt: z.string().nullable(),
  /** Records saved and not yet answered for by the platform (queued or sending). */
  pendingCount: z.number().int().nonnegative(),
  quarantinedCount: z.number().int().nonnegative(),
  oldestPendingAgeSeconds: z.number().int().nonnegative().nullable(),
  /** Platform minus kiosk time at the last answer, ms. */
  clockOffsetMs: z.number().int().nullable(),
  /** The pass running now, or null. */
  progress: SyncProgressSchema.nullable(),
  /** Code of the last pass's failure (`unreachable`, `unauthorized`, ...), null after a clean pass. */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncCountsSchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  conflict: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type SyncCounts = z.infer<typeof SyncCountsSchema>;

export const SyncPassOutcomeSchema = z.object({
  /** Batches answered in this pass (resends of an unanswered batch included). */
  batches: z.number().int().nonnegative(),
  outcomes: SyncCountsSchema,
  /** Records still waiting after the pass (not sent, or sent without an answer). */
  pending: z.number().int().nonnegative(),
  /** Why the pass stopped early, or null when it sent everything it could. */
  error: z.string().nullable(),
  /** Agreement versions the pass stored from the platform's feed. */
  agreementsStored: z.number().int().nonnegative(),
});
export type SyncPassOutcome = z.infer<typeof SyncPassOutcomeSchema>;

export const EnrolInputSchema = z
  .object({
    platformUrl: z
      .string({ error: 'validation.required' })
      .trim()
      .max(500, { error: 'validation.tooLong' })
      .refine((text) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(text), { error: 'sync.field.platformUrl' }),
    code: z
      .string({ error: 'validation.required' })
      .trim()
      .min(4, { error: 'sync.field.code' })
      .max(64, { error: 'validation.tooLong' }),
  })
  .strict();

export const EnrolmentViewSchema = z.object({
  kioskId: z.string(),
  platformUrl: z.string(),
  enrolledAt: z.string(),
  /** The platform's key, as `3f2a 91c0 5be7 0d14`, for IT to compare with the platform's records. */
  platformShortKeyId: z.string(),
});
export type EnrolmentView = z.infer<typeof EnrolmentViewSchema>;

export const batchTransports = ['network', 'usb'] as const;
/** `sending`: sent or written to a file, no receipt yet; `done`: receipt applied; `reconciled`: closed by asking the platform. */
export const batchStates = ['sending', 'done', 'reconciled'] as const;

export const BatchSummarySchema = z.object({
  id: z.string(),
  transport: z.enum(batchTransports),
  state: z.enum(batchStates),
  recordCount: z.number().int().nonnegative(),
  byteCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The platform's time in the receipt. */
  serverTime: z.string().nullable(),
  outcomes: SyncCountsSchema,
  /** The last failure while sending it (a code), or null. */
  error: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

export const ListPageSchema = z
  .object({
    limit: z.number({ error: 'validation.invalidType' }).int().min(1).max(200).default(50),
    offset: z.number({ error: 'validation.invalidType' }).int().min(0).default(0),
  })
  .strict();

export const RecordFieldErrorSchema = z.object({ field: z.string(), reason: z.string(), message: z.string() });

export const BatchItemViewSchema = z.object({
  registrationId: z.string(),
  number: z.string(),
  kind: z.enum(registrationKinds),
  state: z.enum(registrationStates),
  outcome: z.enum(syncOutcomes).nullable(),
  /** A message key (`sync.reason.conflict`, `protocol.rejected.*`, a validation key) or null. */
  reason: z.string().nullable(),
  /** The reason in the caller's language. */
  message: z.string().nullable(),
  fields: z.array(RecordFieldErrorSchema),
  decidedAt: z.string().nullable(),
});
export type BatchItemView = z.infer<typeof BatchItemViewSchema>;

export const BatchDetailSchema = z.object({ batch: BatchSummarySchema, items: z.array(BatchItemViewSchema) });
export type BatchDetail = z.infer<typeof BatchDetailSchema>;

export const QuarantinedRecordSchema = z.object({
  registrationId: z.string(),
  number: z.string(),
  kind: z.enum(registrationKinds),
  createdAt: z.string(),
  outcome: z.enum(['conflict', 'rejected']),
  reason: z.string(),
  message: z.string(),
  fields: z.array(RecordFieldErrorSchema),
  batchId: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecordSchema>;

const RegistrationIdSchema = z.uuid({ error: 'validation.invalidType' });

export const RetryInputSchema = z.object({ registrationId: RegistrationIdSchema }).strict();

export const DiscardInputSchema = z
  .object({ registrationId: RegistrationIdSchema, confirmStaffId: StaffIdSchema, confirmPin: PinSchema })
  .strict();

export const ExportedBatchSchema = z.object({
  fileName: z.string(),
  contentBase64: z.string(),
  batchId: z.string(),
  recordCount: z.number().int().nonnegative(),
});
export type ExportedBatch = z.infer<typeof ExportedBatchSchema>;

export const ImportReceiptInputSchema = z
  .object({ contentBase64: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(64 * 1024 * 1024) })
  .strict();

export const ImportedReceiptSchema = z.object({
  batchId: z.string(),
  /** False when this receipt had been applied already (importing twice changes nothing). */
  applied: z.boolean(),
  outcomes: SyncCountsSchema,
});
export type ImportedReceipt = z.infer<typeof ImportedReceiptSchema>;
