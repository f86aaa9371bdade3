// Verifies an evidence package with nothing but its own files (and, if the verifier has it from
// elsewhere, the kiosk key id it expects): what the platform or an auditor does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ConsentSnapshotBody } from './body';
import { decodeStrictBase64, keyIdOf, PUBLIC_KEY_BYTES, publicKeyFromRaw, sha256Hex } from './ed25519';
import { consentTextFile, ManifestSchema, packageFiles, PublicKeyFileSchema, readJsonFile, SnapshotFileSchema } from './evidencePackage';
import { checkImageSize, verifySignedBody, type CheckFailure, type VerifyingKey } from './verifyBody';

export interface PackageReport {
  ok: boolean;
  registrationId: string | null;
  /** The snapshot's hash (what a receipt's QR code carries). */
  sha256: string | null;
  keyId: string | null;
  failures: CheckFailure[];
}

/**
 * Every file under `dir`, by its path relative to `dir` with `/` separators. Anything that is not
 * a regular file (a link, a device) is listed empty, so it fails the manifest check.
 */
export function readPackageDir(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), entry.isFile() ? readFileSync(path) : Buffer.alloc(0));
    }
  };
  walk(dir);
  return files;
}

const fail = (detail: string): CheckFailure => ({ check: 'package', detail });

function readKey(bytes: Buffer | undefined, expectedKeyId: string | null): { key: VerifyingKey | null; failures: CheckFailure[] } {
  if (!bytes) return { key: null, failures: [fail(`${packageFiles.publicKey} is missing`)] };
  const file = readJsonFile(bytes, PublicKeyFileSchema);
  if (!file.ok) return { key: null, failures: [fail(`${packageFiles.publicKey}: ${file.reason}`)] };
  const raw = decodeStrictBase64(file.value.public_key);
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) return { key: null, failures: [fail('public_key is not 32 bytes of base64')] };
  const keyId = keyIdOf(raw);
  const failures: CheckFailure[] = [];
  if (keyId !== file.value.key_id) failures.push(fail(`key_id ${file.value.key_id} is not the SHA-256 of the public key (${keyId})`));
  if (expectedKeyId !== null && keyId !== expectedKeyId) failures.push(fail(`the package's key ${keyId} is not the expected key ${expectedKeyId}`));
  return { key: { kioskId: file.value.kiosk_id, keyId, publicKey: publicKeyFromRaw(raw) }, failures };
}

function checkManifest(files: ReadonlyMap<string, Buffer>): { registrationId: string | null; failures: CheckFailure[] } {
  const bytes = files.get(packageFiles.manifest);
  if (!bytes) return { registrationId: null, failures: [fail(`${packageFiles.manifest} is missing`)] };
  const manifest = readJsonFile(bytes, ManifestSchema);
  if (!manifest.ok) return { registrationId: null, failures: [fail(`${packageFiles.manifest}: ${manifest.reason}`)] };
  const failures: CheckFailure[] = [];
  const listed = manifest.value.files;
  for (const [path, sha256] of Object.entries(listed)) {
    const content = files.get(path);
    if (!content) failures.push(fail(`${path} is listed but missing`));
    else if (sha256Hex(content) !== sha256) failures.push(fail(`${path} does not hash to ${sha256}`));
  }
  for (const path of files.keys()) {
    if (path !== packageFiles.manifest && !Object.hasOwn(listed, path)) failures.push(fail(`${path} is not listed in the manifest`));
  }
  return { registrationId: manifest.value.registration_id, failures };
}

/** The files the signed body names must be there, byte for byte, and nothing it does not name. */
function checkNamedFiles(body: ConsentSnapshotBody, files: ReadonlyMap<string, Buffer>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const expected = new Set<string>(Object.values(packageFiles));
  const agreement = files.get(packageFiles.agreement);
  if (!agreement || sha256Hex(agreement) !== body.agreement.sha256) {
    failures.push({ check: 'agreement_text', detail: `${packageFiles.agreement} does not hash to ${body.agreement.sha256}` });
  }
  const image = files.get(packageFiles.signatureImage);
  if (!image || sha256Hex(image) !== body.signature.sha256) {
    failures.push({ check: 'image_hash', detail: `${packageFiles.signatureImage} does not hash to ${body.signature.sha256}` });
  } else {
    failures.push(...checkImageSize(image, body.signature));
  }
  for (const { item, text_sha256 } of body.consents) {
    let path: string;
    try {
      path = consentTextFile(item);
    } catch (error) {
      failures.push({ check: 'consent_text', detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    expected.add(path);
    const text = files.get(path);
    if (!text || sha256Hex(text) !== text_sha256) failures.push({ check: 'consent_text', detail: `${path} does not hash to ${text_sha256}` });
  }
  for (const path of files.keys()) if (!expected.has(path)) failures.push(fail(`${path} does not belong in the package`));
  return failures;
}

/** Verifies a package given as files; `expectedKeyId` pins the kiosk key the verifier trusts. */
export function verifyEvidencePackage(files: ReadonlyMap<string, Buffer>, expectedKeyId: string | null = null): PackageReport {
  const manifest = checkManifest(files);
  const { key, failures: keyFailures } = readKey(files.get(packageFiles.publicKey), expectedKeyId);
  const failures = [...manifest.failures, ...keyFailures];
  const report = (sha256: string | null): PackageReport => ({
    ok: failures.length === 0,
    registrationId: manifest.registrationId,
    sha256,
    keyId: key?.keyId ?? null,
    failures,
  });
  const snapshotBytes = files.get(packageFiles.snapshot);
  const snapshot = snapshotBytes ? readJsonFile(snapshotBytes, SnapshotFileSchema) : { ok: false as const, reason: 'missing' };
  if (!snapshot.ok) {
    failures.push(fail(`${packageFiles.snapshot}: ${snapshot.reason}`));
    return report(null);
  }
  if (!key) return report(snapshot.value.sha256);
  const { body, sha256, signature, key_id: keyId } = snapshot.value;
  const signed = verifySignedBody({ body, sha256, signature, keyId }, key);
  failures.push(...signed.failures);
  if (signed.body) {
    if (signed.body.record_id !== manifest.registrationId) {
      failures.push({ check: 'record', detail: `manifest names registration ${manifest.registrationId}, the body ${signed.body.record_id}` });
    }
    failures.push(...checkNamedFiles(signed.body, files));
  }
  return report(sha256);
}
