// Secrets (the database key, later the kiosk's signing key) are kept by a key store passed in from
// outside: Electron wraps them with safeStorage, the host and CLI keep 0600 files in the data dir.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './files';

export interface KeyStore {
  /** The secret stored under `name`, or null when there is none. */
  load(name: string): Buffer | null;
  /** Stores the secret durably; called once, when the secret is created. */
  save(name: string, secret: Buffer): void;
}

const validName = /^[a-z][a-z0-9-]{0,40}$/;

/** Key files readable by the owner only, in `<dataDir>/keys`. */
export class FileKeyStore implements KeyStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'keys');
  }

  private path(name: string): string {
    if (!validName.test(name)) throw new Error(`invalid key name: ${name}`);
    return join(this.dir, `${name}.key`);
  }

  load(name: string): Buffer | null {
    const path = this.path(name);
    if (!existsSync(path)) return null;
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }

  save(name: string, secret: Buffer): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileDurably(this.path(name), `${secret.toString('base64')}\n`, 0o600);
  }
}
