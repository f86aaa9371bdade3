// Updates through electron-updater from the generic server in shell.json: the updater's events keep
// the state, a tick asks the policy (updatePolicy.ts) what to do, and an install first backs the
// database up, then restarts into the new version. Nothing installs on an ordinary quit.
import type { AppUpdater } from 'electron-updater';
import type { UpdateReport, UpdateState, ShellWarningCode } from '../../shared/domain/shell';
import type { Activity } from '../core/activity';
import type { Clock } from '../core/platform/clock';
import type { Logger } from '../core/platform/logger';
import type { UpdatesConfig } from './shellConfig';
import { decideUpdate } from './updatePolicy';

export type UpdaterPort = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'channel' | 'logger' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on'
>;

/** electron-updater's channel file for each of our channels: latest.yml or beta.yml. */
export const updaterChannel = { stable: 'latest', beta: 'beta' } as const;

export function createUpdateService(deps: {
  updater: UpdaterPort;
  config: UpdatesConfig;
  clock: Clock;
  isOnline: () => boolean;
  activity: Pick<Activity, 'isBusy'>;
  /** The database backup taken before restarting into the new version. */
  backupBeforeInstall: () => unknown;
  logger: Logger;
  /** The wall clock's local hour; the machine's time zone unless a test says otherwise. */
  localHour?: (at: Date) => number;
}) {
  const { updater, config, clock, activity, logger } = deps;
  const localHour = deps.localHour ?? ((at: Date) => at.getHours());
  let state: UpdateState = config.feedUrl ? 'idle' : 'off';
  let availableVersion: string | null = null;
  let lastCheckMs: number | null = null;
  let lastCheckAt: string | null = null;
  let installRequested = false;
  let lastFailed = false;

  const fail = (event: string, error: unknown) => {
    lastFailed = true;
    logger.log('error', event, { error: error instanceof Error ? error.message : String(error) });
  };

  if (config.feedUrl) {
    const channel = updaterChannel[config.channel];
    updater.setFeedURL({ provider: 'generic', url: config.feedUrl, channel });
    updater.channel = channel;
    // Setting a channel turns downgrades on; a beta kiosk moved back to stable waits for the next
    // stable version instead of installing an older one.
    updater.allowDowngrade = false;
    updater.autoDownload = true;
    // An install restarts the kiosk: only the policy decides when, never an ordinary quit.
    updater.autoInstallOnAppQuit = false;
    updater.logger = {
      info: (message?: unknown) => logger.log('info', 'updater.message', { message: String(message) }),
      warn: (message?: unknown) => logger.log('warn', 'updater.message', { message: String(message) }),
      error: (message?: unknown) => logger.log('error', 'updater.message', { message: String(message) }),
    };
    updater.on('checking-for-update', () => {
      state = 'checking';
    });
    updater.on('update-not-available', () => {
      state = 'idle';
      lastFailed = false;
    });
    updater.on('update-available', (info) => {
      state = 'downloading';
      availableVersion = info.version;
      lastFailed = false;
      logger.log('info', 'update.available', { version: info.version });
    });
    updater.on('update-cancelled', () => {
      state = 'idle';
    });
    updater.on('update-downloaded', (event) => {
      state = 'downloaded';
      availableVersion = event.version;
      logger.log('info', 'update.downloaded', { version: event.version });
    });
    updater.on('error', (error) => {
      if (state !== 'downloaded' && state !== 'installing') state = 'failed';
      fail('update.failed', error);
    });
  } else {
    logger.log('warn', 'update.notConfigured');
  }

  function check(): void {
    state = 'checking';
    lastCheckMs = clock.monotonicMs();
    lastCheckAt = clock.now().toISOString();
    updater.checkForUpdates().catch((error: unknown) => {
      state = 'failed';
      fail('update.checkFailed', error);
    });
  }

  function install(): void {
    state = 'installing';
    try {
      deps.backupBeforeInstall();
    } catch (error) {
      // No backup, no install: the downloaded update waits for the next chance.
      state = 'downloaded';
      fail('update.backupFailed', error);
      return;
    }
    logger.log('info', 'update.installing', { version: availableVersion, requestedByIt: installRequested });
    updater.quitAndInstall(true, true);
  }

  function tick(): void {
    const decision = decideUpdate(
      {
        state,
        online: deps.isOnline(),
        nowMs: clock.monotonicMs(),
        lastCheckMs,
        localHour: localHour(clock.now()),
        registrationUnderWay: activity.isBusy('registration'),
        workInFlight: activity.isBusy('submit', 'sync'),
        installRequested,
      },
      config,
    );
    if (decision === 'check') check();
    else if (decision === 'install') install();
  }

  return {
    tick,
    /** IT's request: install as soon as the kiosk is idle, quiet hours or not. */
    requestInstall(): void {
      // Only for an update on its way or on disk; the policy still installs only a downloaded one.
      if (state !== 'downloaded' && state !== 'downloading') return;
      installRequested = true;
      logger.log('info', 'update.installRequested', { version: availableVersion });
      tick();
    },
    report(): UpdateReport {
      return { state, channel: config.channel, availableVersion, lastCheckAt, installRequested };
    },
    warnings(): ShellWarningCode[] {
      if (state === 'off') return ['updates_not_configured'];
      return lastFailed ? ['update_failed'] : [];
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
