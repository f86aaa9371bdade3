import type { Migration } from '../migrate';

// What the sync engine keeps about the platform it is enrolled with (its signing and encryption
// keys; the credential itself lives in the key store) and about its own progress: the agreement
// feed cursor, the last clock offset, the last success and the backoff it is in. One row.
export const migration0004: Migration = {
  version: 4,
  name: '0004-sync-link',
  up(db) {
    db.exec(`
      CREATE TABLE sync_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        platform_key TEXT,
        platform_key_id TEXT,
        platform_box_key TEXT,
        agreement_since INTEGER NOT NULL DEFAULT 0,
        clock_offset_ms INTEGER,
        clock_offset_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT
      ) STRICT;
      INSERT INTO sync_link (id) VALUES (1);
      CREATE INDEX batches_open ON batches (created_at) WHERE state = 'sending';
    `);
  },
};
