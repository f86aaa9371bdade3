// The reference platform's own SQLite (plain: it stands in for a central service, not a kiosk).
// One file per data dir; WAL with synchronous=FULL so a commit the platform answered for survives a
// crash, which is what the exactly-once tests rely on.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type PlatformDb = Database.Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS platform_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    private_key_pkcs8 TEXT NOT NULL,
    public_key TEXT NOT NULL,
    key_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_sha256 TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    used_at TEXT,
    used_by_kiosk TEXT,
    used_with_key TEXT
  ) STRICT;

  CREATE TABLE IF NOT EXISTS kiosks (
    kiosk_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    key_id TEXT NOT NULL,
    credential_sha256 TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS records (
    record_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks (kiosk_id),
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    created_at TEXT NOT NULL,
    supersedes TEXT,
    payload TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    snapshot_body TEXT NOT NULL,
    snapshot_sha256 TEXT NOT NULL UNIQUE,
    snapshot_signature TEXT NOT NULL,
    key_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    signature_png BLOB NOT NULL,
    consent_texts TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (kiosk_id, seq)
  ) STRICT;

  CREATE TABLE IF NOT EXISTS withdrawals (
    record_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks (kiosk_id),
    withdraws TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    created_at TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    record_signature TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks (kiosk_id),
    request_sha256 TEXT NOT NULL,
    receipt_body TEXT NOT NULL,
    receipt_signature TEXT NOT NULL,
    received_at TEXT NOT NULL,
    deliveries INTEGER NOT NULL DEFAULT 1
  ) STRICT;

  CREATE TABLE IF NOT EXISTS agreements (
    seq INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL,
    version TEXT NOT NULL,
    body TEXT NOT NULL,
    signature TEXT NOT NULL,
    content BLOB NOT NULL,
    canonical_sha256 TEXT,
    UNIQUE (agreement_id, version)
  ) STRICT;

  CREATE TABLE IF NOT EXISTS heartbeats (
    id INTEGER PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks (kiosk_id),
    received_at TEXT NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
`;

const prepared = new WeakMap<PlatformDb, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, prepared on first use: a batch runs the same few statements for
 * every record it carries. Shared by every caller of that text, so its mode (pluck, raw) is not
 * changed after the fact; a caller that wants another mode writes it into a statement of its own.
 */
export function statement(db: PlatformDb, sql: string): Database.Statement {
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  let found = statements.get(sql);
  if (!found) {
    found = db.prepare(sql);
    statements.set(sql, found);
  }
  return found;
}

export function openPlatformDb(dataDir: string): PlatformDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'platform.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (String(db.pragma('journal_mode', { simple: true })) !== 'wal') throw new Error('platform database is not in WAL mode');
  if (Number(db.pragma('synchronous', { simple: true })) !== 2) throw new Error('platform database is not synchronous=FULL');
  db.exec(SCHEMA);
  return db;
}
