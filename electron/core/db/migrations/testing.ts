// Helpers for migration tests: a plain in-memory database at a given schema version.
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../migrate';
import type { SqliteDatabase } from '../open';
import { migrations } from '.';

export function databaseAt(version: number): SqliteDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, version), () => new Date('2026-01-01T00:00:00Z'));
  return db;
}

export function migrateTo(db: SqliteDatabase, version: number): void {
  migrate(db, migrations.slice(0, version), () => new Date('2026-01-02T00:00:00Z'));
}

/** Tables and their columns, for comparing schemas across a migration. */
export function schemaShape(db: SqliteDatabase): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name),
    ]),
  );
}
