// The kiosk window: secure preferences, no menu, navigation and new windows denied, permissions
// denied; in production the reload, devtools and zoom shortcuts are swallowed; a renderer that dies
// or hangs is reloaded (everything saved lives in the main process, so nothing saved is lost).
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/platform/logger';
import type { RendererRecovery } from './rendererRecovery';
import { APP_ORIGIN, isNavigationAllowed, secureWebPreferences } from './security';
import { lockedShortcut } from './shortcuts';

export type Schedule = (run: () => void, ms: number) => void;

const scheduleTimer: Schedule = (run, ms) => {
  setTimeout(run, ms).unref();
};

export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Swallows the locked shortcuts before the page or Chromium sees them, and keeps the zoom at 100 %. */
export function lockInput(contents: WebContents, logger: Logger): void {
  contents.on('before-input-event', (event, input) => {
    const shortcut = lockedShortcut(input);
    if (!shortcut) return;
    event.preventDefault();
    logger.log('info', 'shortcut.swallowed', { shortcut });
  });
  // Pinch zoom on a touch screen; Ctrl+wheel only emits 'zoom-changed', which nothing answers.
  contents.on('did-finish-load', () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  });
}

/** Reloads the screen when its renderer dies or hangs, as `recovery` decides, and logs why. */
export function watchRenderer(contents: WebContents, recovery: RendererRecovery, logger: Logger, schedule: Schedule = scheduleTimer): void {
  const reloadAfter = (ms: number) => {
    const reload = () => {
      if (!contents.isDestroyed()) contents.reload();
    };
    if (ms === 0) reload();
    else schedule(reload, ms);
  };
  contents.on('render-process-gone', (_event, details) => {
    const decision = recovery.gone(details.reason);
    logger.log(details.reason === 'clean-exit' ? 'info' : 'error', 'renderer.gone', {
      reason: details.reason,
      exitCode: details.exitCode,
      reloadAfterMs: decision.action === 'none' ? null : decision.afterMs,
    });
    if (decision.action !== 'none') reloadAfter(decision.afterMs);
  });
  contents.on('unresponsive', () => {
    const { checkAfterMs } = recovery.unresponsive();
    logger.log('warn', 'renderer.unresponsive', { checkAfterMs });
    schedule(() => {
      const decision = recovery.stillUnresponsive();
      if (decision.action !== 'kill-and-reload' || contents.isDestroyed()) return;
      logger.log('error', 'renderer.hung', { reloadAfterMs: decision.afterMs });
      contents.forcefullyCrashRenderer();
      reloadAfter(decision.afterMs);
    }, checkAfterMs);
  });
  contents.on('responsive', () => {
    recovery.responsive();
    logger.log('info', 'renderer.responsive');
  });
}

export function createKioskWindow(options: {
  preloadPath: string;
  production: boolean;
  devServerUrl: string | null;
  /** Full screen with no way out through the window (the shell.json `kioskMode`, production only). */
  kiosk: boolean;
  recovery: RendererRecovery;
  logger: Logger;
  schedule?: Schedule;
}): BrowserWindow {
  denyPermissions(session.defaultSession);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.production),
  });
  window.removeMenu();
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (options.production) lockInput(contents, options.logger);
  watchRenderer(contents, options.recovery, options.logger, options.schedule);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
