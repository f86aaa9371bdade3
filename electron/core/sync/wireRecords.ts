// A saved registration as it travels: its row, the signed snapshot, the signature image and the
// consent texts from `blobs`, and `record_signature` (deterministic Ed25519, so every resend of a
// record is byte for byte the same and a resent batch hashes to the same request).
import type { KeyObject } from 'node:crypto';
import { recordSignatureMaterial, type WireRecord } from '../../../shared/sync';
import { parseSnapshotBody } from '../consent';
import { signText } from '../consent/ed25519';
import type { SqliteDatabase } from '../db/open';

interface RecordRow {
  id: string;
  kind: 'individual' | 'enterprise';
  number: string;
  created_at: string;
  supersedes: string | null;
  payload: string;
  content_sha256: string | null;
  purged_at: string | null;
  body: string | null;
  sha256: string;
  signature: string;
  key_id: string;
  seq: number;
  png: Buffer | null;
}

/** A record that can no longer be sent as it was saved (purged, or its stored parts are missing). */
export class UnsendableRecordError extends Error {
  constructor(
    readonly registrationId: string,
    readonly reason: string,
  ) {
    super(`${registrationId}: ${reason}`);
    this.name = 'UnsendableRecordError';
  }
}

export function createWireRecords(sqlite: SqliteDatabase, signingKey: KeyObject) {
  const recordRow = sqlite.prepare(`
    SELECT r.id, r.kind, r.number, r.created_at, r.supersedes, r.payload, r.content_sha256, r.purged_at,
           s.body, s.sha256, s.signature, s.key_id, s.seq, b.bytes AS png
      FROM registrations r
      JOIN consent_snapshots s ON s.registration_id = r.id
      LEFT JOIN blobs b ON b.sha256 = s.signature_png_sha256
     WHERE r.id = ?`);
  const blob = sqlite.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').pluck();

  function build(registrationId: string): WireRecord {
    const row = recordRow.get(registrationId) as RecordRow | undefined;
    if (!row) throw new UnsendableRecordError(registrationId, 'no registration with a snapshot');
    if (row.purged_at || row.body === null || row.png === null || row.content_sha256 === null) {
      throw new UnsendableRecordError(registrationId, 'its data was purged');
    }
    const parsed = parseSnapshotBody(row.body);
    if (!parsed.ok) throw new UnsendableRecordError(registrationId, `its snapshot body does not parse: ${parsed.reason}`);
    const consentTexts: Record<string, string> = {};
    for (const consent of parsed.body.consents) {
      const bytes = blob.get(consent.text_sha256) as Buffer | null | undefined;
      if (!bytes) throw new UnsendableRecordError(registrationId, `consent text ${consent.item} is missing`);
      consentTexts[consent.item] = bytes.toString('utf8');
    }
    const snapshot = { body: row.body, sha256: row.sha256, signature: row.signature, key_id: row.key_id, seq: row.seq };
    return {
      record_id: row.id,
      kind: row.kind,
      number: row.number,
      created_at: row.created_at,
      supersedes: row.supersedes,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      content_sha256: row.content_sha256,
      record_signature: signText(signingKey, recordSignatureMaterial({ content_sha256: row.content_sha256, snapshot })),
      snapshot,
      signature_png: row.png.toString('base64'),
      consent_texts: consentTexts,
    };
  }

  return { build };
}

export type WireRecords = ReturnType<typeof createWireRecords>;

/** Bytes a record adds to a batch request body (its JSON and a separating comma). */
export function wireBytes(record: WireRecord): number {
  return Buffer.byteLength(JSON.stringify(record), 'utf8') + 1;
}
