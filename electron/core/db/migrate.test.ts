import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkMigrationOrder, migrate, schemaVersion, type Migration } from './migrate';
import { migrations } from './migrations';
import { DatabaseOpenError } from './open';

const now = () => new Date('2026-01-01T00:00:00Z');

function memoryDb() {
  return new Database(':memory:');
}

const createA: Migration = { version: 1, name: '0001-a', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') };
const createB: Migration = { version: 2, name: '0002-b', up: (db) => db.exec('CREATE TABLE b (y INTEGER) STRICT') };

describe('the migration runner', () => {
  it('runs pending migrations in order and records the schema version', () => {
    const db = memoryDb();
    expect(migrate(db, [createA], now)).toEqual({ from: 0, to: 1 });
    expect(migrate(db, [createA, createB], now)).toEqual({ from: 1, to: 2 });
    expect(schemaVersion(db)).toBe(2);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual([
      { version: 1, name: '0001-a' },
      { version: 2, name: '0002-b' },
    ]);
  });

  it('refuses a list with gaps or out of order', () => {
    expect(() => checkMigrationOrder([createB])).toThrow(/expected 1/);
    expect(() => checkMigrationOrder([createA, { ...createB, version: 3 }])).toThrow(/expected 2/);
    expect(() => checkMigrationOrder([createB, createA])).toThrow();
  });

  it('refuses a database written by a newer version and changes nothing', () => {
    const db = memoryDb();
    migrate(db, [createA, createB], now);
    expect(() => migrate(db, [createA], now)).toThrow(DatabaseOpenError);
    expect(schemaVersion(db)).toBe(2);
  });

  it('rolls back every pending migration when one of them fails', () => {
    const db = memoryDb();
    const broken: Migration = { version: 2, name: '0002-broken', up: (d) => d.exec('CREATE TABLE oops (') };
    expect(() => migrate(db, [createA, broken], now)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
  });

  it('numbers the shipped migrations 1..n, each named after its file', () => {
    checkMigrationOrder(migrations);
    migrations.forEach((migration) => expect(migration.name).toMatch(new RegExp(`^${String(migration.version).padStart(4, '0')}-`)));
  });
});
