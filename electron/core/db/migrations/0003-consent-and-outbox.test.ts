import { describe, expect, it } from 'vitest';
import { databaseAt, migrateTo } from './testing';

describe('0003-consent-and-outbox', () => {
  it('keeps version-2 registrations, leaving the new columns empty, and links snapshots, blobs and the outbox', () => {
    const db = databaseAt(2);
    db.prepare("INSERT INTO operators (staff_id, name, role, pin_hash, created_at) VALUES ('op01', 'x', 'operator', 'h', 't')").run();
    db.prepare(
      "INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at) VALUES ('r1', '20260101-0001', 'individual', 'queued', '{\"name\":\"x\"}', 'op01', 't', 't')",
    ).run();
    migrateTo(db, 3);
    expect(db.prepare('SELECT id, payload, content_sha256, dedupe_key, purged_at FROM registrations').get()).toEqual({
      id: 'r1',
      payload: '{"name":"x"}',
      content_sha256: null,
      dedupe_key: null,
      purged_at: null,
    });
    db.prepare("INSERT INTO blobs (sha256, media_type, size, bytes, created_at) VALUES ('b', 'image/png', 1, x'00', 't')").run();
    db.prepare(
      "INSERT INTO consent_snapshots (registration_id, seq, sha256, prev_hash, key_id, signature, body, signature_png_sha256, created_at) VALUES ('r1', 1, 's1', 'genesis', 'k', 'sig', '{}', 'b', 't')",
    ).run();
    db.prepare("INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at) VALUES ('r1', 't', 't')").run();
    expect(() =>
      db.prepare(
        "INSERT INTO consent_snapshots (registration_id, seq, sha256, prev_hash, key_id, signature, body, signature_png_sha256, created_at) VALUES ('missing', 2, 's2', 's1', 'k', 'sig', '{}', 'b', 't')",
      ).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO kiosk_identity (id, kiosk_id, key_id, public_key, created_at) VALUES (2, 'k', 'k', 'p', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO batches (id, transport, state, record_count, byte_count, created_at) VALUES ('b1', 'pigeon', 'open', 0, 0, 't')").run()).toThrow(/CHECK/);
  });
});
