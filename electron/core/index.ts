// createKioskCore: the product as a plain Node object. Everything from the outside world (data
// folder, clock, key store, logger) is passed in, so Electron, the loopback host, the CLI and the
// tests all run the same core.
import { createDispatch, type Dispatch } from './api/dispatch';
import { createActivity } from './activity';
import { trackCalls } from './activityCalls';
import { createHandlers } from './api/handlers';
import { createConsentService, type ConsentService } from './consent';
import { openKioskDatabase } from './db';
import { createEventHub } from './events';
import { createMaintenance } from './maintenance';
import { createOperators } from './operators/operators';
import { createAgreementServices, loadProfiles } from './profiles';
import type { ScryptParams } from './operators/pinHash';
import { createSessions } from './operators/sessions';
import type { Clock } from './platform/clock';
import type { KeyStore } from './platform/keyStore';
import type { Logger } from './platform/logger';
import { createRegistrations } from './registrations/registrations';
import { createRetention } from './retention/retention';
import { createSettings } from './settings/settings';
import { createShellPort } from './shell';
import { createSync, productionSyncEnvironment, type SyncEnvironment } from './sync';
import { loadDivisions } from './divisions/divisions';
import { findEnterprises } from './registrations/enterpriseSearch';

export interface KioskCoreOptions {
  dataDir: string;
  /** Content that ships with the app: agreements, platform profiles, division data. */
  resourcesDir: string;
  clock: Clock;
  keyStore: KeyStore;
  logger: Logger;
  /** PIN hashing cost; production uses the default from standards.md. */
  scrypt?: ScryptParams;
  /** How long a write waits for a lock held by another connection. */
  busyTimeoutMs?: number;
  /** The sync engine's outside world (fetch, timers, random); production's by default. */
  syncEnvironment?: SyncEnvironment;
  /** Reported in heartbeats. */
  appVersion?: string;
}

export function createKioskCore({ dataDir, resourcesDir, clock, keyStore, logger, scrypt, busyTimeoutMs, syncEnvironment, appVersion }: KioskCoreOptions) {
  // Profiles are checked before the database opens: a broken one stops start-up with its reason.
  const shippedProfiles = loadProfiles(resourcesDir);
  const database = openKioskDatabase(dataDir, keyStore, () => clock.now(), busyTimeoutMs ? { busyTimeoutMs } : {});
  const { db, sqlite } = database;
  logger.child('db').log('info', 'db.opened', {
    from: database.migration.from,
    to: database.migration.to,
    check: database.integrityCheck,
    backup: database.preMigrationBackup,
  });

  // The signing identity is created on first start; missing keys stop start-up with the reason.
  let consent: ConsentService;
  try {
    consent = createConsentService({ db, sqlite, clock, keyStore, logger });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const events = createEventHub();
  const settings = createSettings(db, clock);
  const { agreements, profiles } = createAgreementServices({
    db,
    sqlite,
    clock,
    logger,
    settings,
    resourcesDir,
    profiles: shippedProfiles,
  });
  const operators = createOperators({ db, sqlite, clock, logger, ...(scrypt ? { scrypt } : {}) });
  const sessions = createSessions(clock, () => settings.get('operatorIdleSeconds'));
  // GB/T 2260 codes are checked against the shipped table; without one the check is skipped.
  const divisions = loadDivisions(resourcesDir);
  if (!divisions) logger.child('divisions').log('warn', 'divisions.missing', { resourcesDir });
  const registrations = createRegistrations({
    db,
    sqlite,
    clock,
    logger,
    consent,
    profiles,
    agreements,
    // The offset the sync engine measured at the platform's last answer.
    serverOffsetMs: () => sync.clockOffsetMs(),
    ...(divisions ? { isDivision: divisions.isDivision } : {}),
    onQueueChanged: () => events.emit({ type: 'queue.changed', stats: registrations.stats() }),
  });
  const retention = createRetention({ db, sqlite, clock, settings, logger, dataDir });
  const maintenance = createMaintenance({ sqlite, clock, settings, retention, logger, dataDir });
  // What the kiosk is busy with, for quit and update installs; the shell attaches itself to `shell`.
  const activity = createActivity(clock);
  const shell = createShellPort();
  const sync = createSync({
    db,
    sqlite,
    clock,
    keyStore,
    logger,
    settings,
    activity,
    agreements,
    identity: consent.identity,
    signingKey: consent.signingKey,
    dataDir,
    appVersion: appVersion ?? 'unknown',
    environment: syncEnvironment ?? productionSyncEnvironment,
    emit: (event) => events.emit(event),
    onQueueChanged: () => events.emit({ type: 'queue.changed', stats: registrations.stats() }),
  });
  const dispatch: Dispatch = trackCalls(
    createDispatch({
      handlers: createHandlers({
        operators,
        sessions,
        registrations,
        settings,
        agreements,
        profiles,
        shell,
        activity,
        sync,
        divisionTree: divisions?.tree ?? [],
        findEnterprises: (query) => findEnterprises(sqlite, query),
        db,
        sqlite,
        clock,
      }),
      sessions,
      operators,
      logger,
    }),
    activity,
    () => settings.get('operatorIdleSeconds') * 1000,
  );

  return {
    dispatch,
    events,
    settings,
    operators,
    registrations,
    agreements,
    profiles,
    retention,
    maintenance,
    activity,
    shell,
    consent,
    sync,
    database,
    logger,
    dataDir,
    close(): void {
      void sync.stop();
      sqlite.close();
    },
  };
}

export type KioskCore = ReturnType<typeof createKioskCore>;
export { newClientContext, type ClientContext } from './api/client';
