// Withdrawing a registration before the platform answered for it (product.md "After submit"): a
// new record that supersedes the original and says it is withdrawn, with the reason the operator
// records. The original is never edited; the withdrawal travels to the platform like any record.
import { z } from 'zod';
import { WITHDRAWAL_REASON_MAX } from '../sync/withdrawal';
import { registrationKinds, registrationStates } from './registration';

/** Reasons the desk offers in one tap; the operator may also write another. */
export const withdrawalPresetReasons = ['registrantRequest', 'wrongPerson', 'registeredElsewhere'] as const;

export const WithdrawalRequestSchema = z
  .object({
    id: z.uuid({ error: 'validation.invalidType' }),
    reason: z
      .string({ error: 'validation.invalidType' })
      // Trimmed, runs of spaces made one; Chinese punctuation is kept as written (no NFKC folding).
      .transform((text) => text.trim().replace(/\s+/g, ' '))
      .pipe(z.string().min(1, { error: 'withdrawal.reason.required' }).max(WITHDRAWAL_REASON_MAX, { error: 'validation.tooLong' })),
  })
  .strict();
export type WithdrawalRequestInput = z.input<typeof WithdrawalRequestSchema>;
export type WithdrawalRequest = z.output<typeof WithdrawalRequestSchema>;

/** What the desk shows once the withdrawal is saved. */
export const WithdrawalReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(registrationKinds),
  state: z.enum(registrationStates),
  createdAt: z.string(),
  reason: z.string(),
  withdraws: z.object({ id: z.string(), number: z.string() }),
});
export type WithdrawalReceipt = z.infer<typeof WithdrawalReceiptSchema>;
