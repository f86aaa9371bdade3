// Push events from core to the UI: one typed union for both transports (IPC send, Server-Sent Events).
import type { QueueStats } from '../domain/registration';
import type { Connectivity, SyncCounts, SyncPassOutcome, SyncProgress } from '../domain/sync';

export type KioskEvent =
  | { type: 'queue.changed'; stats: QueueStats }
  /** The platform became reachable or unreachable (found by probing it, not from OS flags). */
  | { type: 'sync.connectivity'; connectivity: Connectivity; at: string }
  /** A sync pass started, or finished with its outcome. */
  | { type: 'sync.run'; phase: 'started' | 'finished'; outcome: SyncPassOutcome | null }
  /** Records sent so far in the running pass; after each batch, that batch's outcome counts. */
  | { type: 'sync.progress'; progress: SyncProgress; batchId: string | null; outcomes: SyncCounts | null };
