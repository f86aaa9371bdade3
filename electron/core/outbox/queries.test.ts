// With 1,000,000 records of which 100,000 are pending, the queue's hot queries use indexes.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { QUEUE_STATS_SQL, READY_FOR_BATCH_SQL } from './queries';

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

/** What the counts must always equal: every record, counted by state. */
const RECOUNT_SQL = 'SELECT state, count(*) AS n FROM registrations GROUP BY state ORDER BY state';

describe('queue queries at scale', () => {
  it('count by state without reading the records and pick the next batch from an index', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, () => new Date(0));
    db.exec(`
      INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('op', 'x', 'operator', 'h', 't');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
      INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at)
      SELECT printf('r%07d', i), printf('n%07d', i), 'individual',
             CASE WHEN i <= 100000 THEN 'queued' ELSE 'accepted' END, '{}', 'op', 't', 't' FROM n;
      INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at)
      SELECT id, 't', printf('2026-01-01T00:%02d:00Z', abs(random()) % 60) FROM registrations WHERE state = 'queued';
      ANALYZE;
    `);
    const stats = plan(db, QUEUE_STATS_SQL);
    expect(stats).toMatch(/queue_counts/);
    expect(stats).not.toMatch(/registrations/);
    const ready = plan(db, READY_FOR_BATCH_SQL, '2026-01-02T00:00:00Z', 500);
    expect(ready).toMatch(/USING INDEX outbox_ready/);
    expect(ready).not.toMatch(/TEMP B-TREE/);
    const rows = db.prepare(`${QUEUE_STATS_SQL} ORDER BY state`).all();
    expect(rows).toEqual([{ state: 'accepted', n: 900000 }, { state: 'queued', n: 100000 }]);
    expect(rows).toEqual(db.prepare(RECOUNT_SQL).all());
    expect(db.prepare(READY_FOR_BATCH_SQL).all('2026-01-02T00:00:00Z', 500)).toHaveLength(500);
  });
});
