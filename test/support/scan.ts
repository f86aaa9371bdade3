// Reads an encrypted database (with its -wal) as plaintext pages, to look for data that should be
// gone: a copy is opened with the key, folded into one file and re-keyed to no encryption.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyStore } from '../../electron/core/platform/keyStore';

export function databaseKeyOf(dataDir: string): Buffer {
  const key = new FileKeyStore(dataDir).load('database');
  if (!key) throw new Error('no database key in ' + dataDir);
  return key;
}

export function decryptedBytes(path: string, key: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-scan-'));
  try {
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey=''`);
    db.close();
    return readFileSync(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The values that occur in `bytes` (as UTF-8). */
export function occurrences(bytes: Buffer, values: readonly string[]): string[] {
  return values.filter((value) => bytes.includes(Buffer.from(value, 'utf8')));
}
