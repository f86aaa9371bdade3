// Key store for the Electron app: secrets wrapped by the OS keychain through safeStorage and kept as
// files in the data folder. On Linux without a keyring, safeStorage falls back to `basic_text`, which
// wraps with a key built into Chromium: that protects nothing, so it is refused unless IT allows it.
import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStore } from '../core/platform/keyStore';
import { writeFileDurably } from '../core/platform/files';

type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'
>;

export interface KeyStorage {
  /** `dpapi` (Windows), `keychain` (macOS), or the Linux backend safeStorage picked. */
  backend: string;
  /** The wrapping key is not the keychain's: anyone who can read the data folder can unwrap. */
  plainText: boolean;
}

/** Where safeStorage keeps its wrapping key on this platform. Linux's answer is valid once the app is ready. */
export function keyStorageOf(safeStorage: Pick<SafeStorageApi, 'getSelectedStorageBackend'>, platform: NodeJS.Platform): KeyStorage {
  if (platform === 'win32') return { backend: 'dpapi', plainText: false };
  if (platform === 'darwin') return { backend: 'keychain', plainText: false };
  const backend = safeStorage.getSelectedStorageBackend();
  // `unknown` means asked before the app was ready: no keyring is known to be there.
  return { backend, plainText: backend === 'basic_text' || backend === 'unknown' };
}

export class KeyStorageRefused extends Error {
  constructor(readonly reason: 'plain_text' | 'unavailable') {
    super(reason === 'plain_text' ? 'safeStorage uses basic_text (no keyring) and plain-text key storage is not allowed' : 'safeStorage encryption is not available');
  }
}

export class SafeStorageKeyStore implements KeyStore {
  private readonly dir: string;
  readonly storage: KeyStorage;

  /** Throws KeyStorageRefused on basic_text unless `allowPlainText`, before anything is read or written. */
  constructor(
    dataDir: string,
    private readonly safeStorage: SafeStorageApi,
    options: { platform?: NodeJS.Platform; allowPlainText?: boolean } = {},
  ) {
    this.dir = join(dataDir, 'keys');
    this.storage = keyStorageOf(safeStorage, options.platform ?? process.platform);
    if (this.storage.plainText) {
      if (!options.allowPlainText) throw new KeyStorageRefused('plain_text');
      // Newer Electron reports basic_text as unavailable until the app opts in explicitly.
      safeStorage.setUsePlainTextEncryption(true);
    }
  }

  private path(name: string): string {
    return join(this.dir, `${name}.safe`);
  }

  private requireEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new KeyStorageRefused('unavailable');
  }

  load(name: string): Buffer | null {
    const path = this.path(name);
    if (!existsSync(path)) return null;
    this.requireEncryption();
    return Buffer.from(this.safeStorage.decryptString(readFileSync(path)), 'base64');
  }

  save(name: string, secret: Buffer): void {
    this.requireEncryption();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileDurably(this.path(name), this.safeStorage.encryptString(secret.toString('base64')));
  }
}
