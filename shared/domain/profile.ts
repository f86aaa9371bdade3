// Platform profiles: which platform a kiosk serves, which agreement each kind of registrant signs,
// which fields are required and which consents are asked. The files live in resources/profiles;
// the rules below are product rules (product.md, steps 4-5), so a profile that breaks one is refused
// at start instead of producing an unlawful consent screen.
import { z } from 'zod';
import { registrationKinds, type RegistrationKind } from './registration';
import { AgreementIdSchema, EffectiveFromSchema, VersionLabelSchema } from './agreement';

/** The field catalogue of product.md; a profile chooses which of them are required. */
export const enterpriseFieldIds = [
  'enterpriseName',
  'creditCode',
  'enterpriseType',
  'registeredAddress',
  'legalRepresentative',
  'agentName',
  'agentIdNumber',
  'agentMobile',
  'phone',
  'email',
] as const;
export const individualFieldIds = [
  'name',
  'idType',
  'idNumber',
  'sex',
  'birthDate',
  'city',
  'mobile',
  'email',
  'enterprise',
  'position',
] as const;

export type EnterpriseFieldId = (typeof enterpriseFieldIds)[number];
export type IndividualFieldId = (typeof individualFieldIds)[number];

/** The two consents every profile asks for; everything else a profile adds is optional. */
export const AGREEMENT_CONSENT = 'agreement';
export const SENSITIVE_CONSENT = 'sensitive-personal-information';

export const ProfileIdSchema = z
  .string({ error: 'validation.invalidType' })
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, { error: 'validation.invalidType' });

/** A text in every UI language (shared/i18n/catalog.ts `locales`). */
const LocalizedTextSchema = z.object({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

const ProfileAgreementSchema = z
  .object({
    agreementId: AgreementIdSchema,
    /** The version shipped with the app and stored at first start; newer ones are imported. */
    version: VersionLabelSchema,
    effectiveFrom: EffectiveFromSchema,
    /** Path inside the resources folder of the file the shipped version is imported from. */
    file: z.string().regex(/^agreements\/[^/\\]+\.(?:txt|md)$/),
  })
  .strict();

const ConsentItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/),
    /** Kinds of registration that are asked this consent. */
    kinds: z.array(z.enum(registrationKinds)).min(1),
    required: z.boolean(),
    /** Asked with its own control, not bundled into agreeing to the agreement. */
    separate: z.boolean(),
    /** Where the agreement asks for it, e.g. `五（五）1`, so a reviewer can check the text against it. */
    clause: z.string().optional(),
    text: LocalizedTextSchema,
  })
  .strict();

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

export const ProfileSchema = z
  .object({
    id: ProfileIdSchema,
    displayName: LocalizedTextSchema,
    agreements: z.object({ enterprise: ProfileAgreementSchema, individual: ProfileAgreementSchema }).strict(),
    requiredFields: z
      .object({
        enterprise: z.array(z.enum(enterpriseFieldIds)).min(1).refine(unique, 'a field is listed twice'),
        individual: z.array(z.enum(individualFieldIds)).min(1).refine(unique, 'a field is listed twice'),
      })
      .strict(),
    consents: z.array(ConsentItemSchema).min(2),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', path: ['consents'], message });
    if (!unique(profile.consents.map((consent) => consent.id))) problem('a consent id is used twice');
    for (const kind of registrationKinds) {
      const agreement = consentFor(profile, kind, AGREEMENT_CONSENT);
      if (!agreement?.required) problem(`${kind}: the agreement itself must be a required consent`);
      const sensitive = consentFor(profile, kind, SENSITIVE_CONSENT);
      if (!sensitive?.required || !sensitive.separate) {
        problem(`${kind}: sensitive personal information needs a required, separate consent`);
      }
    }
    for (const consent of profile.consents) {
      if (consent.id === AGREEMENT_CONSENT || consent.id === SENSITIVE_CONSENT) continue;
      // Refusing an optional consent must never block registration, so nothing else may be required,
      // and what is optional is asked on its own.
      if (consent.required || !consent.separate) problem(`${consent.id}: other consents must be optional and separate`);
    }
    const { enterprise, individual } = profile.agreements;
    if (enterprise.agreementId === individual.agreementId && enterprise.version === individual.version) {
      if (enterprise.effectiveFrom !== individual.effectiveFrom || enterprise.file !== individual.file) {
        ctx.addIssue({ code: 'custom', path: ['agreements'], message: 'one version with two dates or files' });
      }
    }
  });

export type Profile = z.output<typeof ProfileSchema>;
export type ConsentItem = Profile['consents'][number];

export function consentFor(
  profile: Pick<Profile, 'consents'>,
  kind: RegistrationKind,
  id: string,
): ConsentItem | undefined {
  return profile.consents.find((consent) => consent.id === id && consent.kinds.includes(kind));
}

export const ProfileListSchema = z.object({
  activeId: z.string(),
  profiles: z.array(ProfileSchema),
});
export type ProfileList = z.infer<typeof ProfileListSchema>;
