import { createHash, createHmac, createPrivateKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/core';
import { signRegistrations } from '../../../test/support/consent';
import { translate } from '../../../shared/i18n';
import { verifyAuditChain } from '../audit/audit';
import { auditLog, kioskIdentity } from '../db/schema';
import { FileKeyStore } from '../platform/keyStore';
import { startupErrorMessage } from '../startup';
import { publicKeyFromRaw, shortKeyId } from './ed25519';
import { ID_HASH_KEY_NAME, KioskIdentityError, SIGNING_KEY_NAME } from './identity';

function refusal(kiosk: TestCore): KioskIdentityError {
  try {
    kiosk.reopen();
  } catch (error) {
    if (error instanceof KioskIdentityError) return error;
    throw error;
  }
  throw new Error('the kiosk started');
}

describe('the kiosk identity', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('is created on first start: public key in the database, private key only in the key store', () => {
    kiosk = createTestCore();
    const { identity } = kiosk.core.consent;
    const raw = Buffer.from(identity.publicKey, 'base64');
    expect(raw).toHaveLength(32);
    expect(identity.keyId).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(identity.kioskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(identity.createdAt).toBe(kiosk.clock.now().toISOString());
    const rows = kiosk.core.database.db.select().from(kioskIdentity).all();
    expect(rows).toEqual([{ id: 1, ...identity, enrolledAt: null, platformUrl: null }]);

    const keyStore = new FileKeyStore(kiosk.dataDir);
    const privateKey = createPrivateKey({ key: keyStore.load(SIGNING_KEY_NAME) ?? Buffer.alloc(0), format: 'der', type: 'pkcs8' });
    const message = Buffer.from('同意');
    expect(verify(null, message, publicKeyFromRaw(raw), sign(null, message, privateKey))).toBe(true);
    expect(keyStore.load(ID_HASH_KEY_NAME)).toHaveLength(32);
    const audit = kiosk.core.database.db.select().from(auditLog).all();
    expect(audit.map((entry) => [entry.action, entry.subject])).toContainEqual(['kiosk.identity.created', identity.kioskId]);
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
    expect(kiosk.logLines.filter((line) => line.includes('kiosk.identity.created'))).toHaveLength(1);
  });

  it('stays the same across restarts', () => {
    kiosk = createTestCore();
    const before = kiosk.core.consent.identity;
    const hash = kiosk.core.consent.idNumberHash('11010519491231002X');
    kiosk = kiosk.reopen();
    expect(kiosk.core.consent.identity).toEqual(before);
    expect(kiosk.core.consent.idNumberHash('11010519491231002X')).toBe(hash);
  });

  it('refuses to start when the signing key is gone, and never makes a new identity', () => {
    kiosk = createTestCore();
    const before = kiosk.core.consent.identity;
    const keyStore = new FileKeyStore(kiosk.dataDir);
    const saved = keyStore.load(SIGNING_KEY_NAME) ?? Buffer.alloc(0);
    rmSync(join(kiosk.dataDir, 'keys', `${SIGNING_KEY_NAME}.key`));
    const error = refusal(kiosk);
    expect(error.code).toBe('signing_key_missing');
    expect(startupErrorMessage(error, kiosk.dataDir, 'zh-CN')).toContain('找不到签名私钥');
    expect(existsSync(join(kiosk.dataDir, 'keys', `${SIGNING_KEY_NAME}.key`))).toBe(false);
    keyStore.save(SIGNING_KEY_NAME, Buffer.from('not a key'));
    expect(refusal(kiosk).code).toBe('signing_key_unreadable');
    // With the key back, the same identity starts.
    keyStore.save(SIGNING_KEY_NAME, saved);
    kiosk = kiosk.reopen();
    expect(kiosk.core.consent.identity).toEqual(before);
  });

  it('refuses a signing key that belongs to another identity', () => {
    kiosk = createTestCore();
    const other = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
    new FileKeyStore(kiosk.dataDir).save(SIGNING_KEY_NAME, other);
    const error = refusal(kiosk);
    expect(error.code).toBe('signing_key_mismatch');
    expect(startupErrorMessage(error, kiosk.dataDir, 'en')).toBe(
      translate('en', 'consent.identity.signing_key_mismatch', { path: join(kiosk.dataDir, 'keys') }),
    );
  });

  it('refuses to start when the ID-number hashing key is gone or damaged', () => {
    kiosk = createTestCore();
    rmSync(join(kiosk.dataDir, 'keys', `${ID_HASH_KEY_NAME}.key`));
    expect(refusal(kiosk).code).toBe('id_hash_key_missing');
    new FileKeyStore(kiosk.dataDir).save(ID_HASH_KEY_NAME, Buffer.alloc(16));
    expect(refusal(kiosk).code).toBe('id_hash_key_unreadable');
  });

  it('adopts keys saved by a start that crashed before writing the identity', () => {
    kiosk = createTestCore();
    const { publicKey, kioskId } = kiosk.core.consent.identity;
    kiosk.core.database.sqlite.prepare('DELETE FROM kiosk_identity').run();
    kiosk = kiosk.reopen();
    expect(kiosk.core.consent.identity.publicKey).toBe(publicKey);
    expect(kiosk.core.consent.identity.kioskId).not.toBe(kioskId);
  });

  it('refuses to start without an identity once snapshots were signed', () => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 1);
    kiosk.core.database.sqlite.prepare('DELETE FROM kiosk_identity').run();
    expect(refusal(kiosk).code).toBe('identity_missing');
  });

  it('hashes ID numbers with a per-kiosk key', () => {
    kiosk = createTestCore();
    const key = new FileKeyStore(kiosk.dataDir).load(ID_HASH_KEY_NAME) ?? Buffer.alloc(0);
    const hash = kiosk.core.consent.idNumberHash('11010519491231002X');
    expect(hash).toBe(createHmac('sha256', key).update('11010519491231002X').digest('hex'));
    const other = createTestCore();
    try {
      expect(other.core.consent.idNumberHash('11010519491231002X')).not.toBe(hash);
    } finally {
      other.dispose();
    }
  });

  it('has a short form of the key id for screens', () => {
    expect(shortKeyId('3f2a91c05be70d14aabbccddeeff00112233445566778899aabbccddeeff0011')).toBe('3f2a 91c0 5be7 0d14');
    kiosk = createTestCore();
    expect(kiosk.core.consent.shortKeyId).toMatch(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);
  });
});
