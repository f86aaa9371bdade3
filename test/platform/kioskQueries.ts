// The two small kiosk calls besides batches: which ids the platform holds, as records or
// withdrawals (reconciling records a crash left in `sending`), and the heartbeat, kept as received for the platform's operators.
import type { HeartbeatRequest } from '../../shared/sync';
import type { PlatformDb } from './db';
import type { EnrolledKiosk } from './enrolment';
import type { Reply } from './http';

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
