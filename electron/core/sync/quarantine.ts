// The quarantine: records the platform refused (conflict, rejected) or the kiosk could not send.
// They never block the rest and are never retried by themselves; an IT admin retries one (it goes
// back to the queue), corrects it (a new superseding record, through registrations.submit), or
// discards it with a second IT admin's confirmation. Every action is in the audit log.
import type { QuarantinedRecord } from '../../../shared/domain/sync';
import type { Locale } from '../../../shared/i18n';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import { reasons } from './batchStore';
import { fieldErrors, reasonText } from './reasonText';

interface QuarantineRow {
  registrationId: string;
  number: string;
  kind: 'individual' | 'enterprise';
  createdAt: string;
  reason: string | null;
  outcome: string | null;
  fields: string | null;
  batchId: string | null;
  decidedAt: string | null;
}

export function createQuarantine(deps: { db: Db; sqlite: SqliteDatabase; clock: Clock }) {
  const { db, sqlite, clock } = deps;
  const list = sqlite.prepare(`
    SELECT r.id AS registrationId, r.number, r.kind, r.created_at AS createdAt, r.quarantine_reason AS reason,
           i.outcome, i.fields, i.batch_id AS batchId, i.decided_at AS decidedAt
      FROM registrations r
      LEFT JOIN batch_items i ON i.rowid = (
        SELECT rowid FROM batch_items WHERE registration_id = r.id AND outcome IN ('conflict', 'rejected') ORDER BY decided_at DESC, rowid DESC LIMIT 1)
     WHERE r.state = 'quarantined'
     ORDER BY r.created_at, r.id`);
  const stateOf = sqlite.prepare('SELECT state FROM registrations WHERE id = ?').pluck();
  const requeue = sqlite.prepare("UPDATE registrations SET state = 'queued', quarantine_reason = NULL, updated_at = ? WHERE id = ?");
  const enqueue = sqlite.prepare(
    `INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)
     ON CONFLICT (registration_id) DO UPDATE SET batch_id = NULL, next_attempt_at = excluded.next_attempt_at`,
  );
  const discard = sqlite.prepare("UPDATE registrations SET state = 'discarded', updated_at = ? WHERE id = ?");

  function requireQuarantined(registrationId: string): void {
    const state = stateOf.get(registrationId) as string | undefined;
    if (state === undefined) throw new KioskError('not_found');
    if (state !== 'quarantined') throw new KioskError('sync_not_quarantined');
  }

  return {
    list(locale: Locale): QuarantinedRecord[] {
      return (list.all() as QuarantineRow[]).map((row) => {
        const reason = row.reason ?? reasons.refused;
        return {
          registrationId: row.registrationId,
          number: row.number,
          kind: row.kind,
          createdAt: row.createdAt,
          outcome: row.outcome === 'conflict' ? 'conflict' : 'rejected',
          reason,
          message: reasonText(locale, reason),
          fields: fieldErrors(locale, row.fields),
          batchId: row.batchId,
          decidedAt: row.decidedAt,
        };
      });
    },
    retry(registrationId: string, actor: string): void {
      sqlite
        .transaction(() => {
          requireQuarantined(registrationId);
          const at = clock.now().toISOString();
          requeue.run(at, registrationId);
          enqueue.run(registrationId, at, at);
          appendAudit(db, { at, actor, action: 'sync.retry', subject: registrationId, details: {} });
        })
        .immediate();
    },
    /** Discards a quarantined record; `confirmedBy` is a second IT admin who entered their PIN. */
    discard(registrationId: string, actor: string, confirmedBy: string): void {
      sqlite
        .transaction(() => {
          requireQuarantined(registrationId);
          const at = clock.now().toISOString();
          discard.run(at, registrationId);
          appendAudit(db, { at, actor, action: 'sync.discard', subject: registrationId, details: { confirmedBy } });
        })
        .immediate();
    },
  };
}

export type Quarantine = ReturnType<typeof createQuarantine>;
