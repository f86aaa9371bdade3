import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyStorageRefused, keyStorageOf, SafeStorageKeyStore } from './keyStore';

type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** Stands in for Electron's safeStorage: AES-GCM under a key that never touches the disk. */
function fakeSafeStorage(available = true, backend: LinuxBackend = 'gnome_libsecret') {
  const key = randomBytes(32);
  return {
    available,
    plainTextOptIn: false,
    getSelectedStorageBackend: (): LinuxBackend => backend,
    setUsePlainTextEncryption(usePlainText: boolean) {
      this.plainTextOptIn = usePlainText;
    },
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(plainText: string): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted: Buffer): string {
      const iv = encrypted.subarray(3, 15);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    },
  };
}

describe('SafeStorageKeyStore', () => {
  let dataDir: string;
  const secret = randomBytes(32);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-keystore-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('returns null for a key that was never saved', () => {
    expect(new SafeStorageKeyStore(dataDir, fakeSafeStorage()).load('database')).toBeNull();
  });

  it('gives back exactly the secret it saved, across instances', () => {
    const storage = fakeSafeStorage();
    new SafeStorageKeyStore(dataDir, storage).save('database', secret);
    expect(new SafeStorageKeyStore(dataDir, storage).load('database')).toEqual(secret);
  });

  it('keeps each named secret apart', () => {
    const store = new SafeStorageKeyStore(dataDir, fakeSafeStorage());
    const other = randomBytes(32);
    store.save('database', secret);
    store.save('signing', other);
    expect(store.load('database')).toEqual(secret);
    expect(store.load('signing')).toEqual(other);
  });

  it('writes only the wrapped secret, never the secret itself, in an owner-only file', () => {
    new SafeStorageKeyStore(dataDir, fakeSafeStorage()).save('database', secret);
    const keysDir = join(dataDir, 'keys');
    expect(readdirSync(keysDir)).toEqual(['database.safe']);
    const file = readFileSync(join(keysDir, 'database.safe'));
    expect(file.includes(secret)).toBe(false);
    expect(file.includes(Buffer.from(secret.toString('base64')))).toBe(false);
    expect(file.includes(Buffer.from(secret.toString('hex')))).toBe(false);
    if (process.platform !== 'win32') {
      expect(statSync(join(keysDir, 'database.safe')).mode & 0o077).toBe(0);
      expect(statSync(keysDir).mode & 0o077).toBe(0);
    }
  });

  it('cannot be read back without the keychain that wrapped it', () => {
    new SafeStorageKeyStore(dataDir, fakeSafeStorage()).save('database', secret);
    expect(() => new SafeStorageKeyStore(dataDir, fakeSafeStorage()).load('database')).toThrow();
  });

  it('refuses to save, and writes nothing, when encryption is unavailable', () => {
    const store = new SafeStorageKeyStore(dataDir, fakeSafeStorage(false));
    expect(() => store.save('database', secret)).toThrow(/not available/);
    expect(existsSync(join(dataDir, 'keys', 'database.safe'))).toBe(false);
  });

  it('refuses to load a saved secret when encryption has become unavailable', () => {
    const storage = fakeSafeStorage();
    const store = new SafeStorageKeyStore(dataDir, storage);
    store.save('database', secret);
    storage.available = false;
    expect(() => store.load('database')).toThrow(/not available/);
  });
});

describe('SafeStorageKeyStore on Linux without a keyring (basic_text)', () => {
  let dataDir: string;
  const secret = randomBytes(32);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-keystore-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start, before writing anything, unless plain-text storage is allowed', () => {
    const storage = fakeSafeStorage(true, 'basic_text');
    expect(() => new SafeStorageKeyStore(dataDir, storage, { platform: 'linux' })).toThrow(KeyStorageRefused);
    expect(() => new SafeStorageKeyStore(dataDir, storage, { platform: 'linux', allowPlainText: false })).toThrow(/basic_text/);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false);
    expect(storage.plainTextOptIn).toBe(false);
  });

  it('refuses when the backend is not known yet (asked before the app was ready)', () => {
    const refusal = (() => {
      try {
        new SafeStorageKeyStore(dataDir, fakeSafeStorage(true, 'unknown'), { platform: 'linux' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(KeyStorageRefused);
    expect((refusal as KeyStorageRefused).reason).toBe('plain_text');
  });

  it('runs when IT allows it, opting safeStorage in and saying the key is plain text', () => {
    const storage = fakeSafeStorage(true, 'basic_text');
    const store = new SafeStorageKeyStore(dataDir, storage, { platform: 'linux', allowPlainText: true });
    expect(storage.plainTextOptIn).toBe(true);
    expect(store.storage).toEqual({ backend: 'basic_text', plainText: true });
    store.save('database', secret);
    expect(store.load('database')).toEqual(secret);
  });

  it('is not refused with a keyring, whatever the setting says', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6'] as const) {
      const store = new SafeStorageKeyStore(dataDir, fakeSafeStorage(true, backend), { platform: 'linux' });
      expect(store.storage, backend).toEqual({ backend, plainText: false });
    }
  });
});

describe('keyStorageOf', () => {
  it('names the keychain of Windows and macOS without asking for a Linux backend', () => {
    const linuxOnly = { getSelectedStorageBackend: (): LinuxBackend => { throw new Error('Linux only'); } };
    expect(keyStorageOf(linuxOnly, 'win32')).toEqual({ backend: 'dpapi', plainText: false });
    expect(keyStorageOf(linuxOnly, 'darwin')).toEqual({ backend: 'keychain', plainText: false });
  });
});
