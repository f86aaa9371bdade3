// Released migrations only add: every table and column that existed before a migration still
// exists after it, and rows survive. Synced data depends on this (style.md, "additive").
import { describe, expect, it } from 'vitest';
import { migrations } from '.';
import { databaseAt, migrateTo, schemaShape } from './testing';

describe('migrations', () => {
  it.each(migrations.map((m) => [m.name, m.version] as const))('%s only adds tables and columns', (_name, version) => {
    const db = databaseAt(version - 1);
    const before = schemaShape(db);
    migrateTo(db, version);
    const after = schemaShape(db);
    for (const [table, columns] of Object.entries(before)) {
      expect(after[table], `table ${table}`).toBeDefined();
      expect(after[table]).toEqual(expect.arrayContaining(columns));
    }
  });

  it('contain no statement that drops, renames or rewrites data', () => {
    for (const migration of migrations) {
      const source = migration.up.toString();
      expect(source, migration.name).not.toMatch(/\bDROP\s+(TABLE|COLUMN|INDEX)\b|\bRENAME\b|^\s*(UPDATE|DELETE)\s/im);
    }
  });
});
