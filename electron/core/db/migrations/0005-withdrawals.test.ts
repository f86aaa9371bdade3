import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo } from './testing';

describe('0005-withdrawals', () => {
  it('adds an empty withdrawal reason to every version-4 registration and keeps its data', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('A001', 'n', 'operator', 'h', 't')").run();
    const columns = db.prepare("SELECT name FROM pragma_table_info('registrations')").pluck().all() as string[];
    const insert = `INSERT INTO registrations (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const row: Record<string, string | null> = Object.fromEntries(columns.map((name) => [name, null]));
    Object.assign(row, { id: 'r1', number: '20261204-0001', kind: 'individual', state: 'queued', payload: '{"kind":"individual"}', operator_id: 'A001', created_at: 't', updated_at: 't' });
    db.prepare(insert).run(...columns.map((name) => row[name]));
    migrateTo(db, 5);
    expect(db.prepare('SELECT id, state, payload, withdrawal_reason FROM registrations').all()).toEqual([
      { id: 'r1', state: 'queued', payload: '{"kind":"individual"}', withdrawal_reason: null },
    ]);
  });
});
