// The thin slice in the real Electron window, then the window's security from the outside: its
// webPreferences as Electron reports them, and attempts to open or navigate to foreign pages.
// Runs only where an Electron binary exists; elsewhere every test is reported as skipped with why.
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRunner } from './electronBinary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = findElectronRunner();
const foreignUrl = 'https://example.invalid/';
const NAVIGATION_LOG = '__kioskNavigationAttempts';

interface KioskApp {
  app: ElectronApplication;
  page: Page;
}

/** The environment for the app: ours, minus anything that would change what the app loads or how it runs. */
function appEnv(): Record<string, string> {
  const dropped = new Set(['ELECTRON_RUN_AS_NODE', 'ELECTRON_RENDERER_URL', 'KIOSK_DATA_DIR', 'NODE_OPTIONS']);
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !dropped.has(entry[0])),
  );
}

const test = base.extend<{ kiosk: KioskApp }>({
  kiosk: async ({}, use) => {
    if (!runner.runnable) throw new Error(runner.reason);
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('out/main/index.js is missing: run `npm run build` first');
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-e2e-'));
    const app = await electron.launch({
      executablePath: runner.executablePath,
      args: ['.', '--data-dir', dataDir],
      cwd: root,
      env: appEnv(),
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await use({ app, page });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

test.skip(!runner.runnable, runner.runnable ? '' : runner.reason);

async function createFirstAdmin(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('姓名').fill('王工');
  await page.getByLabel('PIN码').fill('246810');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('王工（信息技术管理员）')).toBeVisible();
}

/** Starts recording, in the main process, every navigation the window attempts and whether it was stopped. */
async function recordNavigations(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }, key) => {
    const attempts: { event: string; url: string; prevented: boolean }[] = [];
    Reflect.set(globalThis, key, attempts);
    for (const window of BrowserWindow.getAllWindows()) {
      // Added after the app's own handlers, so defaultPrevented shows what they decided.
      window.webContents.on('will-navigate', (event, url) => attempts.push({ event: 'will-navigate', url, prevented: event.defaultPrevented }));
      window.webContents.on('will-redirect', (event, url) => attempts.push({ event: 'will-redirect', url, prevented: event.defaultPrevented }));
    }
  }, NAVIGATION_LOG);
}

function navigationAttempts(app: ElectronApplication): Promise<unknown> {
  return app.evaluate((_electron, key) => Reflect.get(globalThis, key), NAVIGATION_LOG);
}

test('creates the first IT admin, registers an individual and lists the record masked', async ({ kiosk }) => {
  const { page } = kiosk;
  expect(page.url()).toMatch(/^app:\/\/kiosk\//);
  await createFirstAdmin(page);

  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('姓名').fill('张三丰');
  await page.getByLabel('证件号码').fill('11010519491231002X');
  await page.getByLabel('手机号码').fill('13912345678');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('row', { name: /1101\*{10}002X/ })).toBeVisible();
  await expect(page.getByText('11010519491231002X')).toHaveCount(0);
});

test('every window runs with the secure webPreferences', async ({ kiosk }) => {
  const windows = await kiosk.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => {
      const contents = window.webContents;
      // Electron's own record of the preferences the window was created with (not in its typings).
      const getLastWebPreferences: unknown = Reflect.get(contents, 'getLastWebPreferences');
      const preferences: unknown = typeof getLastWebPreferences === 'function' ? Reflect.apply(getLastWebPreferences, contents, []) : null;
      return { url: contents.getURL(), preferences };
    }),
  );
  expect(windows).toHaveLength(1);
  for (const window of windows) {
    expect(window.url, 'the window shows the app').toMatch(/^app:\/\/kiosk\//);
    expect(window.preferences, window.url).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  }
});

test('the page sees only window.kiosk, never Node or ipcRenderer', async ({ kiosk }) => {
  const globals = await kiosk.page.evaluate(`({
    require: typeof require,
    process: typeof process,
    module: typeof module,
    Buffer: typeof Buffer,
    kiosk: Object.keys(window.kiosk ?? {}).sort(),
    ipcRenderer: typeof window.ipcRenderer,
    electron: typeof window.electron,
  })`);
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    kiosk: ['api', 'onEvent'],
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
});

test('window.open to any URL opens no window', async ({ kiosk }) => {
  const { app, page } = kiosk;
  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  for (const url of [foreignUrl, 'file:///etc/passwd', 'app://kiosk/index.html']) {
    expect(await page.evaluate(`window.open(${JSON.stringify(url)}) === null`), url).toBe(true);
  }
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(app.windows()).toHaveLength(1);
});

test('location changes and links to a foreign page do not navigate', async ({ kiosk }) => {
  const { app, page } = kiosk;
  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  await recordNavigations(app);

  const attempts = {
    [`${foreignUrl}href`]: `location.href = ${JSON.stringify(`${foreignUrl}href`)}`,
    [`${foreignUrl}replace`]: `location.replace(${JSON.stringify(`${foreignUrl}replace`)})`,
    [`${foreignUrl}assign`]: `location.assign(${JSON.stringify(`${foreignUrl}assign`)})`,
    [`${foreignUrl}link`]: `(() => {
      const link = document.createElement('a');
      link.href = ${JSON.stringify(`${foreignUrl}link`)};
      document.body.append(link);
      link.click();
    })()`,
  };
  for (const [url, script] of Object.entries(attempts)) {
    await page.evaluate(script);
    // The readiness signal: the main process has seen the attempt and the app's handler stopped it.
    await expect
      .poll(() => navigationAttempts(app), { message: url })
      .toContainEqual({ event: 'will-navigate', url, prevented: true });
    expect(page.url(), url).toMatch(/^app:\/\/kiosk\//);
  }

  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  expect(await page.evaluate('location.origin')).toBe('app://kiosk');
  expect(await navigationAttempts(app)).not.toContainEqual(expect.objectContaining({ prevented: false }));
});
