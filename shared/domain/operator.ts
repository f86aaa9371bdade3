import { z } from 'zod';

export const roles = ['operator', 'it_admin'] as const;
export type Role = (typeof roles)[number];
export const RoleSchema = z.enum(roles, { error: 'validation.invalidType' });

export const StaffIdSchema = z
  .string({ error: 'validation.invalidType' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,32}$/, { error: 'operator.staffId.format' });

export const PinSchema = z
  .string({ error: 'validation.invalidType' })
  .regex(/^\d{6,12}$/, { error: 'operator.pin.format' });

export const OperatorNameSchema = z
  .string({ error: 'validation.invalidType' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(50, { error: 'validation.tooLong' });

export const OperatorViewSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  lockedUntil: z.string().nullable(),
});
export type OperatorView = z.infer<typeof OperatorViewSchema>;
