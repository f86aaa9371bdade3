// Opens the kiosk's encrypted SQLite database and asserts the durability pragmas on every open.
// better-sqlite3 leaves synchronous=NORMAL under WAL, which can lose a commit on power loss, so FULL
// is set and read back; an open that does not hold them is refused.
import Database from 'better-sqlite3-multiple-ciphers';

export type SqliteDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'database_unreadable' | 'database_pragmas' | 'database_key_missing' | 'database_too_new',
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DatabaseOpenError';
  }
}

export const BUSY_TIMEOUT_MS = 5000;

/** Applies the cipher key; must run before anything else touches the file. */
function applyKey(db: SqliteDatabase, key: Buffer): void {
  if (key.length !== 32) throw new DatabaseOpenError('database_unreadable', 'key must be 256 bits');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

function expectPragma(db: SqliteDatabase, name: string, expected: string | number): void {
  const actual = db.pragma(name, { simple: true });
  if (String(actual).toLowerCase() !== String(expected).toLowerCase()) {
    throw new DatabaseOpenError('database_pragmas', `${name} is ${String(actual)}, expected ${String(expected)}`);
  }
}

export function openEncryptedDatabase(path: string, key: Buffer): SqliteDatabase {
  const db = new Database(path);
  try {
    applyKey(db, key);
    // The first real read fails with SQLITE_NOTADB when the key is wrong or the file is damaged.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError('database_unreadable', error instanceof Error ? error.message : String(error));
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  assertPragmas(db);
  return db;
}

export function assertPragmas(db: SqliteDatabase): void {
  expectPragma(db, 'journal_mode', 'wal');
  expectPragma(db, 'synchronous', 2);
  expectPragma(db, 'foreign_keys', 1);
  expectPragma(db, 'busy_timeout', BUSY_TIMEOUT_MS);
}
