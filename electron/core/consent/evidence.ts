// Exporting one registration's evidence package from the kiosk's database.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agreementVersions, blobs, consentSnapshots } from '../db/schema';
import { writeFileDurably } from '../platform/files';
import { parseSnapshotBody } from './body';
import { sha256Hex } from './ed25519';
import { consentTextFile, jsonFile, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, packageFiles } from './evidencePackage';
import { readKioskIdentity } from './identity';

export type EvidenceErrorCode = 'no_snapshot' | 'purged' | 'incomplete' | 'out_not_empty';

export class EvidenceError extends Error {
  constructor(
    readonly code: EvidenceErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'EvidenceError';
  }
}

/** The package's files by relative path. Refuses a snapshot whose evidence is gone or unreadable. */
export function buildEvidencePackage(db: Db, registrationId: string): Map<string, Buffer> {
  const row = db.select().from(consentSnapshots).where(eq(consentSnapshots.registrationId, registrationId)).get();
  if (!row) throw new EvidenceError('no_snapshot', `registration ${registrationId} has no consent snapshot`);
  if (row.body === null) throw new EvidenceError('purged', `snapshot of ${registrationId} was purged`);
  const parsed = parseSnapshotBody(row.body);
  const identity = readKioskIdentity(db);
  if (!parsed.ok || !identity) throw new EvidenceError('incomplete', parsed.ok ? 'no kiosk identity' : parsed.reason);
  const { body } = parsed;
  const agreement = db
    .select({ text: agreementVersions.canonicalText })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, body.agreement.id), eq(agreementVersions.version, body.agreement.version)))
    .get();
  const blob = (sha256: string, what: string): Buffer => {
    const bytes = db.select({ bytes: blobs.bytes }).from(blobs).where(eq(blobs.sha256, sha256)).get()?.bytes;
    if (!bytes) throw new EvidenceError('incomplete', `${what} ${sha256} is not stored`);
    return bytes;
  };
  if (!agreement) throw new EvidenceError('incomplete', `agreement ${body.agreement.id} ${body.agreement.version} is not stored`);
  // Exported as stored, even if it no longer matches: the verifier is the one to say so.
  const files = new Map<string, Buffer>([
    [packageFiles.snapshot, jsonFile({ body: row.body, sha256: row.sha256, signature: row.signature, key_id: row.keyId })],
    [packageFiles.signatureImage, blob(body.signature.sha256, 'signature image')],
    [packageFiles.agreement, Buffer.from(agreement.text, 'utf8')],
    [packageFiles.publicKey, jsonFile({ kiosk_id: identity.kioskId, key_id: identity.keyId, public_key: identity.publicKey })],
  ]);
  for (const consent of body.consents) files.set(consentTextFile(consent.item), blob(consent.text_sha256, `text of consent ${consent.item}`));
  const hashes = Object.fromEntries([...files].map(([path, bytes]) => [path, sha256Hex(bytes)]));
  files.set(
    packageFiles.manifest,
    jsonFile({ format: PACKAGE_FORMAT, format_version: PACKAGE_FORMAT_VERSION, registration_id: registrationId, files: hashes }),
  );
  return files;
}

/** Writes a package into `dir`, which must be new or empty (an export never mixes with other files). */
export function writeEvidencePackage(dir: string, files: ReadonlyMap<string, Buffer>): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new EvidenceError('out_not_empty', dir);
  for (const [path, bytes] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    writeFileDurably(target, bytes, 0o600);
  }
}
