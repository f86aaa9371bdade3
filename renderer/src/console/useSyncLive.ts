// The sync engine as the console sees it: `sync.status` once, then kept current by the push events
// (connectivity, a pass starting and finishing, records sent and each batch's outcomes). `version`
// grows whenever lists that depend on sync (history, quarantine) may have changed.
import { useCallback, useEffect, useState } from 'react';
import type { SyncCounts, SyncPassOutcome, SyncProgress, SyncStatus } from '../../../shared/domain/sync';
import { useClient } from '../store/session';

export interface LiveBatch {
  batchId: string;
  outcomes: SyncCounts;
}

export interface SyncLive {
  status: SyncStatus | null;
  running: boolean;
  progress: SyncProgress | null;
  /** Batches answered in the running (or last) pass, in order. */
  batches: LiveBatch[];
  lastOutcome: SyncPassOutcome | null;
  version: number;
  refresh(): Promise<void>;
}

export function useSyncLive(): SyncLive {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [batches, setBatches] = useState<LiveBatch[]>([]);
  const [lastOutcome, setLastOutcome] = useState<SyncPassOutcome | null>(null);
  const [version, setVersion] = useState(0);

  const refresh = useCallback(async () => {
    const result = await client.call('sync.status', {});
    if (!result.ok) return;
    setStatus(result.value);
    if (result.value.progress) {
      setRunning(true);
      setProgress(result.value.progress);
    }
    setVersion((v) => v + 1);
  }, [client]);

  useEffect(() => {
    void refresh();
    return client.subscribe((event) => {
      switch (event.type) {
        case 'sync.run':
          if (event.phase === 'started') {
            setRunning(true);
            setProgress({ sent: 0, total: 0 });
            setBatches([]);
          } else {
            setRunning(false);
            setLastOutcome(event.outcome);
          }
          void refresh();
          return;
        case 'sync.progress': {
          setRunning(true);
          setProgress(event.progress);
          const { batchId, outcomes } = event;
          if (batchId && outcomes) setBatches((seen) => [...seen.filter((b) => b.batchId !== batchId), { batchId, outcomes }]);
          return;
        }
        case 'sync.connectivity':
        case 'queue.changed':
          void refresh();
          return;
      }
    });
  }, [client, refresh]);

  return { status, running, progress, batches, lastOutcome, version, refresh };
}
