// The kiosk's batches in its own database. A batch is cut from the outbox in one transaction (its
// records move to `sending`), keeps its id and records until the platform's receipt is applied, and
// is closed either by that receipt or, after a crash, by asking the platform which ids it holds.
// Every change to a record's state happens here, each in one transaction with its audit entry.
import { v7 as uuidv7 } from 'uuid';
import type { RecordOutcome, WireEntry } from '../../../shared/sync';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { READY_FOR_BATCH_SQL } from '../outbox/queries';
import { encodeEntry, entryBytes, type EncodedEntry } from './requestBody';
import { UnsendableRecordError, type WireRecords } from './wireRecords';

export type Transport = 'network' | 'usb';

export const reasons = {
  conflict: 'sync.reason.conflict',
  unsendable: 'sync.reason.unsendable',
  refused: 'sync.reason.refused',
} as const;

export interface OpenBatch {
  id: string;
  transport: Transport;
  createdAt: string;
  recordCount: number;
}

export interface CutBatch {
  id: string;
  /** The batch's records, encoded as they go on the wire, sorted by id. */
  entries: EncodedEntry[];
  bytes: number;
}

/** Records being built ahead of the next cut (`buildAhead`). */
export interface BuildingAhead {
  /** Stops building; what was built by now, by registration id. */
  stop(): ReadonlyMap<string, EncodedEntry>;
}

export interface AppliedCounts {
  accepted: number;
  duplicate: number;
  conflict: number;
  rejected: number;
}

export const noCounts = (): AppliedCounts => ({ accepted: 0, duplicate: 0, conflict: 0, rejected: 0 });

/** What the platform holds under an id, for closing a batch left open by a crash. */
export interface HeldRecord {
  contentSha256: string;
}

export function createBatchStore(deps: { db: Db; sqlite: SqliteDatabase; wire: WireRecords }) {
  const { db, sqlite, wire } = deps;
  const ready = sqlite.prepare(READY_FOR_BATCH_SQL).pluck();
  const openBatches = sqlite.prepare(
    "SELECT id, transport, created_at AS createdAt, record_count AS recordCount FROM batches WHERE state = 'sending' ORDER BY created_at, id",
  );
  const batchRow = sqlite.prepare('SELECT id, transport, state, receipt FROM batches WHERE id = ?');
  const itemIds = sqlite.prepare('SELECT registration_id FROM batch_items WHERE batch_id = ? ORDER BY registration_id').pluck();
  const insertBatch = sqlite.prepare(
    "INSERT INTO batches (id, transport, state, record_count, byte_count, created_at) VALUES (?, ?, 'sending', ?, ?, ?)",
  );
  const insertItem = sqlite.prepare('INSERT INTO batch_items (batch_id, registration_id) VALUES (?, ?)');
  const claim = sqlite.prepare('UPDATE outbox SET batch_id = ? WHERE registration_id = ? AND batch_id IS NULL');
  const setState = sqlite.prepare('UPDATE registrations SET state = ?, updated_at = ? WHERE id = ?');
  const inBatch = sqlite.prepare("SELECT 1 FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE o.registration_id = ? AND o.batch_id = ? AND r.state = 'sending'").pluck();
  const acknowledge = sqlite.prepare('UPDATE registrations SET state = ?, acknowledged_at = ?, quarantine_reason = NULL, updated_at = ? WHERE id = ?');
  const quarantine = sqlite.prepare("UPDATE registrations SET state = 'quarantined', quarantine_reason = ?, updated_at = ? WHERE id = ?");
  const dropOutbox = sqlite.prepare('DELETE FROM outbox WHERE registration_id = ?');
  const release = sqlite.prepare('UPDATE outbox SET batch_id = NULL, next_attempt_at = ? WHERE registration_id = ? AND batch_id = ?');
  const recordItem = sqlite.prepare('UPDATE batch_items SET outcome = ?, reason = ?, fields = ?, decided_at = ? WHERE batch_id = ? AND registration_id = ?');
  const closeBatch = sqlite.prepare(
    'UPDATE batches SET state = ?, completed_at = ?, server_time = ?, receipt = ?, receipt_signature = ?, error = NULL WHERE id = ?',
  );
  const batchSent = sqlite.prepare('UPDATE batches SET sent_at = coalesce(sent_at, ?) WHERE id = ?');
  const batchFailed = sqlite.prepare('UPDATE batches SET error = ? WHERE id = ?');
  const contentHashes = sqlite.prepare(
    'SELECT r.id, r.content_sha256 FROM batch_items i JOIN registrations r ON r.id = i.registration_id WHERE i.batch_id = ?',
  );
  const attempted = sqlite.prepare(
    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE batch_id = ?",
  );

  function quarantineNow(registrationId: string, reason: string, at: string): void {
    quarantine.run(reason, at, registrationId);
    dropOutbox.run(registrationId);
    appendAudit(db, { at, actor: null, action: 'sync.quarantine', subject: registrationId, details: { reason } });
  }

  /**
   * Cuts the next batch from the records due now: at most `maxRecords`, and no more bytes than
   * `maxBytes` (a single record larger than that still goes alone). Records in the batch are sorted
   * by id, so a resend rebuilds the same request. Records in `ahead` (buildAhead) are taken as built.
   * Null when nothing is due.
   */
  function cut(transport: Transport, now: Date, maxRecords: number, maxBytes: number, ahead: ReadonlyMap<string, EncodedEntry> = new Map()): CutBatch | null {
    return sqlite
      .transaction((): CutBatch | null => {
        const at = now.toISOString();
        const ids = ready.all(at, maxRecords) as string[];
        const entries: EncodedEntry[] = [];
        const consentTexts = new Map<string, string>();
        let bytes = 0;
        for (const id of ids) {
          let built = ahead.get(id);
          if (!built) {
            try {
              built = encodeEntry(wire.build(id, consentTexts));
            } catch (error) {
              if (!(error instanceof UnsendableRecordError)) throw error;
              quarantineNow(id, reasons.unsendable, at);
              continue;
            }
          }
          if (entries.length > 0 && bytes + entryBytes(built) > maxBytes) break;
          entries.push(built);
          bytes += entryBytes(built);
        }
        if (entries.length === 0) return null;
        entries.sort((a, b) => (a.record.record_id < b.record.record_id ? -1 : 1));
        const id = uuidv7({ msecs: now.getTime() });
        insertBatch.run(id, transport, entries.length, bytes, at);
        for (const { record } of entries) {
          insertItem.run(id, record.record_id);
          claim.run(id, record.record_id);
          setState.run('sending', at, record.record_id);
        }
        return { id, entries, bytes };
      })
      .immediate();
  }

  /**
   * Builds the records due next, one at a time between other work (`setImmediate`), while a batch
   * is in flight, so the next cut finds them built; building is most of a cut's time. Sound because
   * a queued record's wire form is fixed: nothing changes the row, snapshot or blobs of a record
   * that is due (retention purges acknowledged and discarded records only; a correction or a
   * withdrawal is a new row). The cut still decides, in its transaction, which records go.
   * A record that cannot be built here is left for the cut to build, and to handle, again; any
   * other failure (the database closing under it) ends the building.
   */
  function buildAhead(now: Date, maxRecords: number): BuildingAhead {
    const built = new Map<string, EncodedEntry>();
    let stopped = false;
    const ids = ready.all(now.toISOString(), maxRecords) as string[];
    void (async () => {
      const consentTexts = new Map<string, string>();
      for (const id of ids) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (stopped) return;
        try {
          built.set(id, encodeEntry(wire.build(id, consentTexts)));
        } catch (error) {
          if (!(error instanceof UnsendableRecordError)) return;
        }
      }
    })();
    return {
      stop: () => {
        stopped = true;
        return built;
      },
    };
  }

  /** The records of an open batch, rebuilt exactly as they were first sent. */
  function recordsOf(batchId: string): WireEntry[] {
    const consentTexts = new Map<string, string>();
    return (itemIds.all(batchId) as string[]).map((id) => wire.build(id, consentTexts));
  }

  /** `recordsOf`, encoded for a request. */
  function entriesOf(batchId: string): EncodedEntry[] {
    return recordsOf(batchId).map(encodeEntry);
  }

  function applyOne(batchId: string, registrationId: string, outcome: RecordOutcome, at: string, counts: AppliedCounts): void {
    const fields = outcome.errors.length > 0 ? JSON.stringify(outcome.errors) : null;
    const reason = outcome.outcome === 'conflict' ? reasons.conflict : outcome.outcome === 'rejected' ? (outcome.errors[0]?.reason ?? reasons.refused) : null;
    recordItem.run(outcome.outcome, reason, fields, at, batchId, registrationId);
    counts[outcome.outcome] += 1;
    // A record this batch no longer speaks for (closed meanwhile by another answer) keeps its state.
    if (!inBatch.get(registrationId, batchId)) return;
    if (outcome.outcome === 'accepted' || outcome.outcome === 'duplicate') {
      acknowledge.run(outcome.outcome, at, at, registrationId);
      dropOutbox.run(registrationId);
    } else {
      quarantineNow(registrationId, reason ?? reasons.refused, at);
    }
  }

  /**
   * Applies a verified receipt: each record's outcome, the batch closed with the receipt, an audit
   * entry. Applying the same receipt again changes nothing and returns null.
   */
  function applyReceipt(
    batchId: string,
    receipt: { body: string; signature: string; serverTime: string; outcomes: readonly RecordOutcome[] },
    now: Date,
  ): AppliedCounts | null {
    return sqlite
      .transaction((): AppliedCounts | null => {
        const row = batchRow.get(batchId) as { state: string } | undefined;
        if (!row || row.state === 'done') return null;
        const at = now.toISOString();
        const counts = noCounts();
        for (const outcome of receipt.outcomes) {
          if (outcome.record_id) applyOne(batchId, outcome.record_id, outcome, at, counts);
        }
        closeBatch.run('done', at, receipt.serverTime, receipt.body, receipt.signature, batchId);
        appendAudit(db, { at, actor: null, action: 'sync.batch', subject: batchId, details: { ...counts } });
        return counts;
      })
      .immediate();
  }

  /**
   * Closes a batch without its receipt, from what the platform holds: held with the same content →
   * accepted; held with other content → conflict; not held → back to the queue, due `retryAt`.
   */
  function reconcile(batchId: string, held: ReadonlyMap<string, HeldRecord>, contentOf: ReadonlyMap<string, string>, now: Date, retryAt: Date): AppliedCounts & { requeued: number } {
    return sqlite
      .transaction(() => {
        const at = now.toISOString();
        const counts = { ...noCounts(), requeued: 0 };
        for (const id of itemIds.all(batchId) as string[]) {
          const platform = held.get(id);
          if (!platform) {
            if (inBatch.get(id, batchId)) {
              release.run(retryAt.toISOString(), id, batchId);
              setState.run('queued', at, id);
              counts.requeued += 1;
            }
            continue;
          }
          const same = platform.contentSha256 === contentOf.get(id);
          const outcome: RecordOutcome = {
            index: 0,
            record_id: id,
            outcome: same ? 'accepted' : 'conflict',
            content_sha256: contentOf.get(id) ?? null,
            held_content_sha256: same ? null : platform.contentSha256,
            errors: [],
          };
          applyOne(batchId, id, outcome, at, counts);
        }
        closeBatch.run('reconciled', at, null, null, null, batchId);
        appendAudit(db, { at, actor: null, action: 'sync.reconcile', subject: batchId, details: { ...counts } });
        return counts;
      })
      .immediate();
  }

  /**
   * Gives up a batch the platform refused as a whole without storing anything (400, 413): its
   * records go back to the queue, to be sent in smaller batches.
   */
  function abandon(batchId: string, now: Date, error: string): number {
    return sqlite
      .transaction(() => {
        const at = now.toISOString();
        let requeued = 0;
        for (const id of itemIds.all(batchId) as string[]) {
          if (!inBatch.get(id, batchId)) continue;
          release.run(at, id, batchId);
          setState.run('queued', at, id);
          requeued += 1;
        }
        closeBatch.run('reconciled', at, null, null, null, batchId);
        batchFailed.run(error, batchId);
        appendAudit(db, { at, actor: null, action: 'sync.abandon', subject: batchId, details: { error, requeued } });
        return requeued;
      })
      .immediate();
  }

  /** A record the platform refuses even alone: quarantined so it never blocks the rest. */
  function refuseAlone(batchId: string, registrationId: string, fields: ReadonlyArray<{ field: string; reason: string }>, now: Date, error: string): void {
    sqlite
      .transaction(() => {
        const at = now.toISOString();
        recordItem.run('rejected', reasons.refused, fields.length > 0 ? JSON.stringify(fields) : null, at, batchId, registrationId);
        if (inBatch.get(registrationId, batchId)) quarantineNow(registrationId, reasons.refused, at);
        closeBatch.run('reconciled', at, null, null, null, batchId);
        batchFailed.run(error, batchId);
      })
      .immediate();
  }

  return {
    cut,
    buildAhead,
    recordsOf,
    entriesOf,
    ids: (batchId: string) => itemIds.all(batchId) as string[],
    contentHashes: (batchId: string) =>
      new Map((contentHashes.all(batchId) as Array<{ id: string; content_sha256: string }>).map((row) => [row.id, row.content_sha256])),
    applyReceipt,
    reconcile,
    abandon,
    refuseAlone,
    open: (): OpenBatch[] => openBatches.all() as OpenBatch[],
    get: (batchId: string) => batchRow.get(batchId) as { id: string; transport: Transport; state: string; receipt: string | null } | undefined,
    markSent: (batchId: string, now: Date) => batchSent.run(now.toISOString(), batchId),
    markFailed: (batchId: string, error: string) =>
      sqlite.transaction(() => {
        batchFailed.run(error, batchId);
        attempted.run(error, batchId);
      })(),
  };
}

export type BatchStore = ReturnType<typeof createBatchStore>;
