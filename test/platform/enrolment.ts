// Enrolment: a one-time code, typed at the kiosk, binds the kiosk's id to its Ed25519 key and gives
// it a bearer credential. The platform keeps hashes of codes and credentials only. Re-sending the
// same code with the same kiosk id and key (the answer was lost) issues a fresh credential and
// voids the old one; any other use of a spent code is refused.
import { createHash, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { keyIdOf, publicKeyFromRaw } from '../../electron/core/consent/ed25519';
import type { EnrolmentRequest } from '../../shared/sync';
import type { PlatformDb } from './db';
import { ensurePlatformEncryptionKey } from './encryptionKey';
import { HttpError, type Reply } from './http';
import type { PlatformIdentity } from './identity';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Case, spaces and dashes do not matter when a person types a code. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A new one-time code, `XXXX-XXXX-XXXX` (60 bits), stored as its hash. */
export function issueEnrolmentCode(db: PlatformDb, now: Date): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  db.prepare('INSERT INTO enrolment_codes (code_sha256, created_at) VALUES (?, ?)').run(sha256(chars), now.toISOString());
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

export interface EnrolledKiosk {
  kioskId: string;
  keyId: string;
  publicKey: KeyObject;
}

interface CodeRow {
  used_at: string | null;
  used_by_kiosk: string | null;
  used_with_key: string | null;
}

export function enrol(db: PlatformDb, identity: PlatformIdentity, request: EnrolmentRequest, now: Date): Reply {
  const raw = Buffer.from(request.public_key, 'base64');
  try {
    publicKeyFromRaw(raw);
  } catch {
    throw new HttpError(400, 'bad_request', 'public_key is not an Ed25519 public key', [{ field: 'public_key', reason: 'protocol.field.publicKey' }]);
  }
  const keyId = keyIdOf(raw);
  const codeHash = sha256(normaliseCode(request.code));
  const credential = randomBytes(32).toString('base64url');
  db.transaction(() => {
    const code = db.prepare('SELECT used_at, used_by_kiosk, used_with_key FROM enrolment_codes WHERE code_sha256 = ?').get(codeHash) as CodeRow | undefined;
    const replay = code?.used_at != null && code.used_by_kiosk === request.kiosk_id && code.used_with_key === request.public_key;
    if (!code || (code.used_at !== null && !replay)) throw new HttpError(403, 'enrolment_code_invalid', 'the enrolment code is unknown or already used');
    const kiosk = db.prepare('SELECT public_key FROM kiosks WHERE kiosk_id = ?').get(request.kiosk_id) as { public_key: string } | undefined;
    if (kiosk && kiosk.public_key !== request.public_key) {
      throw new HttpError(409, 'kiosk_key_mismatch', 'this kiosk id is enrolled with another key');
    }
    if (kiosk) {
      db.prepare('UPDATE kiosks SET credential_sha256 = ? WHERE kiosk_id = ?').run(sha256(credential), request.kiosk_id);
    } else {
      db.prepare('INSERT INTO kiosks (kiosk_id, public_key, key_id, credential_sha256, enrolled_at) VALUES (?, ?, ?, ?, ?)').run(
        request.kiosk_id,
        request.public_key,
        keyId,
        sha256(credential),
        now.toISOString(),
      );
    }
    if (!replay) {
      db.prepare('UPDATE enrolment_codes SET used_at = ?, used_by_kiosk = ?, used_with_key = ? WHERE code_sha256 = ?').run(
        now.toISOString(),
        request.kiosk_id,
        request.public_key,
        codeHash,
      );
    }
  }).immediate();
  return {
    status: 201,
    body: {
      kiosk_id: request.kiosk_id,
      key_id: keyId,
      credential,
      platform_public_key: identity.publicKey,
      platform_key_id: identity.keyId,
      platform_encryption_key: ensurePlatformEncryptionKey(db, now).publicKey,
    },
  };
}

/** The kiosk a bearer credential belongs to, or 401. */
export function authenticate(db: PlatformDb, token: string | null): EnrolledKiosk {
  const row = token
    ? (db.prepare('SELECT kiosk_id, key_id, public_key FROM kiosks WHERE credential_sha256 = ?').get(sha256(token)) as
        | { kiosk_id: string; key_id: string; public_key: string }
        | undefined)
    : undefined;
  if (!row) throw new HttpError(401, 'unauthorized', 'a valid kiosk credential is required', undefined, { 'www-authenticate': 'Bearer' });
  return { kioskId: row.kiosk_id, keyId: row.key_id, publicKey: publicKeyFromRaw(Buffer.from(row.public_key, 'base64')) };
}
