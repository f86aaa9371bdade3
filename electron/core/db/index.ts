// The kiosk database: key from the key store, encrypted open, migrations, a drizzle handle.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { KeyStore } from '../platform/keyStore';
import { createBackup } from './backup';
import { migrate, schemaVersion, type MigrationOutcome } from './migrate';
import { migrations } from './migrations';
import { checkIntegrity, DatabaseOpenError, openEncryptedDatabase, type SqliteDatabase } from './open';
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

export interface DatabaseOpenOptions {
  busyTimeoutMs?: number;
}

/** The database key for an existing data folder; for restore and tools that open a copy. */
export function existingDatabaseKey(keyStore: KeyStore): Buffer {
  return databaseKey(keyStore, true);
}

/**
 * Opens the kiosk database: key, cipher, pragmas, an integrity check (a damaged file is refused,
 * never recreated), a backup before any pending migration, then the migrations.
 */
export function openKioskDatabase(
  dataDir: string,
  keyStore: KeyStore,
  now: () => Date,
  options: DatabaseOpenOptions = {},
): KioskDatabase & { integrityCheck: string; preMigrationBackup: string | null } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATABASE_FILE);
  const existed = existsSync(path);
  const key = databaseKey(keyStore, existed);
  const sqlite = openEncryptedDatabase(path, key, options);
  try {
    const integrityCheck = checkIntegrity(sqlite, statSync(path).size);
    const pending = schemaVersion(sqlite) < migrations.length;
    const preMigrationBackup =
      existed && pending ? createBackup(sqlite, dataDir, now(), 'pre-migration', Number.MAX_SAFE_INTEGER).file : null;
    const migration = migrate(sqlite, migrations, now);
    return { sqlite, db: drizzle(sqlite, { schema }), path, migration, integrityCheck, preMigrationBackup };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
