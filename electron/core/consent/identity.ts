// The kiosk's identity: a kiosk id, an Ed25519 key pair and a secret for keyed hashes of ID
// numbers. Created once, on first start; the private parts live only in the key store, the public
// part in `kiosk_identity`. A stored identity whose keys are gone is refused, never replaced: a new
// key would silently orphan every snapshot signed so far.
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { count } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { consentSnapshots, kioskIdentity } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { KeyStore } from '../platform/keyStore';
import type { Logger } from '../platform/logger';
import { keyIdOf, rawPublicKey } from './ed25519';

export const SIGNING_KEY_NAME = 'signing';
export const ID_HASH_KEY_NAME = 'id-hash';
const ID_HASH_KEY_BYTES = 32;

export type KioskIdentityErrorCode =
  | 'signing_key_missing'
  | 'signing_key_unreadable'
  | 'signing_key_mismatch'
  | 'id_hash_key_missing'
  | 'id_hash_key_unreadable'
  | 'identity_missing';

/** Start-up refusal; `startupErrorMessage` turns the code into a sentence a person can act on. */
export class KioskIdentityError extends Error {
  constructor(
    readonly code: KioskIdentityErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'KioskIdentityError';
  }
}

/** What anyone may know about the kiosk: it goes into every snapshot and every evidence package. */
export interface KioskIdentity {
  kioskId: string;
  /** SHA-256 (hex) of the raw public key. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  createdAt: string;
}

export interface KioskKeys {
  identity: KioskIdentity;
  signingKey: KeyObject;
  /** HMAC key of `idNumberHash`; never leaves the kiosk. */
  idHashKey: Buffer;
}

/** Keyed hash of a normalised ID number: lets records be matched without storing the number. */
export function idNumberHash(idHashKey: Uint8Array, normalizedIdNumber: string): string {
  return createHmac('sha256', idHashKey).update(normalizedIdNumber, 'utf8').digest('hex');
}

function loadSigningKey(keyStore: KeyStore): KeyObject | null {
  const der = keyStore.load(SIGNING_KEY_NAME);
  if (!der) return null;
  try {
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key type ${String(key.asymmetricKeyType)}`);
    return key;
  } catch (error) {
    throw new KioskIdentityError('signing_key_unreadable', error instanceof Error ? error.message : String(error));
  }
}

function loadIdHashKey(keyStore: KeyStore): Buffer | null {
  const key = keyStore.load(ID_HASH_KEY_NAME);
  if (key && key.length !== ID_HASH_KEY_BYTES) {
    throw new KioskIdentityError('id_hash_key_unreadable', `expected ${ID_HASH_KEY_BYTES} bytes, found ${key.length}`);
  }
  return key;
}

function existingKeys(row: typeof kioskIdentity.$inferSelect, keyStore: KeyStore): KioskKeys {
  const signingKey = loadSigningKey(keyStore);
  if (!signingKey) throw new KioskIdentityError('signing_key_missing', `kiosk ${row.kioskId} has no signing key in the key store`);
  const publicKey = rawPublicKey(signingKey).toString('base64');
  if (publicKey !== row.publicKey) {
    throw new KioskIdentityError('signing_key_mismatch', `the stored signing key does not belong to key id ${row.keyId}`);
  }
  const idHashKey = loadIdHashKey(keyStore);
  if (!idHashKey) throw new KioskIdentityError('id_hash_key_missing', `kiosk ${row.kioskId} has no id-hash key in the key store`);
  const { kioskId, keyId, createdAt } = row;
  return { identity: { kioskId, keyId, publicKey, createdAt }, signingKey, idHashKey };
}

export interface IdentityDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  keyStore: KeyStore;
  logger: Logger;
}

/**
 * The kiosk's identity and keys; created on first start. Keys are saved before the row is written,
 * so a crash in between leaves keys without a row, which the next start adopts.
 */
export function ensureKioskIdentity({ db, sqlite, clock, keyStore, logger }: IdentityDeps): KioskKeys {
  const row = db.select().from(kioskIdentity).get();
  if (row) return existingKeys(row, keyStore);
  const signed = db.select({ n: count() }).from(consentSnapshots).get()?.n ?? 0;
  if (signed > 0) {
    throw new KioskIdentityError('identity_missing', `${signed} consent snapshots exist but kiosk_identity is empty`);
  }
  let signingKey = loadSigningKey(keyStore);
  if (!signingKey) {
    signingKey = generateKeyPairSync('ed25519').privateKey;
    keyStore.save(SIGNING_KEY_NAME, signingKey.export({ format: 'der', type: 'pkcs8' }));
  }
  let idHashKey = loadIdHashKey(keyStore);
  if (!idHashKey) {
    idHashKey = randomBytes(ID_HASH_KEY_BYTES);
    keyStore.save(ID_HASH_KEY_NAME, idHashKey);
  }
  const raw = rawPublicKey(signingKey);
  const at = clock.now();
  const identity: KioskIdentity = {
    kioskId: uuidv7({ msecs: at.getTime() }),
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64'),
    createdAt: at.toISOString(),
  };
  sqlite.transaction(() => {
    db.insert(kioskIdentity).values({ id: 1, ...identity }).run();
    appendAudit(db, {
      at: identity.createdAt,
      actor: null,
      action: 'kiosk.identity.created',
      subject: identity.kioskId,
      details: { keyId: identity.keyId },
    });
  }).immediate();
  logger.child('consent').log('info', 'kiosk.identity.created', { kioskId: identity.kioskId, keyId: identity.keyId });
  return { identity, signingKey, idHashKey };
}

/** The stored identity, or null before first start; for tools that only verify. */
export function readKioskIdentity(db: Db): KioskIdentity | null {
  const row = db.select().from(kioskIdentity).get();
  if (!row) return null;
  const { kioskId, keyId, publicKey, createdAt } = row;
  return { kioskId, keyId, publicKey, createdAt };
}
