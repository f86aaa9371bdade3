import type { Migration } from '../migrate';

// Agreement versions as imported: the source bytes, the canonical text shown to registrants and
// both hashes. A stored version is never changed or deleted (the triggers refuse it), so a
// consent snapshot's agreement hash can always be checked against the text it names.
export const migration0002: Migration = {
  version: 2,
  name: '0002-agreement-versions',
  up(db) {
    db.exec(`
      CREATE TABLE agreement_versions (
        agreement_id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        locale TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        supersedes TEXT,
        published_at TEXT,
        source_file TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_bytes BLOB NOT NULL,
        canonical_sha256 TEXT NOT NULL,
        canonical_text TEXT NOT NULL,
        document TEXT NOT NULL,
        warnings TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT,
        PRIMARY KEY (agreement_id, version)
      ) STRICT;
      CREATE INDEX agreement_versions_by_effective ON agreement_versions (agreement_id, effective_from);
      CREATE TRIGGER agreement_versions_immutable BEFORE UPDATE ON agreement_versions
      BEGIN SELECT RAISE(ABORT, 'agreement versions are immutable'); END;
      CREATE TRIGGER agreement_versions_kept BEFORE DELETE ON agreement_versions
      BEGIN SELECT RAISE(ABORT, 'agreement versions are immutable'); END;
    `);
  },
};
