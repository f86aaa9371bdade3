// Offline transfer: when there is no network at all, IT writes the due records to a USB file (the
// same batch request, encrypted to the platform and signed by the kiosk) and later imports the
// platform's receipt file. The records stay `sending` under that batch until a receipt arrives, by
// file or over the network (the loop resends open batches by the same id, which the platform
// answers with the stored receipt if the file got there first). Exporting again with nothing new
// writes the open batch again; importing a receipt twice changes nothing.
import { appendAudit } from '../audit/audit';
import type { KioskIdentity } from '../consent/identity';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Settings } from '../settings/settings';
import type { ExportedBatch, ImportedReceipt } from '../../../shared/domain/sync';
import { noCounts, type BatchStore } from './batchStore';
import type { LinkStore } from './link';
import { fileSha256, readOfflineReceipt, sealOfflineBatch } from './offlineFile';
import { ReceiptError, requestSha256, verifyReceipt } from './receipts';

export interface OfflineTransferDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  settings: Settings;
  identity: KioskIdentity;
  signingKey: KeyObject;
  link: LinkStore;
  batches: BatchStore;
  onQueueChanged(): void;
}

export function createOfflineTransfer(deps: OfflineTransferDeps) {
  const { clock, batches } = deps;
  const itemCounts = deps.sqlite.prepare('SELECT outcome, count(*) AS n FROM batch_items WHERE batch_id = ? AND outcome IS NOT NULL GROUP BY outcome');

  function audit(action: string, subject: string, details: Record<string, string | number>): void {
    deps.sqlite.transaction(() => appendAudit(deps.db, { at: clock.now().toISOString(), actor: null, action, subject, details })).immediate();
  }

  function exportBatch(actor: string | null): ExportedBatch {
    const link = deps.link.link();
    if (!link) throw new KioskError('sync_not_enrolled');
    if (!link.platformBoxKey) throw new KioskError('sync_no_encryption_key');
    const now = clock.now();
    const batchId =
      batches.cut('usb', now, deps.settings.get('syncBatchMaxRecords'), deps.settings.get('syncBatchMaxBytes'))?.id ??
      batches.open().filter((batch) => batch.transport === 'usb').at(-1)?.id;
    if (!batchId) throw new KioskError('sync_nothing_to_export');
    const records = batches.recordsOf(batchId);
    const text = sealOfflineBatch({
      request: { batch_id: batchId, records },
      kioskId: deps.identity.kioskId,
      keyId: deps.identity.keyId,
      signingKey: deps.signingKey,
      recipientKey: link.platformBoxKey,
      createdAt: now.toISOString(),
    });
    batches.markSent(batchId, now);
    audit('sync.export', batchId, { records: records.length, file: fileSha256(text), actor: actor ?? '' });
    deps.onQueueChanged();
    return {
      fileName: `kiosk-${deps.identity.kioskId.slice(0, 8)}-${batchId}.batch.json`,
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
      batchId,
      recordCount: records.length,
    };
  }

  function importReceipt(text: string, actor: string | null): ImportedReceipt {
    const link = deps.link.link();
    if (!link) throw new KioskError('sync_not_enrolled');
    const file = readOfflineReceipt(text);
    if (!file || file.kiosk_id !== deps.identity.kioskId) throw new KioskError('sync_file_invalid');
    const batch = batches.get(file.batch_id);
    if (!batch) throw new KioskError('sync_file_invalid');
    if (batch.state === 'done') {
      const counts = noCounts();
      for (const row of itemCounts.all(file.batch_id) as Array<{ outcome: keyof typeof counts; n: number }>) counts[row.outcome] = row.n;
      return { batchId: file.batch_id, applied: false, outcomes: counts };
    }
    const records = batches.recordsOf(file.batch_id);
    let body;
    try {
      body = verifyReceipt(file.receipt, {
        platformKey: link.platformKey,
        platformKeyId: link.platformKeyId,
        kioskId: deps.identity.kioskId,
        batchId: file.batch_id,
        records,
        requestSha256: requestSha256(records),
      });
    } catch (error) {
      if (error instanceof ReceiptError) throw new KioskError('sync_file_invalid');
      throw error;
    }
    const counts = batches.applyReceipt(
      file.batch_id,
      { body: file.receipt.body, signature: file.receipt.signature, serverTime: body.server_time, outcomes: body.outcomes },
      clock.now(),
    );
    audit('sync.importReceipt', file.batch_id, { actor: actor ?? '' });
    deps.onQueueChanged();
    return { batchId: file.batch_id, applied: counts !== null, outcomes: counts ?? noCounts() };
  }

  return { exportBatch, importReceipt };
}

export type OfflineTransfer = ReturnType<typeof createOfflineTransfer>;
