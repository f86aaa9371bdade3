import { z } from 'zod';

/** Record lifecycle (architecture.md, "Record lifecycle"). */
export const registrationStates = [
  'finalized',
  'queued',
  'sending',
  'accepted',
  'duplicate',
  'quarantined',
  // A quarantined record an IT admin discarded, with a second admin's confirmation; never sent again.
  'discarded',
  'purged',
] as const;
export type RegistrationState = (typeof registrationStates)[number];

export const registrationKinds = ['individual', 'enterprise'] as const;
export type RegistrationKind = (typeof registrationKinds)[number];

export {
  EnterpriseRegistrationSchema,
  IndividualRegistrationSchema,
  RegistrationPayloadSchema,
  enterpriseTypes,
  type EnterpriseRegistration,
  type EnterpriseRegistrationInput,
  type IndividualRegistration,
  type IndividualRegistrationInput,
  type RegistrationPayload,
  type RegistrationPayloadInput,
} from './registrationPayload';

/** What the registrant's receipt shows (product.md step 9). */
export const RegistrationReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(registrationKinds),
  state: z.enum(registrationStates),
  createdAt: z.string(),
  agreement: z.object({ id: z.string(), version: z.string(), title: z.string(), sha256: z.string() }),
  /** The signed consent snapshot's hash; the receipt's QR code carries it with the id. */
  snapshotSha256: z.string(),
  supersedes: z.string().nullable(),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceiptSchema>;

/** What lists show: personal data masked before it leaves core. */
export const RegistrationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(registrationKinds),
  state: z.enum(registrationStates),
  createdAt: z.string(),
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  mobileMasked: z.string(),
  /** Set when this record withdraws another: which, by id and number. */
  withdrawal: z.object({ withdraws: z.string(), withdrawsNumber: z.string() }).nullable(),
  /** A later record withdrew this one. */
  withdrawn: z.boolean(),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummarySchema>;

export const QueueStatsSchema = z.object({
  byState: z.record(z.enum(registrationStates), z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
});
export type QueueStats = z.infer<typeof QueueStatsSchema>;
