// A withdrawal as it travels: the registrant withdrew a record before the platform answered for it
// (product.md "After submit"; PIPL art. 15 — withdrawal is recorded, it does not erase history).
// It is an entry of its own in a batch's `records`, told apart by `type: "withdrawal"`, with its own
// id and number, naming the record it withdraws. It carries no personal data and no consent
// snapshot: nothing the registrant agreed to changes, so there is nothing new to sign by hand. The
// kiosk's key signs it, so only the kiosk that wrote it can claim its id, and one changed byte
// fails verification, as with every record.
import { z } from 'zod';
import { registrationKinds } from '../domain/registration';
import { canonicalJson } from './canonical';
import type { WireRecord } from './record';
import { InstantSchema, Sha256HexSchema, SignatureSchema, Uuidv7Schema } from './wire';

export const WITHDRAWAL_TYPE = 'withdrawal';

/** Characters of the reason the operator records (the registrant's words or a preset reason). */
export const WITHDRAWAL_REASON_MAX = 200;

export const WireWithdrawalSchema = z
  .object({
    type: z.literal(WITHDRAWAL_TYPE),
    /** The withdrawal's own id (UUIDv7): resends, duplicates and conflicts work as for records. */
    record_id: Uuidv7Schema,
    /** The record withdrawn: a record of the same kiosk, of the same kind. */
    withdraws: Uuidv7Schema,
    kind: z.enum(registrationKinds),
    /** The withdrawal's own number, from the same daily sequence as registrations. */
    number: z.string().min(1).max(64),
    created_at: InstantSchema,
    /** The operator who recorded it (staff id, not a name). */
    operator_id: z.string().min(1).max(64),
    reason: z.string().min(1).max(WITHDRAWAL_REASON_MAX),
    content_sha256: Sha256HexSchema,
    /** Ed25519 by the kiosk's key over the UTF-8 bytes of `withdrawalSignatureMaterial(...)`, base64. */
    record_signature: SignatureSchema,
  })
  .strict();
export type WireWithdrawal = z.infer<typeof WireWithdrawalSchema>;

/** The fields `content_sha256` covers: all but the hash and the signature. */
export type WithdrawalContentFields = Omit<WireWithdrawal, 'content_sha256' | 'record_signature'>;

/** RFC 8785 canonical JSON of the content fields; its SHA-256 (hex, UTF-8) is `content_sha256`. */
export function withdrawalContentMaterial(fields: WithdrawalContentFields): string {
  const { type, record_id, withdraws, kind, number, created_at, operator_id, reason } = fields;
  return canonicalJson({ type, record_id, withdraws, kind, number, created_at, operator_id, reason });
}

/**
 * What `record_signature` signs: canonical JSON of {content_sha256, type}. A registration's
 * signature material has `snapshot_seq` instead of `type`, so one can never pass for the other.
 */
export function withdrawalSignatureMaterial(withdrawal: Pick<WireWithdrawal, 'content_sha256'>): string {
  return canonicalJson({ content_sha256: withdrawal.content_sha256, type: WITHDRAWAL_TYPE });
}

/** Whether a batch entry, before any parsing, says it is a withdrawal. */
export function isWithdrawalEntry(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).type === WITHDRAWAL_TYPE;
}

/** One element of a batch's `records`: a registration, or a withdrawal of one. */
export type WireEntry = WireRecord | WireWithdrawal;
