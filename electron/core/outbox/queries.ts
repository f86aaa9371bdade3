// The hot queries of the queue, kept as SQL text so the EXPLAIN QUERY PLAN test checks exactly
// what runs: both must stay index-only at a million records.

/** Records per state, for the queue badge and `queue stats`: a scan of the covering state index. */
export const QUEUE_STATS_SQL = 'SELECT state, count(*) AS n FROM registrations GROUP BY state';

/** The next records to send: due, not in a batch, oldest due first (partial index outbox_ready). */
export const READY_FOR_BATCH_SQL = `
  SELECT registration_id FROM outbox
  WHERE batch_id IS NULL AND next_attempt_at <= ?
  ORDER BY next_attempt_at
  LIMIT ?`;
