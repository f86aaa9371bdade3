// The sync loop: one pass at a time sends every due record in batches and applies the platform's
// receipts, then pulls new agreement versions and sends a heartbeat. A pass starts by hand
// (`runNow`; a second trigger joins the pass running), on a timer while the platform answers, and
// on reconnect: while the platform is unreachable the engine probes it with full-jitter backoff and
// runs a pass as soon as it answers. The first pass of a process closes batches a crash left open
// by asking the platform which of their ids it holds. Everything outside (fetch, timers, random,
// clock) is injected, so tests drive it deterministically.
import type { KioskEvent } from '../../../shared/api/events';
import type { Connectivity, SyncPassOutcome, SyncProgress, SyncStatus } from '../../../shared/domain/sync';
import { limits } from '../../../shared/sync';
import type { Activity } from '../activity';
import type { AgreementLibrary } from '../agreements/library';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Settings } from '../settings/settings';
import { pullAgreements } from './agreementFeed';
import { nextDelayMs, type BackoffPolicy } from './backoff';
import { noCounts, type AppliedCounts, type BatchStore } from './batchStore';
import { buildHeartbeat, type HeartbeatDeps } from './heartbeat';
import type { LinkStore, PlatformLink } from './link';
import { PlatformError, type PlatformClient } from './platformClient';
import type { PassLock } from './passLock';
import type { QueueFigures } from './queueFigures';
import { ReceiptError, verifyReceipt } from './receipts';
import { encodeBatchRequest, type EncodedEntry } from './requestBody';

/**
 * A batch the platform answered 500 this often (its records' failed sends) is set aside: what the
 * platform holds is marked, the rest go back to the queue to be tried in halves, and a record that
 * fails alone waits longer each time. One record the platform fails on cannot hold up the queue
 * (a 500 is not a refusal, so nothing is quarantined: the platform may simply be broken for a while).
 */
export const SET_ASIDE_AFTER_FAILURES = 3;
const SET_ASIDE_MAX_DELAY_MS = 60 * 60_000;

/** Milliseconds-level timings; production takes them from settings, tests pass small ones. */
export interface SyncTuning {
  backoffBaseMs: number;
  backoffCapMs: number;
  intervalMs: number;
  requestTimeoutMs: number;
}

export interface SyncEngineDeps {
  clock: Clock;
  settings: Settings;
  logger: Logger;
  activity: Activity;
  agreements: AgreementLibrary;
  client: PlatformClient;
  link: LinkStore;
  batches: BatchStore;
  figures: () => QueueFigures;
  kioskId: string;
  heartbeat: Omit<HeartbeatDeps, 'link' | 'figures' | 'agreements'>;
  tuning: () => SyncTuning;
  /** Calls `run` after `ms`; returns a function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  random(): number;
  emit(event: KioskEvent): void;
  onQueueChanged(): void;
  /** One pass at a time per data folder, across processes (passLock.ts). */
  passLock: PassLock;
}

function emptyOutcome(): SyncPassOutcome {
  return { batches: 0, outcomes: noCounts(), pending: 0, error: null, agreementsStored: 0 };
}

function add(into: AppliedCounts, counts: AppliedCounts): void {
  into.accepted += counts.accepted;
  into.duplicate += counts.duplicate;
  into.conflict += counts.conflict;
  into.rejected += counts.rejected;
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const { clock, settings, batches, link: links, client } = deps;
  const log = deps.logger.child('sync');
  let connectivity: Connectivity = 'unknown';
  let running: Promise<SyncPassOutcome> | null = null;
  let progress: SyncProgress | null = null;
  let cancelTimer: (() => void) | null = null;
  let nextAttemptAt: string | null = null;
  let reconciled = false;
  let started = false;
  let lastRetryAfterMs: number | null = null;

  const policy = (): BackoffPolicy => ({ baseMs: deps.tuning().backoffBaseMs, capMs: deps.tuning().backoffCapMs });

  function setConnectivity(next: Connectivity): void {
    if (next === connectivity) return;
    connectivity = next;
    log.log('info', 'sync.connectivity', { connectivity: next });
    deps.emit({ type: 'sync.connectivity', connectivity: next, at: clock.now().toISOString() });
  }

  function reportProgress(batchId: string | null, counts: AppliedCounts | null): void {
    if (progress) deps.emit({ type: 'sync.progress', progress: { ...progress }, batchId, outcomes: counts });
  }

  /** Closes a batch from what the platform holds: held ids are done, the rest are due again at `retryAt`. */
  async function reconcileBatch(link: PlatformLink, batchId: string, retryAt: Date | null) {
    const ids = batches.ids(batchId);
    const held = new Map<string, { contentSha256: string }>();
    for (let start = 0; start < ids.length; start += limits.maxLookupIds) {
      const answer = await client.lookup(link, ids.slice(start, start + limits.maxLookupIds));
      for (const record of answer.records) held.set(record.record_id, { contentSha256: record.content_sha256 });
    }
    const now = clock.now();
    const counts = batches.reconcile(batchId, held, batches.contentHashes(batchId), now, retryAt ?? now);
    deps.onQueueChanged();
    return counts;
  }

  /** Closes network batches a previous process left open: held ids are done, the rest go back to the queue. */
  async function reconcileOpen(link: PlatformLink): Promise<void> {
    for (const open of batches.open().filter((batch) => batch.transport === 'network')) {
      await deps.activity.during('sync', async () => {
        const counts = await reconcileBatch(link, open.id, null);
        log.log('info', 'sync.reconciled', { batchId: open.id, ...counts });
      });
    }
  }

  /**
   * 500 answers each record has had in a row, in this process: a batch's count is its records'
   * highest, so the halves of a set-aside batch split again at their first 500, and a record's
   * count (and its wait) keeps growing while the platform fails on it. Other failures (timeouts,
   * an unreachable platform) do not count: only the platform failing on what it was sent does.
   */
  const serverErrors = new Map<string, number>();

  /**
   * After a 500: below the threshold the batch stays open for a resend (thrown on, so the pass
   * backs off). At it, the batch is set aside (see SET_ASIDE_AFTER_FAILURES): split in halves due
   * now, or, alone, due again after a delay that doubles with each failure — and the pass ends, so
   * a platform failing on everything is not asked once per record.
   */
  async function setAsideAfter500(link: PlatformLink, batchId: string, ids: readonly string[], error: PlatformError, shrink: (size: number) => void): Promise<void> {
    batches.markFailed(batchId, error.code);
    let failures = 0;
    for (const id of ids) {
      const count = (serverErrors.get(id) ?? 0) + 1;
      serverErrors.set(id, count);
      failures = Math.max(failures, count);
    }
    if (failures < SET_ASIDE_AFTER_FAILURES) throw error;
    const alone = ids.length === 1;
    const delayMs = Math.min(SET_ASIDE_MAX_DELAY_MS, deps.tuning().intervalMs * 2 ** (failures - SET_ASIDE_AFTER_FAILURES));
    const counts = await reconcileBatch(link, batchId, alone ? new Date(clock.now().getTime() + delayMs) : null);
    log.log('warn', 'sync.batch.setAside', { batchId, failures, records: ids.length, ...counts, ...(alone ? { delayMs } : {}) });
    if (alone) throw error;
    shrink(Math.max(1, Math.floor(ids.length / 2)));
  }

  /**
   * Sends one batch and applies its receipt. Returns the counts, or null when the platform refused
   * the batch as a whole without storing it (the records went back to the queue or to quarantine).
   * A batch just cut comes with its records; an open one is rebuilt from the database (the same
   * bytes: building a record is deterministic).
   */
  async function sendBatch(
    link: PlatformLink,
    batchId: string,
    outcome: SyncPassOutcome,
    shrink: (size: number) => void,
    cutEntries: EncodedEntry[] | null,
  ): Promise<void> {
    await deps.activity.during('sync', async () => {
      const request = encodeBatchRequest(batchId, cutEntries ?? batches.entriesOf(batchId));
      const { records } = request;
      deps.passLock.refresh(clock.now());
      batches.markSent(batchId, clock.now());
      let answer;
      try {
        answer = await client.sendBatch(link, request);
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        if (error.kind === 'http' && (error.status === 400 || error.status === 413)) {
          // Refused whole, nothing stored: split it, and quarantine a record refused even alone.
          const [single] = records;
          if (records.length === 1 && single) batches.refuseAlone(batchId, single.record_id, error.fields, clock.now(), error.code);
          else {
            batches.abandon(batchId, clock.now(), error.code);
            shrink(Math.max(1, Math.floor(records.length / 2)));
          }
          log.log('warn', 'sync.batch.refused', { batchId, status: error.status, records: records.length });
          deps.onQueueChanged();
          return;
        }
        if (error.kind === 'http' && error.status === 500) {
          await setAsideAfter500(link, batchId, records.map((record) => record.record_id), error, shrink);
          return;
        }
        if (error.kind === 'http' && error.errorCode === 'batch_id_reused') {
          log.log('warn', 'sync.batch.idReused', { batchId });
          await reconcileOpen(link);
          return;
        }
        batches.markFailed(batchId, error.code);
        throw error;
      }
      let receipt;
      try {
        receipt = verifyReceipt(answer.receipt, {
          platformKey: link.platformKey,
          platformKeyId: link.platformKeyId,
          kioskId: deps.kioskId,
          batchId,
          records,
          requestSha256: request.requestSha256,
        });
      } catch (error) {
        if (!(error instanceof ReceiptError)) throw error;
        batches.markFailed(batchId, `receipt_${error.check}`);
        throw new PlatformError('bad_answer', error.message);
      }
      const counts = batches.applyReceipt(
        batchId,
        { body: answer.receipt.body, signature: answer.receipt.signature, serverTime: receipt.server_time, outcomes: receipt.outcomes },
        clock.now(),
      );
      for (const record of records) serverErrors.delete(record.record_id);
      outcome.batches += 1;
      if (counts) add(outcome.outcomes, counts);
      if (progress) progress.sent += records.length;
      log.log('info', 'sync.batch.done', { batchId, records: records.length, ...(counts ?? {}) });
      reportProgress(batchId, counts);
      deps.onQueueChanged();
    });
  }

  async function sendAll(link: PlatformLink, outcome: SyncPassOutcome): Promise<void> {
    let limit = settings.get('syncBatchMaxRecords');
    const shrink = (size: number) => {
      limit = Math.min(limit, size);
    };
    let ahead: ReadonlyMap<string, EncodedEntry> = new Map();
    for (;;) {
      const open = batches.open()[0];
      const cut = open ? null : batches.cut('network', clock.now(), limit, settings.get('syncBatchMaxBytes'), ahead);
      const batchId = open?.id ?? cut?.id;
      if (!batchId) return;
      if (progress) progress.total = Math.max(progress.total, progress.sent + deps.figures().pending);
      // While the platform checks this batch, the kiosk builds the next one's records.
      const building = batches.buildAhead(clock.now(), limit);
      try {
        await sendBatch(link, batchId, outcome, shrink, cut?.entries ?? null);
      } finally {
        ahead = building.stop();
      }
    }
  }

  async function pass(): Promise<SyncPassOutcome> {
    const outcome = emptyOutcome();
    const link = links.link();
    if (!link) {
      outcome.error = 'not_enrolled';
      outcome.pending = deps.figures().pending;
      return outcome;
    }
    const lock = deps.passLock.acquire(clock.now());
    if (!lock.ok) {
      // Another process on this data folder is in a pass: it sends what is due; try again later.
      log.log('info', 'sync.pass.busy', { pid: lock.owner.pid, since: lock.owner.since });
      outcome.error = 'busy';
      outcome.pending = deps.figures().pending;
      return outcome;
    }
    try {
      return await passHoldingLock(link, outcome);
    } finally {
      deps.passLock.release();
    }
  }

  async function passHoldingLock(link: PlatformLink, outcome: SyncPassOutcome): Promise<SyncPassOutcome> {
    progress = { sent: 0, total: deps.figures().pending };
    deps.emit({ type: 'sync.run', phase: 'started', outcome: null });
    reportProgress(null, null);
    try {
      if (!reconciled) {
        await reconcileOpen(link);
        reconciled = true;
      }
      await sendAll(link, outcome);
      setConnectivity('online');
      outcome.agreementsStored = await deps.activity.during('sync', () => pullAgreements(deps, link));
      await deps.activity.during('sync', () =>
        client.heartbeat(link, buildHeartbeat({ ...deps.heartbeat, link: links, figures: deps.figures, agreements: deps.agreements }, clock.now())),
      );
      links.recordSuccess(clock.now().toISOString());
      lastRetryAfterMs = null;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      outcome.error = error.code;
      lastRetryAfterMs = error.retryAfterMs;
      links.recordFailure(error.code);
      setConnectivity(error.answered ? 'online' : 'offline');
      log.log('warn', 'sync.pass.failed', { error: error.code });
    } finally {
      progress = null;
    }
    outcome.pending = deps.figures().pending;
    deps.emit({ type: 'sync.run', phase: 'finished', outcome });
    return outcome;
  }

  function schedule(ms: number): void {
    cancelTimer?.();
    cancelTimer = null;
    if (!started) return;
    nextAttemptAt = new Date(clock.now().getTime() + ms).toISOString();
    links.setNextAttempt(nextAttemptAt);
    cancelTimer = deps.setTimer(() => {
      cancelTimer = null;
      tick().catch((error: unknown) => log.log('error', 'sync.tick.failed', { error: error instanceof Error ? error.message : String(error) }));
    }, ms);
  }

  /** When the loop runs by itself next: the interval after a clean pass, backoff after a failure. */
  function scheduleAfter(outcome: SyncPassOutcome): void {
    if (!started) return;
    if (outcome.error === 'not_enrolled' || outcome.error === 'busy') return schedule(deps.tuning().intervalMs);
    if (outcome.error === null) return schedule(deps.tuning().intervalMs);
    schedule(nextDelayMs(policy(), links.state().failures, deps.random(), lastRetryAfterMs));
  }

  /** A probe: any answer from the platform means it is reachable. */
  async function probe(link: PlatformLink): Promise<boolean> {
    try {
      await client.agreements(link, links.state().agreementSince);
      return true;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.answered) return true;
      links.recordFailure(error.code);
      return false;
    }
  }

  async function tick(): Promise<void> {
    if (running) return;
    const link = links.link();
    if (link && connectivity !== 'online') {
      if (!(await probe(link))) {
        setConnectivity('offline');
        return schedule(nextDelayMs(policy(), links.state().failures, deps.random(), null));
      }
      // Reconnected: a pass right away.
      setConnectivity('online');
    }
    await runNow();
  }

  /** Runs one pass, or joins the one running. Resolves with that pass's outcome. */
  function runNow(): Promise<SyncPassOutcome> {
    if (running) return running;
    cancelTimer?.();
    cancelTimer = null;
    nextAttemptAt = null;
    const current = pass()
      .catch((error: unknown) => {
        log.log('error', 'sync.pass.crashed', { error: error instanceof Error ? error.message : String(error) });
        return { ...emptyOutcome(), error: 'internal' };
      })
      .then((outcome) => {
        running = null;
        try {
          scheduleAfter(outcome);
        } catch (error) {
          // The database closed under the pass (the kiosk is quitting): nothing left to schedule.
          log.log('warn', 'sync.schedule.failed', { error: error instanceof Error ? error.message : String(error) });
        }
        return outcome;
      });
    running = current;
    return current;
  }

  return {
    /** Starts the loop: a first attempt now, then by itself. */
    start(): void {
      if (started) return;
      started = true;
      schedule(0);
    },
    /** Stops scheduling; resolves when a pass in flight has ended. */
    async stop(): Promise<void> {
      started = false;
      cancelTimer?.();
      cancelTimer = null;
      nextAttemptAt = null;
      if (running) await running;
    },
    runNow,
    /** Re-reads the link (after enrolment): probe again now. */
    linkChanged(): void {
      connectivity = 'unknown';
      reconciled = false;
      if (started && !running) schedule(0);
    },
    status(): Omit<SyncStatus, 'enrolled' | 'kioskId' | 'kioskShortKeyId' | 'platformUrl' | 'enrolledAt'> {
      const figures = deps.figures();
      const state = links.state();
      const now = clock.now().getTime();
      return {
        connectivity,
        lastSuccessAt: state.lastSuccessAt,
        nextAttemptAt: running ? null : nextAttemptAt,
        pendingCount: figures.pending,
        quarantinedCount: figures.quarantined,
        oldestPendingAgeSeconds: figures.oldestPendingAt === null ? null : Math.max(0, Math.floor((now - Date.parse(figures.oldestPendingAt)) / 1000)),
        clockOffsetMs: state.clockOffsetMs,
        progress: progress ? { ...progress } : null,
        lastError: state.lastError,
      };
    },
    isRunning: () => running !== null,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
