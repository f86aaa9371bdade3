// What the renderer sends to save a registration: the registrant's data and the facts of the
// signing. Core checks every fact and builds and signs the consent snapshot itself
// (electron/core/consent/README.md); nothing here is trusted because the page says so.
import { z } from 'zod';
import { documentTypes } from '../validation/document';
import { RegistrationPayloadSchema } from './registrationPayload';

export const signerRoles = ['legal_representative', 'agent', 'self', 'guardian'] as const;
export type SignerRole = (typeof signerRoles)[number];

/** Base64 of at most this many bytes of PNG (core also bounds the image's pixel size). */
export const MAX_SIGNATURE_PNG_BYTES = 1_000_000;

const IsoTimestamp = z
  .string({ error: 'validation.invalidType' })
  .max(40, { error: 'validation.tooLong' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/, { error: 'validation.invalidType' });

const Hex64 = z.string({ error: 'validation.invalidType' }).regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidType' });

export const SigningFactsSchema = z
  .object({
    agreement: z
      .object({
        id: z.string({ error: 'validation.invalidType' }).min(1).max(64),
        version: z.string({ error: 'validation.invalidType' }).min(1).max(32),
        sha256: Hex64,
      })
      .strict(),
    reading: z
      .object({
        openedAt: IsoTimestamp,
        reachedEndAt: IsoTimestamp.nullable(),
        durationMs: z.number({ error: 'validation.invalidType' }).int().nonnegative().max(86_400_000),
      })
      .strict(),
    consents: z
      .array(
        z
          .object({
            item: z.string({ error: 'validation.invalidType' }).min(1).max(48),
            granted: z.boolean({ error: 'validation.invalidType' }),
            at: IsoTimestamp,
          })
          .strict(),
      )
      .max(20),
    signer: z
      .object({
        name: z.string({ error: 'validation.invalidType' }).max(60, { error: 'validation.tooLong' }),
        role: z.enum(signerRoles, { error: 'validation.invalidType' }),
        idType: z.enum(documentTypes, { error: 'validation.invalidType' }),
        idNumber: z.string({ error: 'validation.invalidType' }).max(40, { error: 'validation.tooLong' }),
      })
      .strict(),
    /** The handwritten signature as PNG, base64. */
    signaturePng: z
      .string({ error: 'validation.invalidType' })
      .max(Math.ceil(MAX_SIGNATURE_PNG_BYTES / 3) * 4, { error: 'validation.tooLong' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalidType' }),
  })
  .strict();
export type SigningFacts = z.output<typeof SigningFactsSchema>;

export const RegistrationSubmissionSchema = z
  .object({
    registration: RegistrationPayloadSchema,
    signing: SigningFactsSchema,
    /** Why the operator goes on although the same ID number / credit code is registered here already. */
    duplicateReason: z.string({ error: 'validation.invalidType' }).trim().max(200, { error: 'validation.tooLong' }).optional(),
    /** The record this one corrects (a correction is a new record; the original is never edited). */
    supersedes: z.uuid({ error: 'validation.invalidType' }).optional(),
  })
  .strict();
export type RegistrationSubmissionInput = z.input<typeof RegistrationSubmissionSchema>;
export type RegistrationSubmission = z.output<typeof RegistrationSubmissionSchema>;

/** A consent as asked on screen, with its text in the language shown. */
export const ConsentItemViewSchema = z.object({
  item: z.string(),
  required: z.boolean(),
  separate: z.boolean(),
  /** Where the agreement asks for it, e.g. `五（五）1`. */
  clause: z.string().nullable(),
  text: z.string(),
});
export type ConsentItemView = z.infer<typeof ConsentItemViewSchema>;

/** The consent a guardian gives for a registrant under 14 (PIPL art. 31), asked in addition. */
export const GUARDIAN_CONSENT = 'guardian';

/** Everything a new registration of one kind needs from the active profile. */
export const RegistrationFormSpecSchema = z.object({
  kind: z.enum(['enterprise', 'individual']),
  profileId: z.string(),
  requiredFields: z.array(z.string()),
  consents: z.array(ConsentItemViewSchema),
  /** Asked in addition when the registrant is under 14. */
  guardianConsent: ConsentItemViewSchema,
  /** The capture date in Asia/Shanghai (YYYY-MM-DD), for the age rules. */
  today: z.string(),
});
export type RegistrationFormSpec = z.infer<typeof RegistrationFormSpecSchema>;

/** An earlier registration with the same ID number or credit code (matched by keyed hash). */
export const DuplicateMatchSchema = z.object({
  id: z.string(),
  number: z.string(),
  createdAt: z.string(),
  state: z.string(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;
