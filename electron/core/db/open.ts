// Opens the kiosk's encrypted SQLite database and asserts the durability pragmas on every open.
// better-sqlite3 leaves synchronous=NORMAL under WAL, which can lose a commit on power loss, so FULL
// is set and read back; an open that does not hold them is refused.
import Database from 'better-sqlite3-multiple-ciphers';

export type SqliteDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly code:
      | 'database_unreadable'
      | 'database_corrupt'
      | 'database_pragmas'
      | 'database_key_missing'
      | 'database_too_new',
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DatabaseOpenError';
  }
}

export const BUSY_TIMEOUT_MS = 5000;
/** Above this size the start-up check is quick_check (no index cross-checks) to keep start fast. */
export const FULL_INTEGRITY_CHECK_MAX_BYTES = 256 * 1024 * 1024;

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

export interface OpenOptions {
  busyTimeoutMs?: number;
}

export function openEncryptedDatabase(path: string, key: Buffer, options: OpenOptions = {}): SqliteDatabase {
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
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
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    throw new DatabaseOpenError('database_corrupt', error instanceof Error ? error.message : String(error));
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // Deleted personal data is overwritten, not left in free space (retention, PIPL art. 19).
  db.pragma('secure_delete = ON');
  try {
    assertPragmas(db, busyTimeoutMs);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function assertPragmas(db: SqliteDatabase, busyTimeoutMs = BUSY_TIMEOUT_MS): void {
  expectPragma(db, 'journal_mode', 'wal');
  expectPragma(db, 'synchronous', 2);
  expectPragma(db, 'foreign_keys', 1);
  expectPragma(db, 'busy_timeout', busyTimeoutMs);
  expectPragma(db, 'secure_delete', 1);
}

/** integrity_check, or quick_check for a large file; throws database_corrupt with the findings. */
export function checkIntegrity(db: SqliteDatabase, fileBytes: number): 'integrity_check' | 'quick_check' {
  const check = fileBytes > FULL_INTEGRITY_CHECK_MAX_BYTES ? 'quick_check' : 'integrity_check';
  let findings: Record<string, string>[];
  try {
    findings = db.pragma(check, { simple: false }) as Record<string, string>[];
  } catch (error) {
    // A page damaged badly enough makes the check itself fail instead of reporting.
    throw new DatabaseOpenError('database_corrupt', error instanceof Error ? error.message : String(error));
  }
  const messages = findings.map((row) => Object.values(row)[0]);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new DatabaseOpenError('database_corrupt', messages.slice(0, 5).join('; '));
  }
  return check;
}
