// Withdrawing a registration: a new record, in one BEGIN IMMEDIATE transaction with its audit entry
// and outbox row, that supersedes the original and says it is withdrawn. The original row is never
// changed; what the registrant saw and signed stays provable, and the platform learns of the
// withdrawal through the same queue (shared/sync/withdrawal.ts has the wire form).
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { RegistrationState } from '../../../shared/domain/registration';
import type { WithdrawalReceipt, WithdrawalRequest } from '../../../shared/domain/withdrawal';
import { WITHDRAWAL_TYPE, withdrawalContentMaterial } from '../../../shared/sync/withdrawal';
import type { ValidationKey } from '../../../shared/validation';
import { appendAudit } from '../audit/audit';
import { sha256Hex } from '../consent/ed25519';
import type { Db } from '../db';
import { outbox, registrations } from '../db/schema';
import { KioskError } from '../errors';
import { nextRegistrationNumber } from './numbers';
import { CORRECTABLE_STATES } from './submit';

function refuse(key: ValidationKey): never {
  throw new KioskError('invalid_input', {}, { id: { key } });
}

/**
 * Checks and writes a withdrawal. Runs inside the caller's `sqlite.transaction(...).immediate()`,
 * so the original cannot be sent, answered or replaced between the check and the write.
 */
export function writeWithdrawal(db: Db, request: WithdrawalRequest, operatorId: string, now: Date): WithdrawalReceipt {
  const original = db
    .select({
      id: registrations.id,
      number: registrations.number,
      kind: registrations.kind,
      state: registrations.state,
      withdrawalReason: registrations.withdrawalReason,
    })
    .from(registrations)
    .where(eq(registrations.id, request.id))
    .get();
  if (!original) throw new KioskError('not_found');
  if (original.withdrawalReason !== null) refuse('withdrawal.notARegistration');
  const replaced = db.select({ id: registrations.id }).from(registrations).where(eq(registrations.supersedes, original.id)).get();
  if (replaced || !CORRECTABLE_STATES.includes(original.state as RegistrationState)) refuse('registration.supersedes.closed');

  const id = uuidv7({ msecs: now.getTime() });
  const createdAt = now.toISOString();
  const number = nextRegistrationNumber(db, now);
  const contentSha256 = sha256Hex(
    withdrawalContentMaterial({
      type: WITHDRAWAL_TYPE,
      record_id: id,
      withdraws: original.id,
      kind: original.kind,
      number,
      created_at: createdAt,
      operator_id: operatorId,
      reason: request.reason,
    }),
  );
  const state: RegistrationState = 'queued';
  db.insert(registrations)
    .values({
      id,
      number,
      kind: original.kind,
      state,
      // No registrant data: only the kind, as a record keeps after retention.
      payload: JSON.stringify({ kind: original.kind }),
      supersedes: original.id,
      operatorId,
      createdAt,
      updatedAt: createdAt,
      contentSha256,
      withdrawalReason: request.reason,
    })
    .run();
  appendAudit(db, {
    at: createdAt,
    actor: operatorId,
    action: 'registration.withdraw',
    subject: id,
    // The reason is the operator's free text and may name the person: it stays in the record only.
    details: { kind: original.kind, number, withdraws: original.id, withdrawsNumber: original.number },
  });
  db.insert(outbox).values({ registrationId: id, enqueuedAt: createdAt, nextAttemptAt: createdAt }).run();
  return { id, number, kind: original.kind, state, createdAt, reason: request.reason, withdraws: { id: original.id, number: original.number } };
}
