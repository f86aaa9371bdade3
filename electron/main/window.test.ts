import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/platform/clock';
import { createMemoryLogger } from '../core/platform/logger';
import { createRendererRecovery } from './rendererRecovery';
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
    destroyed = false;
    readonly reload = vi.fn();
    readonly forcefullyCrashRenderer = vi.fn();
    readonly setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined);
    readonly setZoomFactor = vi.fn();
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly removeMenu = vi.fn();
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

/** Timers the window asked for, run by the test when it chooses. */
let scheduled: { run: () => void; ms: number }[] = [];
let clock: ManualClock;
let logger: ReturnType<typeof createMemoryLogger>;

function openWindow(options: { production?: boolean; devServerUrl?: string | null; kiosk?: boolean } = {}) {
  createKioskWindow({
    preloadPath,
    production: options.production ?? true,
    devServerUrl: options.devServerUrl ?? null,
    kiosk: options.kiosk ?? true,
    recovery: createRendererRecovery(clock),
    logger,
    schedule: (run, ms) => scheduled.push({ run, ms }),
  });
  const window = fake.FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('createKioskWindow did not construct a BrowserWindow');
  return window;
}

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;

/** Presses a key the way Electron reports it and says whether the window swallowed it. */
function press(window: FakeWindow, key: string, modifiers: { control?: boolean; shift?: boolean; code?: string } = {}) {
  const preventDefault = vi.fn();
  const input = { type: 'keyDown', key, code: modifiers.code ?? '', control: !!modifiers.control, meta: false, alt: false, shift: !!modifiers.shift };
  window.webContents.emit('before-input-event', { preventDefault }, input);
  return preventDefault.mock.calls.length > 0;
}

const crash = (window: FakeWindow, reason: string) => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });

/** Emits a navigation event the way Electron does and reports whether it was prevented. */
function navigate(window: InstanceType<typeof fake.FakeBrowserWindow>, event: 'will-navigate' | 'will-redirect', url: string) {
  const preventDefault = vi.fn();
  window.webContents.emit(event, { preventDefault, url }, url);
  return preventDefault.mock.calls.length > 0;
}

const foreignTargets = [
  'https://evil.example/',
  'https://app.evil.example/',
  'https://kiosk/',
  'APP://KIOSK.evil/index.html',
  'app://kiosk@evil/index.html',
  'app://kiosk:443/index.html',
  'app:///kiosk/index.html',
  'file://kiosk/index.html',
  'javascript:location="app://kiosk/"',
  'blob:app://kiosk/0b7e1e3c-0000-4000-8000-000000000000',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://kiosk/../../etc/passwd',
  'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
  'app://kiosk/assets/index.js',
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
  scheduled = [];
  clock = new ManualClock();
  logger = createMemoryLogger(clock);
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
    expect(openWindow({ kiosk: true }).options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(openWindow({ kiosk: false }).options).toMatchObject({ kiosk: false, fullscreen: false });
  });

  it('has no menu, in kiosk mode or not', () => {
    for (const kiosk of [true, false]) {
      const window = openWindow({ kiosk });
      expect(window.removeMenu).toHaveBeenCalledTimes(1);
      expect(window.options.autoHideMenuBar).toBe(true);
    }
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

describe('keyboard and zoom lockdown', () => {
  it('swallows reload, devtools and zoom shortcuts in production and lets typing through', () => {
    const window = openWindow({ production: true });
    expect(press(window, 'F5')).toBe(true);
    expect(press(window, 'r', { control: true })).toBe(true);
    expect(press(window, 'F12')).toBe(true);
    expect(press(window, 'I', { control: true, shift: true })).toBe(true);
    expect(press(window, '=', { control: true, code: 'Equal' })).toBe(true);
    expect(press(window, '0', { control: true, code: 'Digit0' })).toBe(true);
    expect(press(window, 'r')).toBe(false);
    expect(press(window, 'v', { control: true })).toBe(false);
    expect(logger.lines.filter((line) => line.includes('shortcut.swallowed'))).toHaveLength(6);
  });

  it('leaves shortcuts alone in development', () => {
    const window = openWindow({ production: false });
    expect(window.webContents.count('before-input-event')).toBe(0);
    expect(press(window, 'F12')).toBe(false);
  });

  it('pins the zoom at 100 % whenever a page has loaded, in production', () => {
    const window = openWindow({ production: true });
    window.webContents.emit('did-finish-load');
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledExactlyOnceWith(1, 1);
    expect(window.webContents.setZoomFactor).toHaveBeenCalledExactlyOnceWith(1);
  });
});

describe('renderer crashes and hangs', () => {
  it('reloads the screen at once when its renderer crashes, and logs why', () => {
    const window = openWindow();
    crash(window, 'crashed');
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    expect(logger.lines.at(-1)).toContain('"event":"renderer.gone"');
    expect(logger.lines.at(-1)).toContain('"reason":"crashed"');
  });

  it('does not reload after a clean exit', () => {
    const window = openWindow();
    crash(window, 'clean-exit');
    expect(window.webContents.reload).not.toHaveBeenCalled();
    expect(scheduled).toEqual([]);
  });

  it('pauses before reloading a renderer that keeps crashing', () => {
    const window = openWindow();
    for (let i = 0; i < 4; i += 1) crash(window, 'oom');
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
    expect(scheduled.map(({ ms }) => ms)).toEqual([30_000]);
    scheduled[0]?.run();
    expect(window.webContents.reload).toHaveBeenCalledTimes(4);
  });

  it('kills and reloads a renderer still hung after the grace period', () => {
    const window = openWindow();
    window.webContents.emit('unresponsive');
    expect(scheduled.map(({ ms }) => ms)).toEqual([30_000]);
    clock.advance(30_000);
    scheduled[0]?.run();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    // The kill's own gone event does not reload a second time.
    crash(window, 'killed');
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('leaves a renderer alone that answered again', () => {
    const window = openWindow();
    window.webContents.emit('unresponsive');
    clock.advance(5_000);
    window.webContents.emit('responsive');
    clock.advance(30_000);
    scheduled[0]?.run();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('does not reload a window that is already gone', () => {
    const window = openWindow();
    window.webContents.destroyed = true;
    crash(window, 'crashed');
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });
});
