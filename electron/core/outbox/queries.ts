// The hot queries of the queue, kept as SQL text so the EXPLAIN QUERY PLAN test checks exactly
// what runs: neither may read the registrations table, however many records it holds.

/**
 * Records per state, for the queue badge and `queue stats`: the counts the triggers of migration
 * 0006 keep in the transaction of every change, a few rows whatever the size of the queue.
 */
export const QUEUE_STATS_SQL = 'SELECT state, n FROM queue_counts WHERE n > 0';

/** The next records to send: due, not in a batch, oldest due first (partial index outbox_ready). */
export const READY_FOR_BATCH_SQL = `
  SELECT registration_id FROM outbox
  WHERE batch_id IS NULL AND next_attempt_at <= ?
  ORDER BY next_attempt_at
  LIMIT ?`;
