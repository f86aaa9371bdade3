import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from './security';
import { createKioskWindow, denyPermissions } from './window';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    private readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    count(event: string) {
      return this.listeners.get(event)?.length ?? 0;
    }
  }

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }

  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  return { FakeBrowserWindow, defaultSession };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  session: { defaultSession: fake.defaultSession },
}));

const preloadPath = '/app/out/preload/index.cjs';

function openWindow(options: { production?: boolean; devServerUrl?: string | null; kiosk?: boolean } = {}) {
  createKioskWindow({
    preloadPath,
    production: options.production ?? true,
    devServerUrl: options.devServerUrl ?? null,
    kiosk: options.kiosk ?? true,
  });
  const window = fake.FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('createKioskWindow did not construct a BrowserWindow');
  return window;
}

/** Emits a navigation event the way Electron does and reports whether it was prevented. */
function navigate(window: InstanceType<typeof fake.FakeBrowserWindow>, event: 'will-navigate' | 'will-redirect', url: string) {
  const preventDefault = vi.fn();
  window.webContents.emit(event, { preventDefault, url }, url);
  return preventDefault.mock.calls.length > 0;
}

const foreignTargets = [
  'https://evil.example/',
  'app://kiosk.evil/index.html',
  'app://evil/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<h1>hi</h1>',
  'about:blank',
  'http://localhost:5173/',
];

beforeEach(() => {
  fake.FakeBrowserWindow.created.length = 0;
  vi.clearAllMocks();
});

describe('createKioskWindow', () => {
  it('constructs the window with exactly the secure web preferences', () => {
    const window = openWindow({ production: true });
    expect(fake.FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options.webPreferences).toStrictEqual(secureWebPreferences(preloadPath, true));
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
  });

  it('allows devtools only outside production', () => {
    expect(openWindow({ production: false }).options.webPreferences).toStrictEqual(secureWebPreferences(preloadPath, false));
  });

  it('goes full-screen kiosk only when asked', () => {
    expect(openWindow({ kiosk: true }).options.kiosk).toBe(true);
    expect(openWindow({ kiosk: false }).options.kiosk).toBe(false);
  });

  it('loads the app from app://kiosk, or from the dev server when one is configured', () => {
    expect(openWindow().loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(openWindow({ production: false, devServerUrl: 'http://localhost:5173' }).loadURL).toHaveBeenCalledWith(
      'http://localhost:5173',
    );
  });

  it('stays hidden until the first paint is ready', () => {
    const window = openWindow();
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('denies window.open to any URL', () => {
    const handler = openWindow().webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [...foreignTargets, 'app://kiosk/index.html']) {
      expect(handler?.({ url }), url).toEqual({ action: 'deny' });
    }
  });

  it.each(['will-navigate', 'will-redirect'] as const)('prevents %s to foreign URLs', (event) => {
    const window = openWindow();
    expect(window.webContents.count(event)).toBeGreaterThan(0);
    for (const url of foreignTargets) expect(navigate(window, event, url), url).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'] as const)('lets %s stay within app://kiosk', (event) => {
    const window = openWindow();
    expect(navigate(window, event, 'app://kiosk/index.html')).toBe(false);
    expect(navigate(window, event, 'app://kiosk/index.html#/list')).toBe(false);
  });

  it('lets the dev server page reload itself when one is configured', () => {
    const window = openWindow({ production: false, devServerUrl: 'http://localhost:5173' });
    expect(navigate(window, 'will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(navigate(window, 'will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('prevents any <webview> from attaching', () => {
    const window = openWindow();
    const preventDefault = vi.fn();
    window.webContents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies permission requests on the default session', () => {
    openWindow();
    expect(fake.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });
});

describe('denyPermissions', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'];

  function sessionWithHandlers() {
    let request: Listener | null = null;
    let check: Listener | null = null;
    const target = {
      setPermissionRequestHandler: (handler: Listener | null) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: Listener | null) => {
        check = handler;
      },
    };
    // Only the two permission setters are used; the rest of the Session is absent.
    denyPermissions(target as unknown as Session);
    return { request: () => request, check: () => check };
  }

  it('answers every permission request with false', () => {
    const request = sessionWithHandlers().request();
    expect(request).not.toBeNull();
    for (const permission of permissions) {
      const callback = vi.fn();
      request?.({}, permission, callback, { requestingUrl: 'app://kiosk/index.html' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const check = sessionWithHandlers().check();
    expect(check).not.toBeNull();
    for (const permission of permissions) {
      expect(check?.({}, permission, 'app://kiosk', { requestingUrl: 'app://kiosk/index.html' }), permission).toBe(false);
    }
  });
});
