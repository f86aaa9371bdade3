// An evidence package: one registration's snapshot with everything needed to verify it and nothing
// else — what the platform or an auditor receives. JSON files are canonical JSON plus a newline so
// that every byte is determined by the content: any changed byte either breaks the form or
// changes a value that is checked. Format in README.md.
import { z } from 'zod';
import { canonicalJson } from './body';

export const PACKAGE_FORMAT = 'kiosk-consent-evidence';
export const PACKAGE_FORMAT_VERSION = 1;

export const packageFiles = {
  manifest: 'manifest.json',
  snapshot: 'snapshot.json',
  signatureImage: 'signature.png',
  agreement: 'agreement.txt',
  publicKey: 'kiosk-public-key.json',
} as const;

/** Consent item ids become file names; anything else could climb out of the package folder. */
const CONSENT_ITEM = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function consentTextFile(item: string): string {
  if (!CONSENT_ITEM.test(item)) throw new Error(`consent item ${JSON.stringify(item)} cannot name a file`);
  return `consents/${item}.txt`;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    format_version: z.literal(PACKAGE_FORMAT_VERSION),
    registration_id: z.string().min(1),
    files: z.record(z.string(), hex64),
  })
  .strict();

export const SnapshotFileSchema = z.object({ body: z.string(), sha256: hex64, signature: z.string(), key_id: hex64 }).strict();

export const PublicKeyFileSchema = z.object({ kiosk_id: z.string().min(1), key_id: hex64, public_key: z.string() }).strict();

export function jsonFile(value: unknown): Buffer {
  return Buffer.from(`${canonicalJson(value)}\n`, 'utf8');
}

/**
 * Reads a package JSON file, accepting only the exact bytes `jsonFile` writes for its content.
 * Returns why not, otherwise.
 */
export function readJsonFile<S extends z.ZodType>(bytes: Buffer, schema: S): { ok: true; value: z.output<S> } | { ok: false; reason: string } {
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!jsonFile(value).equals(bytes)) return { ok: false, reason: 'not canonical JSON followed by one newline' };
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `unexpected fields or values: ${parsed.error.issues.map((i) => i.path.join('.') || '(file)').join(', ')}` };
  return { ok: true, value: parsed.data };
}
