// Migration runner: migrations are numbered 1..n without gaps, run in order, all pending ones in one
// transaction; a database written by a newer kiosk version is refused rather than guessed at.
import type { SqliteDatabase } from './open';
import { DatabaseOpenError } from './open';

export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDatabase): void;
}

export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

export function schemaVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export interface MigrationOutcome {
  from: number;
  to: number;
}

export function migrate(db: SqliteDatabase, migrations: readonly Migration[], now: () => Date): MigrationOutcome {
  checkMigrationOrder(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new DatabaseOpenError('database_too_new', `schema version ${from}, this kiosk knows up to ${latest}`);
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations.slice(from)) {
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
    }
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
