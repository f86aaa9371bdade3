import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, sampleIndividual, setUpAccounts, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { FileKeyStore } from '../platform/keyStore';
import { DATABASE_FILE } from '.';
import { DatabaseOpenError, openEncryptedDatabase } from './open';

describe('the encrypted store', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('keeps neither the name nor the ID number readable in the .db or -wal file after a submit', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: sampleIndividual }));
    const dbPath = join(kiosk.dataDir, DATABASE_FILE);
    const walPath = `${dbPath}-wal`;
    expect(existsSync(walPath)).toBe(true);
    for (const path of [dbPath, walPath]) {
      const bytes = readFileSync(path);
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of [sampleIndividual.name, sampleIndividual.idNumber, sampleIndividual.mobile, 'registrations']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${path}`).toBe(false);
      }
    }
  });

  it('cannot be opened without the key, nor with another key', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const dbPath = join(kiosk.dataDir, DATABASE_FILE);
    const plain = new Database(dbPath);
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
    expect(() => openEncryptedDatabase(dbPath, Buffer.alloc(32, 7))).toThrow(DatabaseOpenError);
  });

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    kiosk = createTestCore();
    const { sqlite } = kiosk.core.database;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('refuses to start when the database exists but its key is gone, and leaves the file alone', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    kiosk.core.close();
    const dbPath = join(kiosk.dataDir, DATABASE_FILE);
    const before = readFileSync(dbPath);
    const keyFile = join(kiosk.dataDir, 'keys', 'database.key');
    const key = readFileSync(keyFile);
    // Losing the key must not lead to a fresh, empty database over the old one.
    (await import('node:fs')).rmSync(keyFile);
    expect(() => kiosk.reopen()).toThrow(/database_key_missing/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    new FileKeyStore(kiosk.dataDir).save('database', Buffer.from(key.toString('utf8').trim(), 'base64'));
    kiosk = kiosk.reopen();
    expect(kiosk.core.operators.count()).toBe(2);
  });
});
