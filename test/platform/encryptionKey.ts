// The platform's X25519 key for offline (USB) batch files: kiosks get its public half at enrolment
// (`platform_encryption_key`) and encrypt batch files to it. Created on first use of a data dir and
// kept in the platform's database next to its signing key (docs/sync-offline-transfer.md).
import type { KeyObject } from 'node:crypto';
import { encryptionPrivateKey, newEncryptionKeyPair } from '../../electron/core/sync/offlineFile';
import type { PlatformDb } from './db';

export interface PlatformEncryptionKey {
  privateKey: KeyObject;
  /** Raw 32 bytes, base64. */
  publicKey: string;
}

export function ensurePlatformEncryptionKey(db: PlatformDb, now: Date): PlatformEncryptionKey {
  db.exec(`CREATE TABLE IF NOT EXISTS platform_encryption_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    private_key_pkcs8 TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT private_key_pkcs8, public_key FROM platform_encryption_key WHERE id = 1').get() as
    | { private_key_pkcs8: string; public_key: string }
    | undefined;
  if (row) return { privateKey: encryptionPrivateKey(Buffer.from(row.private_key_pkcs8, 'base64')), publicKey: row.public_key };
  const pair = newEncryptionKeyPair();
  db.prepare('INSERT INTO platform_encryption_key (id, private_key_pkcs8, public_key, created_at) VALUES (1, ?, ?, ?)').run(
    pair.privateKeyDer.toString('base64'),
    pair.publicKey,
    now.toISOString(),
  );
  return { privateKey: encryptionPrivateKey(pair.privateKeyDer), publicKey: pair.publicKey };
}
