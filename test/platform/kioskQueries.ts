// What the platform holds under an id, as a record or a withdrawal (ids are unique across both):
// for deciding a batch entry, and for the kiosk's lookup that reconciles records a crash left in
// `sending`. And the heartbeat, kept as received for the platform's operators.
import type { HeartbeatRequest } from '../../shared/sync';
import { statement, type PlatformDb } from './db';
import type { EnrolledKiosk } from './enrolment';
import type { Reply } from './http';

/** The content hash held under an id, as a record or as a withdrawal (ids are unique across both). */
export function heldContent(db: PlatformDb, recordId: string): string | null {
  const row = statement(db, 'SELECT content_sha256 FROM records WHERE record_id = ? UNION ALL SELECT content_sha256 FROM withdrawals WHERE record_id = ?').get(
    recordId,
    recordId,
  ) as { content_sha256: string } | undefined;
  return row?.content_sha256 ?? null;
}

export function heldRecords(db: PlatformDb, kiosk: EnrolledKiosk, ids: readonly string[]): Reply {
  const placeholders = ids.map(() => '?').join(',');
  const records = db
    .prepare(
      `SELECT record_id, content_sha256, batch_id, received_at FROM records WHERE kiosk_id = ? AND record_id IN (${placeholders})
       UNION ALL
       SELECT record_id, content_sha256, batch_id, received_at FROM withdrawals WHERE kiosk_id = ? AND record_id IN (${placeholders})
       ORDER BY record_id`,
    )
    .all(kiosk.kioskId, ...ids, kiosk.kioskId, ...ids);
  return { status: 200, body: { records } };
}

export function receiveHeartbeat(db: PlatformDb, kiosk: EnrolledKiosk, heartbeat: HeartbeatRequest, now: Date): Reply {
  db.prepare('INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES (?, ?, ?)').run(kiosk.kioskId, now.toISOString(), JSON.stringify(heartbeat));
  return { status: 200, body: { received: true } };
}
