// Key store for the Electron app: secrets wrapped by the OS keychain through safeStorage and kept as
// files in the data folder.
import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStore } from '../core/platform/keyStore';
import { writeFileDurably } from '../core/platform/files';

export class SafeStorageKeyStore implements KeyStore {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
  ) {
    this.dir = join(dataDir, 'keys');
  }

  private path(name: string): string {
    return join(this.dir, `${name}.safe`);
  }

  private requireEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
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
