// Item 4: the renderer in Debian Chromium through the loopback host, as at the counter: how long
// from a navigation until the registration form takes input, and until the longest shipped
// agreement is on screen in the reader — each against the start screen of the same build in the
// same run (the baseline), interleaved. Plus the renderer's JavaScript, raw and gzip. Elements are
// found by their labels, headings and button names, which survive a change of layout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { createHostServer, newHostToken } from '../../electron/host/server';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { callOk } from '../support/core';
import { benchKioskWithAccounts } from './kiosk';
import type { Runs } from './measure';
import type { BenchResults } from './report';
import { ratio, summarize } from './stats';
import type { WorkDir } from './workdir';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rendererDir = join(root, 'out', 'renderer');
const SECTION = 'ui';
/** The profile whose agreement is the longest shipped text (resources/agreements/001_…, 奥集能). */
const LONGEST_AGREEMENT_PROFILE = 'aojineng';


// Quick mode has no warm-up round of its own: the login has loaded the page once already.
export const uiRuns = (quick: boolean): Runs => (quick ? { warmup: 0, iterations: 3 } : { warmup: 3, iterations: 25 });

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

type BuildState = 'built by this run' | 'current' | 'older than the sources (quick mode does not rebuild)';

/**
 * Builds with electron-vite when out/renderer is missing or older than the renderer's sources;
 * quick mode keeps an existing build, since a build alone takes half of its minute.
 */
function buildIfStale(rebuildStale: boolean): BuildState {
  const built = join(rendererDir, 'index.html');
  const sources = Math.max(...['renderer', 'shared'].map((dir) => newestMtime(join(root, dir))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return 'current';
  if (existsSync(built) && !rebuildStale) return 'older than the sources (quick mode does not rebuild)';
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('electron-vite build failed');
  return 'built by this run';
}

/**
 * The loopback host in this process over a bench kiosk (accounts made, the profile of the longest
 * agreement active): the same server `npm run serve` starts, serving the built renderer.
 */
async function startHost(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const kiosk = await benchKioskWithAccounts(dataDir);
  await callOk(kiosk.core, kiosk.admin, 'profiles.activate', { profileId: LONGEST_AGREEMENT_PROFILE });
  const token = newHostToken();
  const host = createHostServer({ core: kiosk.core, staticDir: rendererDir, token, logger: kiosk.core.logger });
  const port = await host.listen(0);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      await host.close();
      kiosk.close();
    },
  };
}

export async function benchUi(work: WorkDir, results: BenchResults, runs: Runs, rebuildStale: boolean): Promise<void> {
  if (!chromiumPath) throw new Error('Debian Chromium is not installed (apt-get install chromium)');
  const build = buildIfStale(rebuildStale);
  const scripts = filesUnder(rendererDir).filter((file) => file.endsWith('.js'));
  const raw = scripts.reduce((total, file) => total + statSync(file).size, 0);
  const gzip = scripts.reduce((total, file) => total + gzipSync(readFileSync(file)).length, 0);
  const kib = (bytes: number) => bytes / 1024;
  results.metric('ui.js_raw', SECTION, `renderer JavaScript in out/renderer (${scripts.length} files)`, { p50: kib(raw), p99: kib(raw), n: 1 }, 'KiB');
  results.metric('ui.js_gzip', SECTION, 'the same, gzip (zlib default level)', { p50: kib(gzip), p99: kib(gzip), n: 1 }, 'KiB');

  const host = await startHost(work.folder('ui'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    results.note(`ui: Chromium ${browser.version()} headless, 1280×800; renderer build in out/renderer ${build}; host in the bench's process, browser beside it.`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const origin = new URL(host.url).origin;
    // The token logs this browser in; the operator then signs in once. Later navigations keep the cookie.
    await page.goto(host.url);
    await page.getByRole('heading', { name: '操作员登录' }).waitFor();
    await page.getByLabel('工号').fill('op01');
    await page.getByLabel('PIN码').fill('135790');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '个人注册' }).waitFor();

    const navigations = {
      start: async (p: Page) => {
        await p.goto(`${origin}/`);
        await p.getByRole('button', { name: '个人注册' }).waitFor();
      },
      form: async (p: Page) => {
        await p.goto(`${origin}/`);
        await p.getByRole('button', { name: '个人注册' }).click();
        const name = p.getByLabel('姓名', { exact: true });
        await name.waitFor();
        if (!(await name.isEditable())) throw new Error('the registration form does not take input');
      },
      agreement: async (p: Page) => {
        await p.goto(`${origin}/`);
        await p.getByRole('button', { name: '查看注册协议' }).click();
        await p.getByRole('region', { name: '协议正文' }).waitFor();
        // The reader's end marker is rendered after the last clause: the whole text is on the page.
        await p.getByText('协议正文结束').waitFor({ state: 'attached' });
      },
    };
    const names = Object.keys(navigations) as (keyof typeof navigations)[];
    const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof navigations, number[]>;
    for (let i = 0; i < runs.warmup + runs.iterations; i += 1) {
      // The order rotates so that no page always follows the same one.
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(i + k) % names.length]!;
        const start = performance.now();
        await navigations[name](page);
        if (i >= runs.warmup) samples[name].push(performance.now() - start);
      }
    }
    const start = summarize(samples.start);
    const form = summarize(samples.form);
    const agreement = summarize(samples.agreement);
    results.metric('ui.start', SECTION, 'baseline: navigation → start screen buttons usable', start, 'ms');
    results.metric('ui.form', SECTION, 'navigation → 个人注册 → form field 姓名 editable', form, 'ms');
    results.metric('ui.agreement', SECTION, 'navigation → 查看注册协议 → whole longest agreement in the reader', agreement, 'ms');
    results.ratio('ui_form_vs_start', ratio(form.p50, start.p50), 'ui.form p50 / ui.start p50');
    results.ratio('ui_agreement_vs_start', ratio(agreement.p50, start.p50), 'ui.agreement p50 / ui.start p50');
    await context.close();
  } finally {
    await browser.close();
    await host.close();
    work.removeAll();
  }
}
