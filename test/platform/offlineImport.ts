// `npm run -s platform -- import FILE --data-dir D [--out RECEIPT]`: takes an offline (USB) batch
// file from a kiosk, checks the kiosk's signature with its enrolled key, decrypts it with the
// platform's X25519 key, and decides it exactly as `POST /v1/batches` would (same batch id, same
// stored receipt: importing a file twice, or a file whose batch also came over the network, gives
// the same receipt). Writes the receipt file the kiosk imports (docs/sync-offline-transfer.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { publicKeyFromRaw } from '../../electron/core/consent/ed25519';
import { openOfflineBatch, OfflineFileError, readOfflineBatchHeader, writeOfflineReceipt } from '../../electron/core/sync/offlineFile';
import { BatchResponseSchema, type RecordOutcome } from '../../shared/sync';
import { publishedAgreementHash } from './agreements';
import { receiveBatch } from './batches';
import { openPlatformDb } from './db';
import { ensurePlatformEncryptionKey } from './encryptionKey';
import { ensurePlatformIdentity } from './identity';

export class OfflineImportError extends Error {}

export interface OfflineImportResult {
  batchId: string;
  receiptPath: string;
  counts: Record<RecordOutcome['outcome'], number>;
}

export function importOfflineBatch(dataDir: string, file: string, receiptPath: string, now = new Date()): OfflineImportResult {
  const db = openPlatformDb(dataDir);
  try {
    const text = readFileSync(file, 'utf8');
    let kioskId: string;
    try {
      kioskId = readOfflineBatchHeader(text).body.kiosk_id;
    } catch (error) {
      if (error instanceof OfflineFileError) throw new OfflineImportError(`${file}: ${error.message}`);
      throw error;
    }
    const kiosk = db.prepare('SELECT kiosk_id, key_id, public_key FROM kiosks WHERE kiosk_id = ?').get(kioskId) as
      | { kiosk_id: string; key_id: string; public_key: string }
      | undefined;
    if (!kiosk) throw new OfflineImportError(`${file}: kiosk ${kioskId} is not enrolled here`);
    const identity = ensurePlatformIdentity(db, now);
    let request;
    try {
      request = openOfflineBatch(text, { kioskId, publicKey: kiosk.public_key }, ensurePlatformEncryptionKey(db, now)).request;
    } catch (error) {
      if (error instanceof OfflineFileError) throw new OfflineImportError(`${file}: ${error.message}`);
      throw error;
    }
    const reply = receiveBatch(
      { db, identity, publishedAgreement: publishedAgreementHash(db) },
      { kioskId, keyId: kiosk.key_id, publicKey: publicKeyFromRaw(Buffer.from(kiosk.public_key, 'base64')) },
      request,
      now,
    );
    const answer = BatchResponseSchema.parse({ ...reply.body, server_time: now.toISOString() });
    writeFileSync(receiptPath, writeOfflineReceipt(answer.batch_id, kioskId, answer.receipt));
    const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
    for (const outcome of answer.outcomes) counts[outcome.outcome] += 1;
    return { batchId: answer.batch_id, receiptPath, counts };
  } finally {
    db.close();
  }
}
