// What a registration records about the registrant (product.md, "Field catalogue"), as zod schemas
// the form and core both enforce. Every field is optional here: the active profile decides which
// are required (`checkRegistrationRules`), and an empty input means "not given".
import { z } from 'zod';
import {
  checkCreditCode,
  checkEmail,
  checkLandline,
  checkMobile,
  checkPersonName,
  type TextCheck,
} from '../validation';
import { failure } from '../validation/issue';
import { normalizeText } from '../validation/normalize';
import { checkDocumentNumber, documentTypes } from '../validation/document';

type Check = (raw: string) => TextCheck;

/** A string field that is absent when empty and otherwise normalised and checked by `check`. */
function optionalChecked(check: Check, maxLength = 200) {
  return z
    .string({ error: 'validation.invalidType' })
    .max(maxLength, { error: 'validation.tooLong' })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.issue.key, params: result.issue.params ?? {} });
      return z.NEVER;
    });
}

/** Free text with a length range, e.g. an enterprise name or a street address. */
export function checkFreeText(min: number, max: number): Check {
  return (raw) => {
    const value = normalizeText(raw);
    if (value === '') return failure('validation.required');
    const length = [...value].length;
    if (length < min || length > max) return failure('registration.text.length', { min, max, length });
    return { ok: true, value };
  };
}

/** Landline (区号-号码-分机) or mobile: enterprises give either as 联系电话. */
export function checkPhone(raw: string): TextCheck {
  const landline = checkLandline(raw);
  if (landline.ok) return landline;
  const mobile = checkMobile(raw);
  return mobile.ok ? mobile : failure('registration.phone.invalid');
}

/** GB/T 2260 six-digit division code; that it exists is checked against the division data. */
const DivisionCodeSchema = z.string({ error: 'validation.invalidType' }).regex(/^[1-9]\d{5}$/, {
  error: 'registration.division.invalid',
});

export const AddressSchema = z
  .object({
    /** The most precise division chosen: a district, or a city where the city has none. */
    divisionCode: DivisionCodeSchema,
    street: optionalChecked(checkFreeText(2, 120), 200),
  })
  .strict();
export type Address = z.output<typeof AddressSchema>;

export const enterpriseTypes = [
  'limited_liability',
  'joint_stock',
  'sole_proprietorship',
  'partnership',
  'individual_business',
  'farmer_cooperative',
  'foreign_invested',
  'state_owned',
  'collective',
  'other',
] as const;
export type EnterpriseType = (typeof enterpriseTypes)[number];

export const EnterpriseRegistrationSchema = z
  .object({
    kind: z.literal('enterprise', { error: 'validation.invalidType' }),
    enterpriseName: optionalChecked(checkFreeText(2, 100), 200),
    creditCode: optionalChecked(checkCreditCode, 40),
    enterpriseType: z.enum(enterpriseTypes, { error: 'validation.invalidType' }).optional(),
    registeredAddress: AddressSchema.optional(),
    legalRepresentative: optionalChecked(checkPersonName, 60),
    agentName: optionalChecked(checkPersonName, 60),
    agentIdNumber: optionalChecked((raw) => checkDocumentNumber('resident_id', raw), 40),
    agentMobile: optionalChecked(checkMobile, 30),
    phone: optionalChecked(checkPhone, 40),
    email: optionalChecked(checkEmail, 300),
  })
  .strict();
export type EnterpriseRegistrationInput = z.input<typeof EnterpriseRegistrationSchema>;
export type EnterpriseRegistration = z.output<typeof EnterpriseRegistrationSchema>;

/** The enterprise an individual belongs to: one registered on this kiosk, or one registered elsewhere. */
export const EnterpriseLinkSchema = z.discriminatedUnion(
  'source',
  [
    z.object({ source: z.literal('kiosk'), registrationId: z.uuid({ error: 'validation.invalidType' }) }).strict(),
    z
      .object({
        source: z.literal('code'),
        creditCode: optionalChecked(checkCreditCode, 40).refine((code) => code !== undefined, {
          error: 'validation.required',
        }),
      })
      .strict(),
  ],
  { error: 'validation.invalidType' },
);
export type EnterpriseLink = z.output<typeof EnterpriseLinkSchema>;

const IsoDateSchema = z
  .string({ error: 'validation.invalidType' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'registration.birthDate.invalid' });

export const GuardianSchema = z
  .object({
    name: optionalChecked(checkPersonName, 60),
    idType: z.enum(documentTypes, { error: 'validation.invalidType' }).default('resident_id'),
    idNumber: z.string({ error: 'validation.invalidType' }).max(40, { error: 'validation.tooLong' }).optional(),
  })
  .strict();
export type Guardian = z.output<typeof GuardianSchema>;

export const IndividualRegistrationSchema = z
  .object({
    kind: z.literal('individual', { error: 'validation.invalidType' }),
    name: optionalChecked(checkPersonName, 60),
    idType: z.enum(documentTypes, { error: 'validation.invalidType' }).default('resident_id'),
    /** Checked by type in `checkRegistrationRules`, which knows the capture date. */
    idNumber: z.string({ error: 'validation.invalidType' }).max(40, { error: 'validation.tooLong' }).optional(),
    sex: z.enum(['male', 'female'], { error: 'validation.invalidType' }).optional(),
    birthDate: IsoDateSchema.optional(),
    /** 所在城市: a city-level division code. */
    cityCode: DivisionCodeSchema.optional(),
    mobile: optionalChecked(checkMobile, 30),
    email: optionalChecked(checkEmail, 300),
    enterprise: EnterpriseLinkSchema.optional(),
    position: optionalChecked(checkFreeText(1, 40), 80),
    /** Required when the registrant is under 14 on the capture date (PIPL art. 31). */
    guardian: GuardianSchema.optional(),
  })
  .strict();
export type IndividualRegistrationInput = z.input<typeof IndividualRegistrationSchema>;
export type IndividualRegistration = z.output<typeof IndividualRegistrationSchema>;

export const RegistrationPayloadSchema = z.discriminatedUnion('kind', [
  EnterpriseRegistrationSchema,
  IndividualRegistrationSchema,
]);
export type RegistrationPayloadInput = z.input<typeof RegistrationPayloadSchema>;
export type RegistrationPayload = z.output<typeof RegistrationPayloadSchema>;
