import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo } from './testing';

const insertVersion = `INSERT INTO agreement_versions (agreement_id, version, title, locale, effective_from,
  source_file, source_sha256, source_bytes, canonical_sha256, canonical_text, document, warnings, imported_at)
  VALUES ('qd', '1', '协议', 'zh-CN', '2026-01-01T00:00:00Z', 'a.txt', 's', x'00', 'c', 'text', '{}', '[]', 't')`;

describe('0002-agreement-versions', () => {
  it('keeps the registrations of a version-1 database and adds immutable agreement versions', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('op01', 'x', 'operator', 'h', 't')").run();
    db.prepare(
      "INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at) VALUES ('r1', '20260101-0001', 'individual', 'queued', '{}', 'op01', 't', 't')",
    ).run();
    migrateTo(db, 2);
    expect(db.prepare('SELECT id, state FROM registrations').all()).toEqual([{ id: 'r1', state: 'queued' }]);
    db.prepare(insertVersion).run();
    expect(() => db.prepare("UPDATE agreement_versions SET canonical_text = 'changed'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM agreement_versions').run()).toThrow(/immutable/);
    expect(() => db.prepare(insertVersion).run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT canonical_text FROM agreement_versions').pluck().get()).toBe('text');
  });
});
