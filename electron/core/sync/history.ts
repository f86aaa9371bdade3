// Batch history for the IT console: every batch with its outcome counts, and one batch's records
// with their outcomes and reasons.
import type { BatchDetail, BatchSummary, SyncOutcome } from '../../../shared/domain/sync';
import type { Locale } from '../../../shared/i18n';
import type { SqliteDatabase } from '../db/open';
import { fieldErrors, reasonText } from './reasonText';

interface BatchRow {
  id: string;
  transport: 'network' | 'usb';
  state: 'sending' | 'done' | 'reconciled';
  recordCount: number;
  byteCount: number;
  createdAt: string;
  sentAt: string | null;
  completedAt: string | null;
  serverTime: string | null;
  error: string | null;
  accepted: number;
  duplicate: number;
  conflict: number;
  rejected: number;
}

const SUMMARY = `
  SELECT b.id, b.transport, b.state, b.record_count AS recordCount, b.byte_count AS byteCount, b.created_at AS createdAt,
         b.sent_at AS sentAt, b.completed_at AS completedAt, b.server_time AS serverTime, b.error,
         (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.outcome = 'accepted') AS accepted,
         (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.outcome = 'duplicate') AS duplicate,
         (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.outcome = 'conflict') AS conflict,
         (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.outcome = 'rejected') AS rejected
    FROM batches b`;

function toSummary(row: BatchRow): BatchSummary {
  const { accepted, duplicate, conflict, rejected, ...batch } = row;
  return { ...batch, outcomes: { accepted, duplicate, conflict, rejected } };
}

export function createBatchHistory(sqlite: SqliteDatabase) {
  const page = sqlite.prepare(`${SUMMARY} ORDER BY b.created_at DESC, b.id DESC LIMIT ? OFFSET ?`);
  const one = sqlite.prepare(`${SUMMARY} WHERE b.id = ?`);
  const total = sqlite.prepare('SELECT count(*) FROM batches').pluck();
  const items = sqlite.prepare(`
    SELECT i.registration_id AS registrationId, r.number, r.kind, r.state, i.outcome, i.reason, i.fields, i.decided_at AS decidedAt
      FROM batch_items i JOIN registrations r ON r.id = i.registration_id
     WHERE i.batch_id = ? ORDER BY i.registration_id`);

  return {
    list(limit: number, offset: number): { items: BatchSummary[]; total: number } {
      return { items: (page.all(limit, offset) as BatchRow[]).map(toSummary), total: total.get() as number };
    },
    detail(batchId: string, locale: Locale): BatchDetail | null {
      const row = one.get(batchId) as BatchRow | undefined;
      if (!row) return null;
      const rows = items.all(batchId) as Array<{
        registrationId: string;
        number: string;
        kind: 'individual' | 'enterprise';
        state: BatchDetail['items'][number]['state'];
        outcome: SyncOutcome | null;
        reason: string | null;
        fields: string | null;
        decidedAt: string | null;
      }>;
      return {
        batch: toSummary(row),
        items: rows.map((item) => ({
          ...item,
          message: item.reason === null ? null : reasonText(locale, item.reason),
          fields: fieldErrors(locale, item.fields),
        })),
      };
    },
  };
}
