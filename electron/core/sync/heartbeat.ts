// The heartbeat: how this kiosk is doing, for the platform's operators. Counts and versions only,
// never personal data.
import type { HeartbeatRequest } from '../../../shared/sync';
import { listBackups } from '../db/backup';
import { schemaVersion } from '../db/migrate';
import type { SqliteDatabase } from '../db/open';
import type { AgreementLibrary } from '../agreements/library';
import type { LinkStore } from './link';
import type { QueueFigures } from './queueFigures';

export interface HeartbeatDeps {
  sqlite: SqliteDatabase;
  dataDir: string;
  appVersion: string;
  agreements: AgreementLibrary;
  link: LinkStore;
  figures: () => QueueFigures;
}

export function buildHeartbeat(deps: HeartbeatDeps, now: Date): HeartbeatRequest {
  const figures = deps.figures();
  const state = deps.link.state();
  return {
    sent_at: now.toISOString(),
    queue_depth: figures.pending,
    oldest_unsynced_age_s: figures.oldestPendingAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(figures.oldestPendingAt)) / 1000)),
    quarantined: figures.quarantined,
    last_sync_at: state.lastSuccessAt,
    clock_offset_ms: state.clockOffsetMs,
    versions: {
      app: deps.appVersion,
      schema: schemaVersion(deps.sqlite),
      agreements: deps.agreements.list().slice(0, 500).map((version) => ({ agreement_id: version.agreementId, version: version.version })),
    },
    db_health: {
      // The database passed its integrity check at start, or the kiosk would not be running.
      integrity: 'ok',
      last_backup_at: listBackups(deps.dataDir)[0]?.createdAt ?? null,
      free_bytes: null,
    },
  };
}
