// The kiosk database: key from the key store, encrypted open, migrations, a drizzle handle.
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { KeyStore } from '../platform/keyStore';
import { migrate, type MigrationOutcome } from './migrate';
import { migrations } from './migrations';
import { DatabaseOpenError, openEncryptedDatabase, type SqliteDatabase } from './open';
import { schema } from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface KioskDatabase {
  sqlite: SqliteDatabase;
  db: Db;
  path: string;
  migration: MigrationOutcome;
}

export const DATABASE_FILE = 'kiosk.db';
const DATABASE_KEY = 'database';

/** The database key; created only together with a new database, never over an existing one. */
function databaseKey(keyStore: KeyStore, databaseExists: boolean): Buffer {
  const stored = keyStore.load(DATABASE_KEY);
  if (stored) return stored;
  if (databaseExists) {
    throw new DatabaseOpenError('database_key_missing', 'the database exists but its key is not in the key store');
  }
  const key = randomBytes(32);
  keyStore.save(DATABASE_KEY, key);
  return key;
}

export function openKioskDatabase(dataDir: string, keyStore: KeyStore, now: () => Date): KioskDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATABASE_FILE);
  const key = databaseKey(keyStore, existsSync(path));
  const sqlite = openEncryptedDatabase(path, key);
  try {
    const migration = migrate(sqlite, migrations, now);
    return { sqlite, db: drizzle(sqlite, { schema }), path, migration };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
