// Agreement versions as they cross the API: identifiers, effective dates, the imported document and
// what lists show. The importer in electron/core/agreements produces these shapes; the renderer
// reads them.
import { z } from 'zod';

/** An agreement's stable id, shared by all its versions: `qingdao-registration`. */
export const AgreementIdSchema = z
  .string({ error: 'validation.invalidType' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: 'agreements.field.agreementId' });

/** A version label as the platform names it: `1.0`, `2024-05`, `v3`. */
export const VersionLabelSchema = z
  .string({ error: 'validation.invalidType' })
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, { error: 'agreements.field.version' });

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * When a version takes effect, as an ISO instant in UTC (`2024-01-01T16:00:00.000Z`), so that stored
 * values compare correctly as strings. A bare date (`2024-01-02`) means midnight in China Standard
 * Time, the way a platform announces it; a date-time must carry its offset.
 */
export function normalizeEffectiveFrom(raw: string): string | null {
  const text = raw.trim();
  const date = DATE_ONLY.exec(text);
  const instant = date ? new Date(`${text}T00:00:00+08:00`) : DATE_TIME.test(text) ? new Date(text) : null;
  if (!instant || Number.isNaN(instant.getTime())) return null;
  // Date rolls 2024-02-30 over into March; a date that does not round-trip does not exist.
  if (date) {
    const shanghai = new Date(instant.getTime() + 8 * 3600_000);
    if (shanghai.getUTCDate() !== Number(date[3]) || shanghai.getUTCMonth() + 1 !== Number(date[2])) return null;
  }
  const year = instant.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? instant.toISOString() : null;
}

export const EffectiveFromSchema = z.string({ error: 'validation.invalidType' }).transform((raw, ctx) => {
  const normalized = normalizeEffectiveFrom(raw);
  if (normalized) return normalized;
  ctx.addIssue({ code: 'custom', message: 'agreements.field.effectiveFrom' });
  return z.NEVER;
});

/** Largest agreement file accepted, before base64: agreements are tens of kilobytes. */
export const MAX_AGREEMENT_BYTES = 2 * 1024 * 1024;

export const AgreementFileSchema = {
  fileName: z
    .string({ error: 'validation.invalidType' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(255, { error: 'validation.tooLong' }),
  contentBase64: z
    .base64({ error: 'agreements.field.file' })
    .max(Math.ceil(MAX_AGREEMENT_BYTES / 3) * 4, { error: 'agreements.field.fileTooLarge' }),
};

export interface AgreementSection {
  number: string | null;
  heading: string | null;
  opening: string;
  paragraphs: string[];
  sections: AgreementSection[];
}

export const AgreementSectionSchema: z.ZodType<AgreementSection> = z.lazy(() =>
  z.object({
    number: z.string().nullable(),
    heading: z.string().nullable(),
    opening: z.string(),
    paragraphs: z.array(z.string()),
    sections: z.array(AgreementSectionSchema),
  }),
);

export const AgreementDocumentSchema = z.object({
  title: z.string(),
  publishedAt: z.string().nullable(),
  titleLine: z.string(),
  dateLine: z.string().nullable(),
  preamble: z.array(z.string()),
  sections: z.array(AgreementSectionSchema),
});
export type AgreementDocument = z.infer<typeof AgreementDocumentSchema>;

export const importWarningCodes = [
  'heading_guess',
  'numbering_sequence',
  'numbering_ignored',
  'joined_across_blank_line',
  'paragraph_after_list',
] as const;

export const ImportWarningSchema = z.object({
  line: z.number().int().positive(),
  code: z.enum(importWarningCodes),
  text: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

export const AgreementPreviewSchema = z.object({
  document: AgreementDocumentSchema,
  canonicalSha256: z.string(),
  sourceSha256: z.string(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030']),
  format: z.enum(['text', 'markdown']),
  warnings: z.array(ImportWarningSchema),
});
export type AgreementPreview = z.infer<typeof AgreementPreviewSchema>;

/** Where a version stands at the moment a list was made. */
export const versionStatuses = ['active', 'scheduled', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** A stored version without its texts: what lists show. */
export const AgreementVersionSummarySchema = z.object({
  agreementId: z.string(),
  version: z.string(),
  title: z.string(),
  locale: z.string(),
  effectiveFrom: z.string(),
  supersedes: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sourceFile: z.string(),
  sourceSha256: z.string(),
  canonicalSha256: z.string(),
  warningCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  status: z.enum(versionStatuses),
});
export type AgreementVersionSummary = z.infer<typeof AgreementVersionSummarySchema>;

export const AgreementImportOutcomeSchema = AgreementVersionSummarySchema.extend({
  /** False when exactly this version was already stored: importing it again changes nothing. */
  stored: z.boolean(),
});
export type AgreementImportOutcome = z.infer<typeof AgreementImportOutcomeSchema>;

/** The text a registrant is shown: the version in force for the active profile and the kind. */
export const CurrentAgreementSchema = z.object({
  profileId: z.string(),
  agreementId: z.string(),
  version: z.string(),
  title: z.string(),
  locale: z.string(),
  effectiveFrom: z.string(),
  canonicalSha256: z.string(),
  document: AgreementDocumentSchema,
});
export type CurrentAgreement = z.infer<typeof CurrentAgreementSchema>;
