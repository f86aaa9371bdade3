// Window and IPC security decisions as pure functions, so each is unit-tested without Electron.
export { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's origin: app://kiosk in production, the dev server in development. */
export function isAppUrl(rawUrl: string | null | undefined, devServerUrl: string | null): boolean {
  const url = parseUrl(rawUrl);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  // A malformed dev server URL must refuse, not throw: a throwing will-navigate handler never
  // calls preventDefault, so the navigation would go ahead.
  const dev = parseUrl(devServerUrl);
  if (!dev) return false;
  return url.origin === dev.origin && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

function parseUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * IPC is answered only for our own top frame. `senderFrame` is null when the frame navigated or was
 * destroyed before the message was handled; that is refused too.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl: string | null,
): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/** The app's one page; its screens are hash routes, so no other path is ever a page. */
const APP_PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

/**
 * Navigation away from the app is never allowed; reloading the app's own page is. Within app://kiosk
 * only the page itself: a navigation to a script, a missing file or a traversal attempt would leave
 * the kiosk on a dead page with no way back in kiosk mode.
 */
export function isNavigationAllowed(targetUrl: string, devServerUrl: string | null): boolean {
  if (!isAppUrl(targetUrl, devServerUrl)) return false;
  const url = new URL(targetUrl);
  return url.protocol !== `${APP_SCHEME}:` || APP_PAGE_PATHS.has(url.pathname);
}

/** webPreferences for every window; the same in tests and production. */
export function secureWebPreferences(preloadPath: string, production: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !production,
  } as const;
}
