import type { Migration } from '../migrate';

// What a durable submit writes besides the registration: the kiosk's signing identity, the
// signature image (content-addressed), the signed consent snapshot in a per-kiosk hash chain, and
// the outbox row the sync engine sends from; plus batches and their per-record outcomes. Columns
// that retention empties (personal data) are nullable; ids, hashes, outcomes and times stay.
export const migration0003: Migration = {
  version: 3,
  name: '0003-consent-and-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE kiosk_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        kiosk_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        enrolled_at TEXT,
        platform_url TEXT
      ) STRICT;

      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB,
        created_at TEXT NOT NULL,
        purged_at TEXT
      ) STRICT;

      ALTER TABLE registrations ADD COLUMN content_sha256 TEXT;
      ALTER TABLE registrations ADD COLUMN dedupe_key TEXT;
      ALTER TABLE registrations ADD COLUMN quarantine_reason TEXT;
      ALTER TABLE registrations ADD COLUMN acknowledged_at TEXT;
      ALTER TABLE registrations ADD COLUMN purged_at TEXT;
      CREATE INDEX registrations_by_dedupe_key ON registrations (dedupe_key);
      CREATE INDEX registrations_by_acknowledged ON registrations (acknowledged_at) WHERE purged_at IS NULL;

      CREATE TABLE consent_snapshots (
        registration_id TEXT PRIMARY KEY REFERENCES registrations (id),
        seq INTEGER NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        prev_hash TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        body TEXT,
        signature_png_sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        created_at TEXT NOT NULL,
        purged_at TEXT
      ) STRICT;

      CREATE TABLE outbox (
        registration_id TEXT PRIMARY KEY REFERENCES registrations (id),
        enqueued_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        batch_id TEXT
      ) STRICT;
      CREATE INDEX outbox_ready ON outbox (next_attempt_at) WHERE batch_id IS NULL;
      CREATE INDEX outbox_by_batch ON outbox (batch_id) WHERE batch_id IS NOT NULL;

      CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        transport TEXT NOT NULL CHECK (transport IN ('network', 'usb')),
        state TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        byte_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        completed_at TEXT,
        server_time TEXT,
        receipt TEXT,
        receipt_signature TEXT,
        error TEXT
      ) STRICT;
      CREATE INDEX batches_by_created ON batches (created_at);

      CREATE TABLE batch_items (
        batch_id TEXT NOT NULL REFERENCES batches (id),
        registration_id TEXT NOT NULL REFERENCES registrations (id),
        outcome TEXT,
        reason TEXT,
        fields TEXT,
        decided_at TEXT,
        PRIMARY KEY (batch_id, registration_id)
      ) STRICT;
      CREATE INDEX batch_items_by_registration ON batch_items (registration_id);

      CREATE TABLE sync_attempts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        batch_id TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        result TEXT NOT NULL,
        http_status INTEGER,
        error TEXT,
        retry_after_ms INTEGER
      ) STRICT;
      CREATE INDEX sync_attempts_by_started ON sync_attempts (started_at);
    `);
  },
};
