// Electron shell: lifecycle, the kiosk window, IPC wiring to core, updates. Product logic lives in
// core; each piece of the shell is its own module, composed here.
import { app, dialog, ipcMain, Menu, net, safeStorage, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_CHANNEL } from '../../shared/api/channels';
import { translate } from '../../shared/i18n';
import { createKioskCore, type KioskCore } from '../core';
import { resolveDataDir } from '../core/platform/dataDir';
import { systemClock } from '../core/platform/clock';
import { createFileLogger, type Logger } from '../core/platform/logger';
import { scheduleMaintenance } from '../core/maintenance';
import { processLocale } from '../core/startup';
import { createElectronShell } from './electronShell';
import { registerApiHandlers } from './ipc';
import { SafeStorageKeyStore } from './keyStore';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { guardQuit } from './quitGuard';
import { createRendererRecovery } from './rendererRecovery';
import { createReceiptOutput } from './receiptOutput';
import { readShellConfig } from './shellConfig';
import { shellStartupMessage } from './startupErrors';
import { createUpdateService } from './updater';
import { createKioskWindow, type Schedule } from './window';

// electron-updater is CommonJS: its named exports are reached through the default export under ESM.
const { autoUpdater } = electronUpdater;

const production = app.isPackaged;
const devServerUrl = !production && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const UPDATE_TICK_MS = 60_000;
const locale = processLocale(process.env);

const scheduleTimer: Schedule = (run, ms) => {
  setTimeout(run, ms).unref();
};

function dataDirFromArgs(): string {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const flag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  return flag || process.env.KIOSK_DATA_DIR ? resolveDataDir(flag, process.env, process.platform) : app.getPath('userData');
}

function start(dataDir: string, logger: Logger): { core: KioskCore; window: BrowserWindow } {
  const config = readShellConfig(dataDir);
  // Refuses Linux's basic_text here, before any key is read, unless shell.json allows it.
  const keyStore = new SafeStorageKeyStore(dataDir, safeStorage, { allowPlainText: config.allowBasicTextKeyStorage });
  if (keyStore.storage.plainText) logger.log('warn', 'keyStorage.plainText', { backend: keyStore.storage.backend });
  const core = createKioskCore({
    dataDir,
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    clock: systemClock,
    keyStore,
    logger,
    appVersion: app.getVersion(),
  });
  guardQuit({ app, activity: core.activity, logger: logger.child('quit'), schedule: scheduleTimer });
  app.on('will-quit', () => core.close());

  const recovery = createRendererRecovery(systemClock);
  const updates = createUpdateService({
    updater: autoUpdater,
    config: config.updates,
    clock: systemClock,
    isOnline: () => net.isOnline(),
    activity: core.activity,
    backupBeforeInstall: () => core.maintenance.backupNow('pre-update'),
    logger: logger.child('updates'),
  });
  const kiosk = production && config.kioskMode;
  // The window comes after the shell is attached; receipts are printed from whichever page it shows.
  let shown: BrowserWindow | null = null;
  const outputReceipt = createReceiptOutput({
    page: () => (shown && !shown.isDestroyed() ? shown.webContents : null),
    dataDir,
    printerName: config.receiptPrinter,
    logger,
  });
  core.shell.attach(
    createElectronShell({ version: app.getVersion(), kioskMode: kiosk, keyStorage: keyStore.storage, updates, recovery, outputReceipt }),
  );

  const maintenance = scheduleMaintenance(core);
  core.sync.start();
  updates.tick();
  const updateTicks = setInterval(() => updates.tick(), UPDATE_TICK_MS).unref();
  app.on('will-quit', () => {
    clearInterval(maintenance);
    clearInterval(updateTicks);
  });

  // No application menu: it carries reload, devtools and zoom accelerators.
  Menu.setApplicationMenu(null);
  serveAppProtocol(join(__dirname, '../renderer'));
  registerApiHandlers(ipcMain, core.dispatch, devServerUrl);
  const window = createKioskWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    production,
    devServerUrl,
    kiosk,
    recovery,
    logger: logger.child('window'),
  });
  shown = window;
  const unsubscribe = core.events.subscribe((event) => window.webContents.send(EVENT_CHANNEL, event));
  window.on('closed', unsubscribe);
  return { core, window };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let kioskWindow: BrowserWindow | null = null;

  void app.whenReady().then(() => {
    const dataDir = dataDirFromArgs();
    const logger = createFileLogger(dataDir, systemClock);
    try {
      kioskWindow = start(dataDir, logger).window;
    } catch (error) {
      // Nothing can run without settings, key store and database: say why, then stop.
      logger.log('error', 'start.failed', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      dialog.showErrorBox(translate(locale, 'shell.dialogTitle'), shellStartupMessage(error, dataDir, locale));
      app.exit(1);
    }
  });

  // A second start (a double click at the counter) brings the running kiosk to the front.
  app.on('second-instance', () => {
    if (!kioskWindow) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
}
