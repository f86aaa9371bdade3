// Scheduled upkeep, run by the shell on a timer and at start: a backup when the last one is older
// than the interval, the retention purge, and a WAL checkpoint so the -wal file does not grow.
import { createBackup, listBackups, type BackupInfo } from './db/backup';
import type { SqliteDatabase } from './db/open';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Retention } from './retention/retention';
import type { Settings } from './settings/settings';

export interface MaintenanceOutcome {
  backup: BackupInfo | null;
  purged: number;
}

export function createMaintenance(deps: {
  sqlite: SqliteDatabase;
  clock: Clock;
  settings: Settings;
  retention: Retention;
  logger: Logger;
  dataDir: string;
}) {
  const { sqlite, clock, settings, retention, dataDir } = deps;
  const log = deps.logger.child('maintenance');

  function backupNow(reason: 'daily' | 'manual' | 'pre-update'): BackupInfo {
    const backup = createBackup(sqlite, dataDir, clock.now(), reason, settings.get('backupKeep'));
    log.log('info', 'backup.created', { file: backup.file, bytes: backup.bytes });
    return backup;
  }

  function runDue(): MaintenanceOutcome {
    const now = clock.now();
    const newest = listBackups(dataDir)[0];
    const intervalMs = settings.get('backupIntervalHours') * 3600 * 1000;
    const backup =
      !newest || now.getTime() - new Date(newest.createdAt).getTime() >= intervalMs ? backupNow('daily') : null;
    const { purged } = retention.purgeDue();
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    return { backup, purged };
  }

  return { runDue, backupNow, list: () => listBackups(dataDir) };
}

export type Maintenance = ReturnType<typeof createMaintenance>;

const MAINTENANCE_INTERVAL_MS = 3600 * 1000;

/**
 * Runs the scheduled upkeep (backup, retention, checkpoint) now and every hour. A failure is logged
 * and tried again next time; it never stops the kiosk.
 */
export function scheduleMaintenance(core: { maintenance: Maintenance; logger: Logger }): NodeJS.Timeout {
  const log = core.logger.child('maintenance');
  const run = () => {
    try {
      core.maintenance.runDue();
    } catch (error) {
      log.log('error', 'maintenance.failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  run();
  return setInterval(run, MAINTENANCE_INTERVAL_MS).unref();
}
