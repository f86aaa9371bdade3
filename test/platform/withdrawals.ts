// A withdrawal in a batch (shared/sync/withdrawal.ts): checked like a record — shape, content hash,
// the kiosk's signature, duplicate or conflict by id — then against what the platform holds: the
// record it withdraws must be this kiosk's and of the same kind, and withdrawn only once. The
// withdrawn record itself stays as it was received; the withdrawal is kept beside it. A record the
// platform never received (quarantined on the kiosk, say) can still be withdrawn: the withdrawal is
// the kiosk's signed statement and is kept as such.
import {
  rejectionReasons,
  withdrawalContentMaterial,
  withdrawalSignatureMaterial,
  WireWithdrawalSchema,
  type RecordError,
  type RecordOutcome,
} from '../../shared/sync';
import { sha256Hex, verifyText } from '../../electron/core/consent/ed25519';
import { statement, type PlatformDb } from './db';
import type { EnrolledKiosk } from './enrolment';
import { zodFields } from './http';
import { heldContent } from './kioskQueries';

type OutcomeBase = Pick<RecordOutcome, 'index' | 'record_id' | 'content_sha256' | 'held_content_sha256' | 'errors'>;

function againstHeld(db: PlatformDb, kiosk: EnrolledKiosk, withdrawal: { record_id: string; withdraws: string; kind: string }): RecordError[] {
  if (withdrawal.withdraws === withdrawal.record_id) return [{ field: 'withdraws', reason: rejectionReasons.withdrawsSelf }];
  const original = statement(db, 'SELECT kiosk_id, kind FROM records WHERE record_id = ?').get(withdrawal.withdraws) as { kiosk_id: string; kind: string } | undefined;
  const withdrawnBy = statement(db, 'SELECT kiosk_id FROM withdrawals WHERE withdraws = ?').get(withdrawal.withdraws) as { kiosk_id: string } | undefined;
  if ((original && original.kiosk_id !== kiosk.kioskId) || (withdrawnBy && withdrawnBy.kiosk_id !== kiosk.kioskId)) {
    return [{ field: 'withdraws', reason: rejectionReasons.withdrawsForeign }];
  }
  if (original && original.kind !== withdrawal.kind) return [{ field: 'kind', reason: rejectionReasons.withdrawsKind }];
  if (withdrawnBy) return [{ field: 'withdraws', reason: rejectionReasons.withdrawnAlready }];
  return [];
}

/** Decides one withdrawal and, when accepted, stores it. Runs inside the batch's transaction. */
export function decideWithdrawal(db: PlatformDb, kiosk: EnrolledKiosk, raw: unknown, base: OutcomeBase, batchId: string, now: Date): RecordOutcome {
  const parsed = WireWithdrawalSchema.safeParse(raw);
  if (!parsed.success) return { ...base, outcome: 'rejected', errors: zodFields(parsed.error.issues) };
  const withdrawal = parsed.data;
  if (sha256Hex(withdrawalContentMaterial(withdrawal)) !== withdrawal.content_sha256) {
    return { ...base, outcome: 'rejected', errors: [{ field: 'content_sha256', reason: rejectionReasons.contentHash }] };
  }
  if (!verifyText(kiosk.publicKey, withdrawalSignatureMaterial(withdrawal), withdrawal.record_signature)) {
    return { ...base, outcome: 'rejected', errors: [{ field: 'record_signature', reason: rejectionReasons.recordSignature }] };
  }
  const held = heldContent(db, withdrawal.record_id);
  if (held !== null) {
    return held === withdrawal.content_sha256 ? { ...base, outcome: 'duplicate' } : { ...base, outcome: 'conflict', held_content_sha256: held };
  }
  const errors = againstHeld(db, kiosk, withdrawal);
  if (errors.length > 0) return { ...base, outcome: 'rejected', errors };
  statement(
    db,
    `INSERT INTO withdrawals (record_id, kiosk_id, withdraws, kind, number, created_at, operator_id, reason, content_sha256,
       record_signature, batch_id, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    withdrawal.record_id,
    kiosk.kioskId,
    withdrawal.withdraws,
    withdrawal.kind,
    withdrawal.number,
    withdrawal.created_at,
    withdrawal.operator_id,
    withdrawal.reason,
    withdrawal.content_sha256,
    withdrawal.record_signature,
    batchId,
    now.toISOString(),
  );
  return { ...base, outcome: 'accepted' };
}
