// The queue as sync sees it: what waits for the platform, what waits for a person, and since when.
import type { SqliteDatabase } from '../db/open';

export interface QueueFigures {
  /** Queued or sending: not yet answered for by the platform. */
  pending: number;
  quarantined: number;
  /** created_at of the oldest pending record, or null. */
  oldestPendingAt: string | null;
}

export function createQueueFigures(sqlite: SqliteDatabase): () => QueueFigures {
  const counts = sqlite.prepare(
    "SELECT state, count(*) AS n, min(created_at) AS oldest FROM registrations WHERE state IN ('queued', 'sending', 'quarantined') GROUP BY state",
  );
  return () => {
    const rows = counts.all() as Array<{ state: string; n: number; oldest: string | null }>;
    const pendingRows = rows.filter((row) => row.state !== 'quarantined');
    const oldest = pendingRows.map((row) => row.oldest).filter((at): at is string => at !== null).sort()[0] ?? null;
    return {
      pending: pendingRows.reduce((sum, row) => sum + row.n, 0),
      quarantined: rows.find((row) => row.state === 'quarantined')?.n ?? 0,
      oldestPendingAt: oldest,
    };
  };
}
