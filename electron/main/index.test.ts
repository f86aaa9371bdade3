// The shell's composition with Electron mocked and a real core on a temp data folder: the
// single-instance lock, the basic_text refusal and its IT console warning, kiosk mode from
// shell.json, no menu, the quit guard and the update checks at start.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../shared/api/channels';
import type { OperationName } from '../../shared/api/contract';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    lockGranted: true,
    isPackaged: true,
    backend: 'gnome_libsecret' as string,
    key: Buffer.alloc(32),
    windows: [] as { options: Record<string, unknown>; removeMenu: () => void }[],
    handlers: new Map<string, Listener>(),
    appListeners: new Map<string, Listener[]>(),
    calls: { quit: 0, exit: [] as number[], errorBoxes: [] as string[], menus: [] as unknown[], schemes: 0, checks: 0 },
  };
  return { state };
});

vi.mock('electron', async () => {
  const { createCipheriv: cipher, createDecipheriv: decipher, randomBytes: random } = await import('node:crypto');
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = fake;
  class FakeWebContents extends Emitter {
    id = 1;
    setWindowOpenHandler() {}
    send() {}
    isDestroyed() {
      return false;
    }
  }
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    removeMenu() {}
    loadURL() {
      return Promise.resolve();
    }
    show() {}
  }
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    requestSingleInstanceLock: () => state.lockGranted,
    quit: () => {
      state.calls.quit += 1;
    },
    exit: (code: number) => state.calls.exit.push(code),
    whenReady: () => Promise.resolve(),
    getPath: () => {
      throw new Error('the tests always pass --data-dir');
    },
    getAppPath: () => projectRoot,
    getVersion: () => '1.4.0',
    on(event: string, listener: (...args: unknown[]) => unknown) {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      return app;
    },
  };
  return {
    app,
    dialog: { showErrorBox: (_title: string, text: string) => state.calls.errorBoxes.push(text) },
    ipcMain: { handle: (channel: string, listener: (...args: unknown[]) => unknown) => state.handlers.set(channel, listener) },
    Menu: { setApplicationMenu: (menu: unknown) => state.calls.menus.push(menu) },
    net: { isOnline: () => true },
    protocol: {
      registerSchemesAsPrivileged: () => {
        state.calls.schemes += 1;
      },
      handle: () => undefined,
    },
    safeStorage: {
      getSelectedStorageBackend: () => state.backend,
      setUsePlainTextEncryption: () => undefined,
      isEncryptionAvailable: () => true,
      encryptString(text: string) {
        const iv = random(12);
        const c = cipher('aes-256-gcm', state.key, iv);
        const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), body]);
      },
      decryptString(data: Buffer) {
        const d = decipher('aes-256-gcm', state.key, data.subarray(0, 12));
        d.setAuthTag(data.subarray(12, 28));
        return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
      },
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    BrowserWindow: FakeBrowserWindow,
  };
});

vi.mock('electron-updater', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), {
    setFeedURL: () => undefined,
    checkForUpdates: async () => {
      fake.state.calls.checks += 1;
      return null;
    },
    quitAndInstall: () => undefined,
  });
  return { default: { autoUpdater } };
});

let dataDir: string;
const argv = process.argv;
// A packaged app finds its resources next to the asar archive; here that is the project folder.
Object.defineProperty(process, 'resourcesPath', { value: projectRoot, configurable: true });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-main-'));
  process.argv = [argv[0] ?? 'electron', '.', '--data-dir', dataDir];
  const { state } = fake;
  Object.assign(state, { lockGranted: true, isPackaged: true, backend: 'gnome_libsecret', key: randomBytes(32), windows: [] });
  state.handlers.clear();
  state.appListeners.clear();
  state.calls = { quit: 0, exit: [], errorBoxes: [], menus: [], schemes: 0, checks: 0 };
  vi.resetModules();
});

afterEach(() => {
  for (const listener of fake.state.appListeners.get('will-quit') ?? []) listener();
  process.argv = argv;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Imports the main entry as Electron would run it, and lets app.whenReady() resolve. */
async function startMain(): Promise<void> {
  await import('./index');
  await new Promise((resolve) => setImmediate(resolve));
}

function writeShellJson(config: unknown) {
  writeFileSync(join(dataDir, 'shell.json'), JSON.stringify(config));
}

/** Calls an operation through the registered IPC handler, as the kiosk page would. */
async function invoke(operation: OperationName, input: unknown): Promise<unknown> {
  const handler = fake.state.handlers.get(ipcChannel(operation));
  if (!handler) throw new Error(`no IPC handler for ${operation}`);
  const sender = Object.assign(new EventEmitter(), { id: 1 });
  return handler({ sender, senderFrame: { url: 'app://kiosk/index.html', parent: null } }, input);
}

describe('main process', () => {
  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    fake.state.lockGranted = false;
    await startMain();
    expect(fake.state.calls.quit).toBe(1);
    expect(fake.state.calls.schemes).toBe(0);
    expect(fake.state.windows).toEqual([]);
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(false);
  });

  it('opens a full-screen kiosk window without a menu in production, and guards quitting', async () => {
    await startMain();
    expect(fake.state.calls.errorBoxes).toEqual([]);
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]?.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(fake.state.calls.menus).toEqual([null]);
    expect(fake.state.appListeners.get('before-quit')).toHaveLength(1);
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(true);
  });

  it('leaves kiosk mode off when shell.json turns it off, and always outside production', async () => {
    writeShellJson({ kioskMode: false });
    await startMain();
    expect(fake.state.windows[0]?.options).toMatchObject({ kiosk: false });

    rmSync(join(dataDir, 'shell.json'));
    for (const listener of fake.state.appListeners.get('will-quit') ?? []) listener();
    fake.state.appListeners.clear();
    fake.state.isPackaged = false;
    vi.resetModules();
    await startMain();
    expect(fake.state.windows[1]?.options).toMatchObject({ kiosk: false });
  });

  it('refuses Linux basic_text key storage with a dialog and creates no database', async () => {
    fake.state.backend = 'basic_text';
    await startMain();
    expect(fake.state.calls.exit).toEqual([1]);
    expect(fake.state.calls.errorBoxes).toHaveLength(1);
    expect(fake.state.calls.errorBoxes[0]).toContain('allowBasicTextKeyStorage');
    expect(fake.state.windows).toEqual([]);
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(false);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false);
  });

  it('runs on basic_text when shell.json allows it, and warns IT through shell.status', async () => {
    fake.state.backend = 'basic_text';
    writeShellJson({ allowBasicTextKeyStorage: true });
    await startMain();
    expect(fake.state.calls.exit).toEqual([]);
    await invoke('setup.createFirstAdmin', { staffId: 'it01', name: '王工', pin: '246810' });
    const status = await invoke('shell.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        shell: 'electron',
        version: '1.4.0',
        keyStorage: { backend: 'basic_text', plainText: true },
        warnings: expect.arrayContaining([{ code: 'key_storage_plain_text', message: expect.stringContaining('basic_text') }]),
      },
    });
  });

  it('shows a broken shell.json in a dialog instead of starting with guesses', async () => {
    writeShellJson({ kioskMode: 'off' });
    await startMain();
    expect(fake.state.calls.exit).toEqual([1]);
    expect(fake.state.calls.errorBoxes[0]).toContain(join(dataDir, 'shell.json'));
  });

  it('checks for an update at start when an update server is configured, and not otherwise', async () => {
    await startMain();
    expect(fake.state.calls.checks).toBe(0);

    for (const listener of fake.state.appListeners.get('will-quit') ?? []) listener();
    fake.state.appListeners.clear();
    writeShellJson({ updates: { feedUrl: 'https://updates.example.cn/kiosk/' } });
    vi.resetModules();
    await startMain();
    expect(fake.state.calls.checks).toBe(1);
  });
});

