import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createActivity } from '../core/activity';
import { ManualClock } from '../core/platform/clock';
import { createMemoryLogger } from '../core/platform/logger';
import { ShellConfigSchema, type UpdatesConfig } from './shellConfig';
import { createUpdateService, type UpdaterPort } from './updater';

const HOUR = 3600_000;

/** electron-updater's autoUpdater as far as the service uses it; checks resolve when the test says. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = false;
  channel: string | null = null;
  logger: unknown = undefined;
  readonly feeds: unknown[] = [];
  readonly checkForUpdates = vi.fn(async () => null);
  readonly quitAndInstall = vi.fn();
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
}

const configured: UpdatesConfig = {
  ...ShellConfigSchema.parse({}).updates,
  feedUrl: 'https://updates.example.cn/kiosk/',
};

function setup(options: { config?: Partial<UpdatesConfig>; start?: string; online?: boolean; backupFails?: boolean } = {}) {
  // 09:00 in China; the service reads the local hour through the same fixed zone.
  const clock = new ManualClock(options.start ?? '2026-01-15T09:00:00+08:00');
  const activity = createActivity(clock);
  const updater = new FakeUpdater();
  const logger = createMemoryLogger(clock);
  const network = { online: options.online ?? true };
  const backups: string[] = [];
  const service = createUpdateService({
    updater: updater as unknown as UpdaterPort,
    config: { ...configured, ...options.config },
    clock,
    isOnline: () => network.online,
    activity,
    backupBeforeInstall: () => {
      if (options.backupFails) throw new Error('SQLITE_FULL: database or disk is full');
      backups.push(clock.now().toISOString());
    },
    logger,
    localHour: (at) => (at.getUTCHours() + 8) % 24,
  });
  return { clock, activity, updater, logger, network, backups, service };
}

/** Runs the updater through check → found → downloaded, as electron-updater reports it. */
function download(updater: FakeUpdater, version = '1.5.0') {
  updater.emit('checking-for-update');
  updater.emit('update-available', { version });
  updater.emit('update-downloaded', { version });
}

describe('update service: configuration', () => {
  it('points electron-updater at the generic server and the stable channel, with no install on quit', () => {
    const { updater } = setup();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.cn/kiosk/', channel: 'latest' }]);
    expect(updater.channel).toBe('latest');
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
  });

  it('follows the beta channel when shell.json says so, still without downgrades', () => {
    const { updater, service } = setup({ config: { channel: 'beta' } });
    expect(updater.channel).toBe('beta');
    expect(updater.feeds).toEqual([expect.objectContaining({ channel: 'beta' })]);
    expect(updater.allowDowngrade).toBe(false);
    expect(service.report().channel).toBe('beta');
  });

  it('stays off, and says so, without an update server', () => {
    const { updater, service } = setup({ config: { feedUrl: null } });
    service.tick();
    expect(updater.feeds).toEqual([]);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(service.report().state).toBe('off');
    expect(service.warnings()).toEqual(['updates_not_configured']);
  });
});

describe('update service: checks', () => {
  it('checks at start, then again only after the interval', () => {
    const { clock, updater, service } = setup();
    service.tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(service.report().lastCheckAt).toBe('2026-01-15T01:00:00.000Z');
    updater.emit('update-not-available', { version: '1.4.0' });
    clock.advance(6 * HOUR - 60_000);
    service.tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    clock.advance(60_000);
    service.tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('waits for the network to check', () => {
    const { network, updater, service } = setup({ online: false });
    service.tick();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    network.online = true;
    service.tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('reports a failed check as a warning and retries at the next interval', async () => {
    const { clock, updater, service, logger } = setup();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    service.tick();
    await Promise.resolve();
    await Promise.resolve();
    expect(service.report().state).toBe('failed');
    expect(service.warnings()).toEqual(['update_failed']);
    expect(logger.lines.join('\n')).toContain('ERR_NAME_NOT_RESOLVED');
    clock.advance(6 * HOUR);
    service.tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('follows the download in its report', () => {
    const { updater, service } = setup();
    service.tick();
    updater.emit('update-available', { version: '1.5.0' });
    expect(service.report()).toMatchObject({ state: 'downloading', availableVersion: '1.5.0' });
    updater.emit('update-downloaded', { version: '1.5.0' });
    expect(service.report()).toMatchObject({ state: 'downloaded', availableVersion: '1.5.0' });
  });
});

describe('update service: installs', () => {
  it('waits through the opening hours and installs at the quiet hour, after a backup', () => {
    const { clock, updater, service, backups } = setup();
    service.tick();
    download(updater);
    for (let hour = 9; hour < 26; hour += 1) {
      service.tick();
      clock.advance(HOUR);
    }
    // 02:00 the next morning.
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    service.tick();
    expect(backups).toEqual(['2026-01-15T18:00:00.000Z']);
    expect(updater.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, true);
    expect(service.report().state).toBe('installing');
  });

  it('does not install at the quiet hour while a registration is under way or a sync step runs', () => {
    const { updater, service, activity, backups } = setup({ start: '2026-01-16T03:00:00+08:00' });
    service.tick();
    download(updater);
    const endSync = activity.begin('sync');
    service.tick();
    endSync();
    activity.holdFor('registration', 60_000);
    service.tick();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(backups).toEqual([]);
  });

  it('installs at once when IT asks and the kiosk is idle, quiet hour or not', () => {
    const { updater, service } = setup({ start: '2026-01-15T10:30:00+08:00' });
    service.tick();
    download(updater);
    service.tick();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    service.requestInstall();
    expect(service.report().installRequested).toBe(true);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('holds IT\'s request until the submit in flight has ended', () => {
    const { updater, service, activity } = setup({ start: '2026-01-15T10:30:00+08:00' });
    service.tick();
    download(updater);
    const endSubmit = activity.begin('submit');
    service.requestInstall();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    endSubmit();
    service.tick();
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('ignores IT\'s request when there is no update', () => {
    const { updater, service } = setup({ start: '2026-01-15T10:30:00+08:00' });
    service.tick();
    updater.emit('update-not-available', { version: '1.4.0' });
    service.requestInstall();
    expect(service.report().installRequested).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('does not restart without a backup, and tries again at the next tick', () => {
    const { updater, service, logger } = setup({ start: '2026-01-16T03:00:00+08:00', backupFails: true });
    service.tick();
    download(updater);
    service.tick();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(service.report().state).toBe('downloaded');
    expect(service.warnings()).toEqual(['update_failed']);
    expect(logger.lines.join('\n')).toContain('update.backupFailed');
  });

  it('keeps a downloaded update when a later check fails', () => {
    const { updater, service } = setup();
    service.tick();
    download(updater);
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(service.report().state).toBe('downloaded');
  });
});
