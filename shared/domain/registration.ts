import { z } from 'zod';
import { checkIdNumber, checkMobile, checkPersonName } from '../validation';
import { checkedString } from './fields';

/** Record lifecycle (architecture.md, "Record lifecycle"). */
export const registrationStates = [
  'finalized',
  'queued',
  'sending',
  'accepted',
  'duplicate',
  'quarantined',
  'purged',
] as const;
export type RegistrationState = (typeof registrationStates)[number];

export const registrationKinds = ['individual', 'enterprise'] as const;
export type RegistrationKind = (typeof registrationKinds)[number];

export const IndividualRegistrationSchema = z
  .object({
    kind: z.literal('individual', { error: 'validation.invalidType' }),
    name: checkedString(checkPersonName, 60),
    idNumber: checkedString((raw) => checkIdNumber(raw), 40),
    mobile: checkedString(checkMobile, 30),
  })
  .strict();
export type IndividualRegistrationInput = z.input<typeof IndividualRegistrationSchema>;
export type IndividualRegistration = z.output<typeof IndividualRegistrationSchema>;

export const RegistrationReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(registrationStates),
  createdAt: z.string(),
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
});
export type RegistrationSummary = z.infer<typeof RegistrationSummarySchema>;

export const QueueStatsSchema = z.object({
  byState: z.record(z.enum(registrationStates), z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
});
export type QueueStats = z.infer<typeof QueueStatsSchema>;
