// Retention (PIPL art. 19): once the platform has acknowledged a record and the retention period has
// passed, its personal data is deleted — the registration's payload, the snapshot body (signer
// name) and the signature image. Its id, number, hashes, outcome and times stay, as the receipt.
// secure_delete is on, the WAL is truncated afterwards, and older backups are replaced by a fresh
// one, so the deleted data does not live on in free pages or backup files.
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import { createBackup, removeBackupsExcept } from '../db/backup';
import type { SqliteDatabase } from '../db/open';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Settings } from '../settings/settings';

const CHUNK = 500;
const DAY_MS = 24 * 3600 * 1000;

export interface PurgeOutcome {
  purged: number;
  backup: string | null;
}

export function createRetention(deps: {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  settings: Settings;
  logger: Logger;
  dataDir: string;
}) {
  const { db, sqlite, clock, settings, dataDir } = deps;
  const log = deps.logger.child('retention');

  const due = sqlite.prepare(`
    SELECT id FROM registrations
    WHERE purged_at IS NULL AND acknowledged_at IS NOT NULL AND acknowledged_at <= ?
      AND state IN ('accepted', 'duplicate')
    ORDER BY acknowledged_at LIMIT ?`);
  // A record IT discarded will never reach the platform: its data is kept for the same period from
  // the discard (for questions about it), then deleted like any other (PIPL art. 19).
  const dueDiscarded = sqlite.prepare(`
    SELECT id FROM registrations
    WHERE state = 'discarded' AND purged_at IS NULL AND updated_at <= ?
    LIMIT ?`);
  const purgeRegistration = sqlite.prepare(`
    UPDATE registrations SET payload = json_object('kind', kind), state = 'purged', purged_at = ?, updated_at = ?,
      -- A withdrawal's reason is the operator's free text: deleted too, the row stays a withdrawal.
      withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE '' END
    WHERE id = ?`);
  const purgeSnapshot = sqlite.prepare(
    'UPDATE consent_snapshots SET body = NULL, purged_at = ? WHERE registration_id = ?',
  );
  // An image is deleted once no snapshot that still keeps its body refers to it.
  const purgeImages = sqlite.prepare(`
    UPDATE blobs SET bytes = NULL, purged_at = ?
    WHERE bytes IS NOT NULL
      AND sha256 IN (SELECT signature_png_sha256 FROM consent_snapshots WHERE purged_at IS NOT NULL)
      AND sha256 NOT IN (SELECT signature_png_sha256 FROM consent_snapshots WHERE purged_at IS NULL)`);

  function purgeChunk(cutoff: string, now: string): number {
    return sqlite.transaction(() => {
      const ids = [...(due.pluck().all(cutoff, CHUNK) as string[]), ...(dueDiscarded.pluck().all(cutoff, CHUNK) as string[])];
      for (const id of ids) {
        purgeRegistration.run(now, now, id);
        purgeSnapshot.run(now, id);
      }
      if (ids.length > 0) {
        purgeImages.run(now);
        appendAudit(db, { at: now, actor: null, action: 'retention.purge', subject: null, details: { count: ids.length } });
      }
      return ids.length;
    }).immediate();
  }

  /** Deletes the personal data of every record past its retention period. */
  function purgeDue(): PurgeOutcome {
    const at = clock.now();
    const now = at.toISOString();
    const cutoff = new Date(at.getTime() - settings.get('retentionDays') * DAY_MS).toISOString();
    let purged = 0;
    for (let n = purgeChunk(cutoff, now); n > 0; n = purgeChunk(cutoff, now)) purged += n;
    if (purged === 0) return { purged, backup: null };
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const backup = createBackup(sqlite, dataDir, at, 'after-purge', settings.get('backupKeep'));
    const removed = removeBackupsExcept(dataDir, backup.file);
    log.log('info', 'retention.purged', { purged, backupsReplaced: removed });
    return { purged, backup: backup.file };
  }

  return { purgeDue };
}

export type Retention = ReturnType<typeof createRetention>;
