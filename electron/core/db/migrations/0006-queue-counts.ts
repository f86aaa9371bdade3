import type { Migration } from '../migrate';

// Records per state, kept exact by triggers in the same transaction as every insert, state change
// and delete of a registration, whoever makes it (submit, withdrawal, sync, quarantine, retention,
// another process on the same file). The queue badge and `queue stats` read this small table, so
// they cost the same with a million records as with ten; it is filled once here from a full count.
// Corrections and withdrawals look records up by `supersedes` (so does the foreign key when a row
// is deleted): a partial index on it keeps those look-ups off a table scan.
export const migration0006: Migration = {
  version: 6,
  name: '0006-queue-counts',
  up(db) {
    db.exec(`
      CREATE TABLE queue_counts (
        state TEXT PRIMARY KEY,
        n INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO queue_counts (state, n) SELECT state, count(*) FROM registrations GROUP BY state;

      -- One statement shape for every change: a state's row appears the first time a record enters it.
      CREATE TRIGGER queue_counts_on_insert AFTER INSERT ON registrations BEGIN
        INSERT INTO queue_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER queue_counts_on_delete AFTER DELETE ON registrations BEGIN
        INSERT INTO queue_counts (state, n) VALUES (OLD.state, -1) ON CONFLICT (state) DO UPDATE SET n = n - 1;
      END;
      CREATE TRIGGER queue_counts_on_state AFTER UPDATE OF state ON registrations WHEN NEW.state IS NOT OLD.state BEGIN
        INSERT INTO queue_counts (state, n) VALUES (OLD.state, -1) ON CONFLICT (state) DO UPDATE SET n = n - 1;
        INSERT INTO queue_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
      END;

      CREATE INDEX registrations_by_supersedes ON registrations (supersedes) WHERE supersedes IS NOT NULL;
    `);
  },
};
