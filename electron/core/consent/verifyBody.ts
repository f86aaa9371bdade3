// The checks every copy of a snapshot gets, wherever it is read from (the kiosk's database or an
// evidence package): its hash, its format, and the kiosk's signature over it.
import type { KeyObject } from 'node:crypto';
import { parseSnapshotBody, type ConsentSnapshotBody } from './body';
import { sha256Hex, verifyText } from './ed25519';
import { readPngHeader } from './png';

export type ConsentCheck =
  | 'identity'
  | 'chain_seq'
  | 'chain_link'
  | 'body_hash'
  | 'body_format'
  | 'signature'
  | 'record'
  | 'agreement_missing'
  | 'agreement_hash'
  | 'agreement_text'
  | 'image_missing'
  | 'image_hash'
  | 'image_format'
  | 'consent_text'
  | 'package';

/** One thing that does not hold. `detail` carries ids and hashes only, never personal data. */
export interface CheckFailure {
  check: ConsentCheck;
  detail: string;
}

export interface SignedSnapshot {
  body: string;
  sha256: string;
  signature: string;
  keyId: string;
}

export interface VerifyingKey {
  kioskId: string;
  keyId: string;
  publicKey: KeyObject;
}

/**
 * The parsed body when it is well-formed (even if other checks failed), and what failed. `verify`
 * is `verifyText` unless the caller checked the signature ahead (the platform, a batch at a time).
 */
export function verifySignedBody(
  snapshot: SignedSnapshot,
  key: VerifyingKey,
  verify: (publicKey: KeyObject, message: string, signature: string) => boolean = verifyText,
): { body: ConsentSnapshotBody | null; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  if (sha256Hex(snapshot.body) !== snapshot.sha256) {
    failures.push({ check: 'body_hash', detail: `body does not hash to ${snapshot.sha256}` });
  }
  if (snapshot.keyId !== key.keyId) {
    failures.push({ check: 'signature', detail: `signed with key ${snapshot.keyId}, the kiosk's key is ${key.keyId}` });
  } else if (!verify(key.publicKey, snapshot.body, snapshot.signature)) {
    failures.push({ check: 'signature', detail: `Ed25519 signature does not verify with key ${key.keyId}` });
  }
  const parsed = parseSnapshotBody(snapshot.body);
  if (!parsed.ok) {
    failures.push({ check: 'body_format', detail: parsed.reason });
    return { body: null, failures };
  }
  const { body } = parsed;
  if (body.key_id !== snapshot.keyId) failures.push({ check: 'record', detail: `body names key ${body.key_id}` });
  if (body.kiosk_id !== key.kioskId) failures.push({ check: 'record', detail: `body names kiosk ${body.kiosk_id}, expected ${key.kioskId}` });
  return { body, failures };
}

/** The image's own header must give the size the signed body records. */
export function checkImageSize(image: Buffer, signed: ConsentSnapshotBody['signature']): CheckFailure[] {
  try {
    const { width, height } = readPngHeader(image);
    if (width === signed.width && height === signed.height) return [];
    return [{ check: 'image_format', detail: `image is ${width}x${height}, snapshot says ${signed.width}x${signed.height}` }];
  } catch (error) {
    return [{ check: 'image_format', detail: error instanceof Error ? error.message : String(error) }];
  }
}
