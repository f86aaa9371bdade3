// A saved registration as it travels (a withdrawal row travels as a `WireWithdrawal`): its row, the signed snapshot, the signature image and the
// consent texts from `blobs`, and `record_signature` (deterministic Ed25519, so every resend of a
// record is byte for byte the same and a resent batch hashes to the same request).
import type { KeyObject } from 'node:crypto';
import {
  recordSignatureMaterial,
  WITHDRAWAL_TYPE,
  withdrawalSignatureMaterial,
  type WireEntry,
  type WireRecord,
  type WireWithdrawal,
} from '../../../shared/sync';
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

interface WithdrawalRow {
  id: string;
  kind: 'individual' | 'enterprise';
  number: string;
  created_at: string;
  supersedes: string | null;
  operator_id: string;
  withdrawal_reason: string;
  content_sha256: string | null;
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
  const withdrawalRow = sqlite.prepare(`
    SELECT id, kind, number, created_at, supersedes, operator_id, withdrawal_reason, content_sha256
      FROM registrations
     WHERE id = ? AND withdrawal_reason IS NOT NULL`);

  /** A withdrawal row (withdraw.ts) as it travels; its content hash was fixed when it was saved. */
  function buildWithdrawal(row: WithdrawalRow): WireWithdrawal {
    if (row.supersedes === null || row.content_sha256 === null || row.withdrawal_reason === '') {
      throw new UnsendableRecordError(row.id, 'its data was purged');
    }
    return {
      type: WITHDRAWAL_TYPE,
      record_id: row.id,
      withdraws: row.supersedes,
      kind: row.kind,
      number: row.number,
      created_at: row.created_at,
      operator_id: row.operator_id,
      reason: row.withdrawal_reason,
      content_sha256: row.content_sha256,
      record_signature: signText(signingKey, withdrawalSignatureMaterial({ content_sha256: row.content_sha256 })),
    };
  }

  /**
   * `consentTexts` carries the texts already read for other records of the same batch, by SHA-256:
   * an agreement's few consent texts are the same for every record, so each is read once a batch.
   */
  function build(registrationId: string, consentTexts: Map<string, string> = new Map()): WireEntry {
    const row = recordRow.get(registrationId) as RecordRow | undefined;
    if (!row) {
      const withdrawal = withdrawalRow.get(registrationId) as WithdrawalRow | undefined;
      if (withdrawal) return buildWithdrawal(withdrawal);
      throw new UnsendableRecordError(registrationId, 'no registration with a snapshot');
    }
    if (row.purged_at || row.body === null || row.png === null || row.content_sha256 === null) {
      throw new UnsendableRecordError(registrationId, 'its data was purged');
    }
    const parsed = parseSnapshotBody(row.body);
    if (!parsed.ok) throw new UnsendableRecordError(registrationId, `its snapshot body does not parse: ${parsed.reason}`);
    const texts: Record<string, string> = {};
    for (const consent of parsed.body.consents) {
      let text = consentTexts.get(consent.text_sha256);
      if (text === undefined) {
        const bytes = blob.get(consent.text_sha256) as Buffer | null | undefined;
        if (!bytes) throw new UnsendableRecordError(registrationId, `consent text ${consent.item} is missing`);
        text = bytes.toString('utf8');
        consentTexts.set(consent.text_sha256, text);
      }
      texts[consent.item] = text;
    }
    const snapshot = { body: row.body, sha256: row.sha256, signature: row.signature, key_id: row.key_id, seq: row.seq };
    const record: WireRecord = {
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
      consent_texts: texts,
    };
    return record;
  }

  return { build };
}

export type WireRecords = ReturnType<typeof createWireRecords>;
