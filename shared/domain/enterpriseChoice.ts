// An enterprise registered on this kiosk, as the 所属企业 search offers it to an individual's form.
// Enterprise names and credit codes are public register data, so they are shown unmasked.
import { z } from 'zod';

export const EnterpriseChoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  createdAt: z.string(),
});
export type EnterpriseChoice = z.infer<typeof EnterpriseChoiceSchema>;

export const EnterpriseQuerySchema = z
  .string({ error: 'validation.invalidType' })
  .trim()
  .max(100, { error: 'validation.tooLong' });
