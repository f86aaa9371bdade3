import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPassLock, PASS_LOCK_FILE, STALE_AFTER_MS } from './passLock';

const t0 = new Date('2026-12-04T09:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

/** A pid no process has: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the sync pass lock', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one process in at a time and the next one in after release', () => {
    dir = mkdtempSync(join(tmpdir(), 'pass-lock-'));
    // Two processes on one folder: this one, and the one that started the test runner (alive).
    const app = createPassLock(dir, process.pid);
    const cli = createPassLock(dir, process.ppid);
    expect(app.acquire(t0)).toEqual({ ok: true });
    expect(cli.acquire(later(1000))).toMatchObject({ ok: false, owner: { pid: process.pid, host: hostname(), since: t0.toISOString() } });
    app.refresh(later(60_000));
    expect(JSON.parse(readFileSync(join(dir, PASS_LOCK_FILE), 'utf8'))).toMatchObject({ refreshed: later(60_000).toISOString() });
    app.release();
    expect(existsSync(join(dir, PASS_LOCK_FILE))).toBe(false);
    expect(cli.acquire(later(2000))).toEqual({ ok: true });
  });

  it('takes over a lock left by a process that is gone, or not refreshed for the stale period', () => {
    dir = mkdtempSync(join(tmpdir(), 'pass-lock-'));
    const path = join(dir, PASS_LOCK_FILE);
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), since: t0.toISOString(), refreshed: t0.toISOString() }));
    expect(createPassLock(dir, process.pid).acquire(later(1000))).toEqual({ ok: true });
    // A live pid (the runner's parent) that stopped refreshing: a hung pass, or a pid reused after a restart.
    writeFileSync(path, JSON.stringify({ pid: process.ppid, host: hostname(), since: t0.toISOString(), refreshed: t0.toISOString() }));
    const other = createPassLock(dir, process.pid + 1_000_000);
    expect(other.acquire(later(STALE_AFTER_MS - 1000)).ok).toBe(false);
    expect(other.acquire(later(STALE_AFTER_MS + 1000))).toEqual({ ok: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid + 1_000_000 });
  });
});
