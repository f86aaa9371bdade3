// What tests and pilots read from the reference platform: the records it holds (with each one's
// place in its kiosk's chain) and the heartbeats it received.
import type { AdminRecord, AdminWithdrawal } from '../../shared/sync';
import type { PlatformDb } from './db';
import { HttpError, type Reply } from './http';

export const ADMIN_PAGE_MAX = 10_000;

interface RecordRow {
  record_id: string;
  kiosk_id: string;
  kind: string;
  number: string;
  created_at: string;
  supersedes: string | null;
  content_sha256: string;
  snapshot_sha256: string;
  seq: number;
  prev_hash: string;
  linked: number;
  batch_id: string;
  received_at: string;
  payload: string;
  withdrawn_by: string | null;
}

export function listRecords(db: PlatformDb, query: URLSearchParams): Reply {
  const limitText = query.get('limit') ?? '1000';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > ADMIN_PAGE_MAX) throw new HttpError(400, 'bad_request', `limit must be 1..${ADMIN_PAGE_MAX}`);
  const after = query.get('after') ?? '';
  const kioskId = query.get('kiosk_id');
  const withPayload = query.get('include') === 'payload';
  const rows = db
    .prepare(
      `SELECT r.*, (r.seq = 1 OR p.snapshot_sha256 = r.prev_hash) AS linked, w.record_id AS withdrawn_by
         FROM records r LEFT JOIN records p ON p.kiosk_id = r.kiosk_id AND p.seq = r.seq - 1
         LEFT JOIN withdrawals w ON w.withdraws = r.record_id
        WHERE r.record_id > ? AND (? IS NULL OR r.kiosk_id = ?)
        ORDER BY r.record_id LIMIT ?`,
    )
    .all(after, kioskId, kioskId, limit + 1) as RecordRow[];
  const page = rows.slice(0, limit);
  const records: AdminRecord[] = page.map((row) => ({
    record_id: row.record_id,
    kiosk_id: row.kiosk_id,
    kind: row.kind,
    number: row.number,
    created_at: row.created_at,
    supersedes: row.supersedes,
    content_sha256: row.content_sha256,
    snapshot_sha256: row.snapshot_sha256,
    seq: row.seq,
    prev_hash: row.prev_hash,
    chain: row.linked ? 'linked' : 'gap',
    batch_id: row.batch_id,
    received_at: row.received_at,
    withdrawn_by: row.withdrawn_by,
    ...(withPayload ? { payload: JSON.parse(row.payload) as Record<string, unknown> } : {}),
  }));
  return { status: 200, body: { records, next_after: rows.length > limit ? (page.at(-1)?.record_id ?? null) : null } };
}

export function listHeartbeats(db: PlatformDb): Reply {
  const rows = db.prepare('SELECT kiosk_id, received_at, body FROM heartbeats ORDER BY id DESC LIMIT 100').all() as Array<{ kiosk_id: string; received_at: string; body: string }>;
  return { status: 200, body: { heartbeats: rows.map((row) => ({ kiosk_id: row.kiosk_id, received_at: row.received_at, heartbeat: JSON.parse(row.body) as unknown })) } };
}

export function listWithdrawals(db: PlatformDb): Reply {
  const rows = db
    .prepare(
      `SELECT w.record_id, w.kiosk_id, w.withdraws, EXISTS (SELECT 1 FROM records r WHERE r.record_id = w.withdraws) AS held, w.kind, w.number,
              w.created_at, w.operator_id, w.reason, w.content_sha256, w.batch_id, w.received_at
         FROM withdrawals w ORDER BY w.record_id`,
    )
    .all() as Array<Omit<AdminWithdrawal, 'withdraws_held'> & { held: number }>;
  const withdrawals: AdminWithdrawal[] = rows.map(({ held, ...row }) => ({ ...row, withdraws_held: held === 1 }));
  return { status: 200, body: { withdrawals } };
}
