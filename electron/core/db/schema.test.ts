import Database from 'better-sqlite3-multiple-ciphers';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { schema } from './schema';

describe('the drizzle schema', () => {
  it('matches the tables the migrations create, column for column', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, () => new Date(0));
    for (const table of Object.values(schema)) {
      const config = getTableConfig(table);
      const columns = db.prepare(`PRAGMA table_info(${config.name})`).all() as { name: string; notnull: number; pk: number }[];
      expect(columns.map((c) => c.name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
      for (const column of config.columns) {
        const actual = columns.find((c) => c.name === column.name);
        expect(Boolean(actual?.notnull) || Boolean(actual?.pk), `${config.name}.${column.name} not null`).toBe(
          column.notNull,
        );
      }
    }
  });
});
