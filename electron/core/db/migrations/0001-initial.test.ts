import { describe, expect, it } from 'vitest';
import { databaseAt, schemaShape } from './testing';

describe('0001-initial', () => {
  it('creates operators, settings, registrations and the audit log on an empty database', () => {
    const db = databaseAt(1);
    expect(Object.keys(schemaShape(db))).toEqual(
      expect.arrayContaining(['operators', 'settings', 'registrations', 'audit_log']),
    );
    db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('it01', 'x', 'it_admin', 'h', 't')").run();
    expect(() =>
      db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('x', 'x', 'boss', 'h', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at) VALUES ('r', 'n', 'individual', 'queued', '{}', 'nobody', 't', 't')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
