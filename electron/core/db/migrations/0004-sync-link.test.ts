import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo } from './testing';

describe('0004-sync-link', () => {
  it('adds one sync_link row with an empty link and keeps version-3 batches', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO batches (id, transport, state, record_count, byte_count, created_at) VALUES ('b1', 'network', 'sending', 2, 10, 't')").run();
    migrateTo(db, 4);
    expect(db.prepare('SELECT id, platform_key, agreement_since, failures, clock_offset_ms FROM sync_link').all()).toEqual([
      { id: 1, platform_key: null, agreement_since: 0, failures: 0, clock_offset_ms: null },
    ]);
    expect(db.prepare('SELECT id, state FROM batches').all()).toEqual([{ id: 'b1', state: 'sending' }]);
    expect(() => db.prepare('INSERT INTO sync_link (id) VALUES (2)').run()).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM batches WHERE state = 'sending' ORDER BY created_at").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/batches_open/);
  });
});
