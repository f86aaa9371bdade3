// Electron shell: lifecycle, the kiosk window, IPC wiring to core. Product logic lives in core.
import { app, ipcMain, safeStorage, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_CHANNEL } from '../../shared/api/channels';
import { createKioskCore, type KioskCore } from '../core';
import { resolveDataDir } from '../core/platform/dataDir';
import { systemClock } from '../core/platform/clock';
import { createFileLogger } from '../core/platform/logger';
import { scheduleMaintenance } from '../core/maintenance';
import { registerApiHandlers } from './ipc';
import { SafeStorageKeyStore } from './keyStore';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createKioskWindow } from './window';

const production = app.isPackaged;
const devServerUrl = !production && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;

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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let core: KioskCore | null = null;
  let kioskWindow: BrowserWindow | null = null;

  void app.whenReady().then(() => {
    const dataDir = dataDirFromArgs();
    const logger = createFileLogger(dataDir, systemClock);
    core = createKioskCore({
      dataDir,
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
      clock: systemClock,
      keyStore: new SafeStorageKeyStore(dataDir, safeStorage),
      logger,
    });
    const maintenance = scheduleMaintenance(core);
    app.on('will-quit', () => clearInterval(maintenance));
    serveAppProtocol(join(__dirname, '../renderer'));
    registerApiHandlers(ipcMain, core.dispatch, devServerUrl);
    const window = (kioskWindow = createKioskWindow({
      preloadPath: join(__dirname, '../preload/index.cjs'),
      production,
      devServerUrl,
      kiosk: production,
    }));
    const unsubscribe = core.events.subscribe((event) => window.webContents.send(EVENT_CHANNEL, event));
    window.on('closed', unsubscribe);
  });

  // A second start (a double click at the counter) brings the running kiosk to the front.
  app.on('second-instance', () => {
    if (!kioskWindow) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
