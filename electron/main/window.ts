// The kiosk window: secure preferences, navigation and new windows denied, permissions denied.
import { BrowserWindow, session, type Session } from 'electron';
import { APP_ORIGIN, isNavigationAllowed, secureWebPreferences } from './security';

export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

export function createKioskWindow(options: {
  preloadPath: string;
  production: boolean;
  devServerUrl: string | null;
  kiosk: boolean;
}): BrowserWindow {
  denyPermissions(session.defaultSession);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    kiosk: options.kiosk,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.production),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
