import { describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../open';
import { databaseAt, migrateTo } from './testing';

const counts = (db: SqliteDatabase) => db.prepare('SELECT state, n FROM queue_counts WHERE n > 0 ORDER BY state').all();
const recount = (db: SqliteDatabase) => db.prepare('SELECT state, count(*) AS n FROM registrations GROUP BY state ORDER BY state').all();

function addRecord(db: SqliteDatabase, id: string, state: string, supersedes: string | null = null): void {
  db.prepare(
    "INSERT INTO registrations (id, number, kind, state, payload, supersedes, operator_id, created_at, updated_at) VALUES (?, ?, 'individual', ?, '{}', ?, 'A001', 't', 't')",
  ).run(id, `n-${id}`, state, supersedes);
}

describe('0006-queue-counts', () => {
  it('counts the version-5 records by state, then follows every insert, state change and delete exactly', () => {
    const db = databaseAt(5);
    db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('A001', 'n', 'operator', 'h', 't')").run();
    for (const [id, state] of [['r1', 'queued'], ['r2', 'queued'], ['r3', 'accepted'], ['r4', 'quarantined']] as const) addRecord(db, id, state);
    migrateTo(db, 6);
    expect(counts(db)).toEqual([
      { state: 'accepted', n: 1 },
      { state: 'quarantined', n: 1 },
      { state: 'queued', n: 2 },
    ]);

    addRecord(db, 'r5', 'finalized');
    addRecord(db, 'r6', 'queued', 'r4');
    db.prepare("UPDATE registrations SET state = 'sending' WHERE state = 'queued'").run();
    db.prepare("UPDATE registrations SET state = 'accepted' WHERE id = 'r1'").run();
    // Writing the same state again, or another column, changes no count.
    db.prepare("UPDATE registrations SET state = 'accepted', updated_at = 'u' WHERE id = 'r3'").run();
    db.prepare("UPDATE registrations SET payload = '{\"kind\":\"individual\"}' WHERE id = 'r2'").run();
    db.prepare("UPDATE registrations SET state = 'discarded' WHERE id = 'r4'").run();
    db.prepare("DELETE FROM registrations WHERE id = 'r6'").run();
    db.prepare("DELETE FROM registrations WHERE id = 'r5'").run();
    expect(counts(db)).toEqual(recount(db));
    expect(counts(db)).toEqual([
      { state: 'accepted', n: 2 },
      { state: 'discarded', n: 1 },
      { state: 'sending', n: 1 },
    ]);

    // A rolled-back change leaves the counts as they were.
    expect(() =>
      db.transaction(() => {
        addRecord(db, 'r7', 'queued');
        db.prepare("UPDATE registrations SET state = 'purged' WHERE id = 'r1'").run();
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(counts(db)).toEqual(recount(db));
  });

  it('finds corrections and withdrawals of a record through the supersedes index', () => {
    const db = databaseAt(6);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM registrations WHERE supersedes = ?').all('r1') as { detail: string }[])
      .map((row) => row.detail)
      .join(' ');
    expect(plan).toMatch(/USING INDEX registrations_by_supersedes/);
  });
});
