// The thin slice in the real Electron window, then the window's security from the outside: after a
// registration, every webContents' preferences as Electron reports them, and 20 attempts to open or
// navigate to other pages. Runs only where an Electron binary exists; elsewhere every test is
// reported as skipped with why (and announce.ts prints the reason once).
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillFirstAdmin } from '../e2e/agreementSteps';
import { consentSignSubmit, next, readAgreement } from '../e2e/deskSteps';
import { findElectronRunner } from './electronBinary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = findElectronRunner();
const foreign = 'https://example.invalid';
const AUDIT_LOG = '__kioskSecurityAudit';

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

/** The registration of test/e2e/slice.spec.ts, with its shared steps, through the Electron window and IPC. */
async function registerIndividual(page: Page): Promise<void> {
  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('姓名', { exact: true }).fill('张三丰');
  await page.getByLabel('证件号码', { exact: true }).fill('11010519491231002X');
  await page.getByLabel('手机号码', { exact: true }).fill('13912345678');
  await page.locator('.ant-radio-button-wrapper', { hasText: '其他企业（填写统一社会信用代码）' }).click();
  await page.getByLabel('所属企业的统一社会信用代码').fill('91350100M000100Y43');
  await next(page).click();
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  await expect(page.getByRole('row', { name: /1101\*{10}002X/ })).toBeVisible();
}

interface AuditLog {
  navigations: { event: string; url: string; prevented: boolean }[];
  createdContents: number;
  createdWindows: number;
}

/**
 * Starts recording, in the main process, every navigation the window attempts (and whether the app's
 * handler stopped it) and every webContents or window created after this point.
 */
async function startAudit(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ app: electronApp, BrowserWindow }, key) => {
    const log: AuditLog = { navigations: [], createdContents: 0, createdWindows: 0 };
    Reflect.set(globalThis, key, log);
    electronApp.on('web-contents-created', () => (log.createdContents += 1));
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      // Added after the app's own handlers, so defaultPrevented shows what they decided.
      contents.on('will-navigate', (event, url) => log.navigations.push({ event: 'will-navigate', url, prevented: event.defaultPrevented }));
      contents.on('will-redirect', (event, url) => log.navigations.push({ event: 'will-redirect', url, prevented: event.defaultPrevented }));
      contents.on('did-create-window', () => (log.createdWindows += 1));
    }
  }, AUDIT_LOG);
}

function auditLog(app: ElectronApplication): Promise<AuditLog> {
  return app.evaluate((_electron, key) => Reflect.get(globalThis, key) as AuditLog, AUDIT_LOG);
}

const js = (value: string) => JSON.stringify(value);
const clickLink = (href: string, target = '') => `(() => {
  const link = document.createElement('a');
  link.href = ${js(href)};
  ${target ? `link.target = ${js(target)};` : ''}
  document.body.append(link);
  link.click();
  link.remove();
})()`;

/** Ten attempts to open a new window: every one must be denied. */
const newWindowAttempts: string[] = [
  `window.open(${js(`${foreign}/open`)})`,
  `window.open(${js('https://app.evil.example/')})`,
  `window.open(${js('javascript:alert(1)')})`,
  `window.open(${js('file:///etc/passwd')})`,
  `window.open(${js('app://kiosk/index.html')})`,
  `window.open(${js('app://evil/index.html')})`,
  `window.open(${js('data:text/html,<h1>x</h1>')})`,
  `window.open(${js('about:blank')}, '_blank', 'noopener')`,
  clickLink(`${foreign}/blank`, '_blank'),
  `(() => {
    const form = document.createElement('form');
    form.action = ${js(`${foreign}/form`)};
    form.target = '_blank';
    document.body.append(form);
    form.submit();
    form.remove();
  })()`,
];

/** Ten attempts to navigate the window away from the app's page: every one must be stopped. */
const navigationAttempts: string[] = [
  `location.href = ${js(`${foreign}/href`)}`,
  `location.replace(${js(`${foreign}/replace`)})`,
  `location.assign(${js(`${foreign}/assign`)})`,
  clickLink(`${foreign}/link`),
  `location.href = ${js('https://app.evil.example/')}`,
  `location.href = ${js('file:///etc/passwd')}`,
  `location.href = ${js('app://evil/index.html')}`,
  `location.href = ${js('app://kiosk/../../etc/passwd')}`,
  `location.href = ${js('app://kiosk/%2e%2e/%2e%2e/etc/passwd')}`,
  `window.top.location.href = ${js(`${foreign}/top`)}`,
];

test('creates the first IT admin, registers an individual and lists the record masked', async ({ kiosk }) => {
  const { page } = kiosk;
  expect(page.url()).toMatch(/^app:\/\/kiosk\//);
  await fillFirstAdmin(page);
  await registerIndividual(page);
  await expect(page.getByText('11010519491231002X')).toHaveCount(0);
});

test('after a registration, every webContents runs with the secure preferences and denies permissions', async ({ kiosk }) => {
  const { app, page } = kiosk;
  await fillFirstAdmin(page);
  await registerIndividual(page);

  const contents = await app.evaluate(({ webContents }) =>
    webContents.getAllWebContents().map((each) => {
      // Electron's own record of the preferences the contents was created with (not in its typings).
      const getLastWebPreferences: unknown = Reflect.get(each, 'getLastWebPreferences');
      const preferences: unknown = typeof getLastWebPreferences === 'function' ? Reflect.apply(getLastWebPreferences, each, []) : null;
      return { type: each.getType(), url: each.getURL(), preferences, devToolsOpen: each.isDevToolsOpened() };
    }),
  );
  expect(contents).toHaveLength(1);
  for (const each of contents) {
    expect(each.type).toBe('window');
    expect(each.url, 'the window shows the app').toMatch(/^app:\/\/kiosk\//);
    expect(each.devToolsOpen).toBe(false);
    expect(each.preferences, each.url).toMatchObject({
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
      spellcheck: false,
    });
  }

  const permissions = await page.evaluate(`Promise.all(['geolocation', 'notifications', 'camera', 'microphone'].map(
    (name) => navigator.permissions.query({ name }).then((status) => status.state, () => 'denied'),
  ))`);
  expect(permissions).toEqual(['denied', 'denied', 'denied', 'denied']);
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

test('after a registration, 20 attempts to open windows or navigate away all fail', async ({ kiosk }) => {
  const { app, page } = kiosk;
  await fillFirstAdmin(page);
  await registerIndividual(page);
  await startAudit(app);
  expect(newWindowAttempts.length + navigationAttempts.length).toBe(20);

  for (const attempt of newWindowAttempts) {
    const opened = await page.evaluate(`(() => { const result = ${attempt}; return result === undefined ? null : result === null; })()`);
    if (opened !== null) expect(opened, attempt).toBe(true);
  }
  for (const attempt of navigationAttempts) await page.evaluate(attempt);

  // The readiness signal: a last attempt seen and stopped by the main process. Events arrive in
  // order, so every earlier attempt has been decided by then.
  const marker = `${foreign}/marker`;
  await page.evaluate(`location.href = ${js(marker)}`);
  await expect.poll(async () => (await auditLog(app)).navigations.map(({ url }) => url)).toContain(marker);

  const log = await auditLog(app);
  expect(log.navigations.filter(({ prevented }) => !prevented)).toEqual([]);
  expect(log.navigations.filter(({ url }) => url.startsWith(foreign)).map(({ url }) => url)).toEqual(
    expect.arrayContaining([`${foreign}/href`, `${foreign}/replace`, `${foreign}/assign`, `${foreign}/link`, `${foreign}/top`]),
  );
  expect(log.createdWindows).toBe(0);
  expect(log.createdContents).toBe(0);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(app.windows()).toHaveLength(1);

  expect(page.url()).toMatch(/^app:\/\/kiosk\/(index\.html)?(#.*)?$/);
  expect(await page.evaluate('location.origin')).toBe('app://kiosk');
  await expect(page.getByRole('row', { name: /1101\*{10}002X/ })).toBeVisible();
});
