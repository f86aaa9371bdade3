// Sync with the central platform (docs/sync-protocol.md): enrolment, the loop that sends batches
// and applies receipts, batch history, the quarantine and offline (USB) transfer, composed from
// the modules of this folder. Everything from outside (fetch, timers, random, clock) is injected.
import type { KeyObject } from 'node:crypto';
import type { KioskEvent } from '../../../shared/api/events';
import type { EnrolmentView, SyncStatus } from '../../../shared/domain/sync';
import type { Activity } from '../activity';
import type { AgreementLibrary } from '../agreements/library';
import { shortKeyId } from '../consent/ed25519';
import type { KioskIdentity } from '../consent/identity';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import type { KeyStore } from '../platform/keyStore';
import type { Logger } from '../platform/logger';
import type { Settings } from '../settings/settings';
import { createBatchStore } from './batchStore';
import { enrolKiosk } from './enrolment';
import { createSyncEngine, type SyncTuning } from './engine';
import { createBatchHistory } from './history';
import { createLinkStore } from './link';
import { createOfflineTransfer } from './offlineTransfer';
import { createPlatformClient, PlatformError, type FetchFunction } from './platformClient';
import { createQuarantine } from './quarantine';
import { createPassLock } from './passLock';
import { createQueueFigures } from './queueFigures';
import { createWireRecords } from './wireRecords';

export { PlatformError } from './platformClient';
export type { SyncTuning } from './engine';

/** What the world gives the engine. Production: global fetch, setTimeout, Math.random. */
export interface SyncEnvironment {
  fetch: FetchFunction;
  setTimer(run: () => void, ms: number): () => void;
  random(): number;
  /** Millisecond timings instead of the settings' seconds (tests). */
  tuning?: Partial<SyncTuning>;
}

export const productionSyncEnvironment: SyncEnvironment = {
  fetch: (url, init) => fetch(url, init),
  setTimer: (run, ms) => {
    const timer = setTimeout(run, ms);
    // The loop never keeps a process alive by itself (the CLI exits when its command is done).
    timer.unref();
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};

const BACKOFF_BASE_MS = 1000;

export interface SyncDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  keyStore: KeyStore;
  logger: Logger;
  settings: Settings;
  activity: Activity;
  agreements: AgreementLibrary;
  identity: KioskIdentity;
  signingKey: KeyObject;
  dataDir: string;
  appVersion: string;
  environment: SyncEnvironment;
  emit(event: KioskEvent): void;
  onQueueChanged(): void;
}

export function createSync(deps: SyncDeps) {
  const { sqlite, clock, settings, environment } = deps;
  const link = createLinkStore(sqlite, deps.keyStore);
  const tuning = (): SyncTuning => ({
    backoffBaseMs: BACKOFF_BASE_MS,
    backoffCapMs: settings.get('syncBackoffCapSeconds') * 1000,
    intervalMs: settings.get('syncIntervalSeconds') * 1000,
    requestTimeoutMs: settings.get('syncRequestTimeoutSeconds') * 1000,
    ...environment.tuning,
  });
  const client = createPlatformClient({
    fetch: environment.fetch,
    clock,
    timeoutMs: () => tuning().requestTimeoutMs,
    onServerTime: (server, kiosk) => link.recordClockOffset(server.getTime() - kiosk.getTime(), kiosk.toISOString()),
  });
  const batches = createBatchStore({ db: deps.db, sqlite, wire: createWireRecords(sqlite, deps.signingKey) });
  const figures = createQueueFigures(sqlite);
  const engine = createSyncEngine({
    clock,
    settings,
    logger: deps.logger,
    activity: deps.activity,
    agreements: deps.agreements,
    client,
    link,
    batches,
    figures,
    kioskId: deps.identity.kioskId,
    heartbeat: { sqlite, dataDir: deps.dataDir, appVersion: deps.appVersion },
    tuning,
    setTimer: environment.setTimer,
    random: environment.random,
    emit: deps.emit,
    onQueueChanged: deps.onQueueChanged,
    passLock: createPassLock(deps.dataDir),
  });
  const history = createBatchHistory(sqlite);
  const quarantine = createQuarantine({ db: deps.db, sqlite, clock });
  const offline = createOfflineTransfer({ ...deps, link, batches });

  async function enrol(input: { platformUrl: string; code: string }, actor: string | null): Promise<EnrolmentView> {
    try {
      const enrolled = await enrolKiosk({ db: deps.db, sqlite, clock, identity: deps.identity, client, link }, input, actor);
      deps.logger.child('sync').log('info', 'sync.enrolled', { platformUrl: enrolled.platformUrl, platformKeyId: enrolled.platformKeyId });
      engine.linkChanged();
      return {
        kioskId: deps.identity.kioskId,
        platformUrl: enrolled.platformUrl,
        enrolledAt: enrolled.enrolledAt,
        platformShortKeyId: shortKeyId(enrolled.platformKeyId),
      };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      throw new KioskError(error.answered ? 'sync_enrolment_refused' : 'sync_unreachable', { detail: error.code });
    }
  }

  function status(): SyncStatus {
    const current = link.link();
    return {
      ...engine.status(),
      enrolled: current !== null,
      kioskId: deps.identity.kioskId,
      kioskShortKeyId: shortKeyId(deps.identity.keyId),
      platformUrl: current?.platformUrl ?? null,
      enrolledAt: current?.enrolledAt ?? null,
    };
  }

  return {
    enrol,
    status,
    start: engine.start,
    stop: engine.stop,
    runNow: engine.runNow,
    /** Platform minus kiosk time at the last answer, for new snapshots; null before the first. */
    clockOffsetMs: () => link.clockOffsetMs(),
    batches: history,
    quarantine,
    exportBatch: offline.exportBatch,
    importReceipt: offline.importReceipt,
  };
}

export type Sync = ReturnType<typeof createSync>;
