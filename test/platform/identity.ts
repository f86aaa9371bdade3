// The platform's own Ed25519 key: it signs batch receipts and the agreement feed, and kiosks get its
// public half at enrolment. Created on the first start of a data dir and kept in its database.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { keyIdOf, rawPublicKey } from '../../electron/core/consent/ed25519';
import type { PlatformDb } from './db';

export interface PlatformIdentity {
  privateKey: KeyObject;
  /** Raw 32 bytes, base64. */
  publicKey: string;
  keyId: string;
  /** Base64 Ed25519 signature over the UTF-8 bytes of `text`. */
  sign(text: string): string;
}

function identityOf(privateKey: KeyObject): PlatformIdentity {
  const raw = rawPublicKey(privateKey);
  return {
    privateKey,
    publicKey: raw.toString('base64'),
    keyId: keyIdOf(raw),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

export function ensurePlatformIdentity(db: PlatformDb, now: Date): PlatformIdentity {
  const row = db.prepare('SELECT private_key_pkcs8 FROM platform_identity WHERE id = 1').get() as { private_key_pkcs8: string } | undefined;
  if (row) return identityOf(createPrivateKey({ key: Buffer.from(row.private_key_pkcs8, 'base64'), format: 'der', type: 'pkcs8' }));
  const { privateKey } = generateKeyPairSync('ed25519');
  const identity = identityOf(privateKey);
  db.prepare('INSERT INTO platform_identity (id, private_key_pkcs8, public_key, key_id, created_at) VALUES (1, ?, ?, ?, ?)').run(
    privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    identity.publicKey,
    identity.keyId,
    now.toISOString(),
  );
  return identity;
}
