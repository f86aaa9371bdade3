// One sync pass at a time per data folder, across processes: the kiosk app and `kiosk sync run` on
// the same folder would otherwise both resend an open batch, and one could put back into the queue
// a batch the other is still waiting on (the platform's duplicate detection keeps that safe, but the
// records end as `duplicate` and requests double). A lock file created exclusively holds the pid and
// host of the process in a pass and when it last showed life (refreshed at every batch); a lock whose
// process is gone (a crash), or that nobody refreshed for STALE_AFTER_MS (a hung process, or a pid
// reused after a restart), is taken over.
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const PASS_LOCK_FILE = 'sync.lock';
/** Longer than any one batch may take (request timeout included), so a live pass is never taken over. */
export const STALE_AFTER_MS = 15 * 60_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  refreshed: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? ''), refreshed: String(owner.refreshed ?? owner.since ?? '') };
  } catch {
    return null;
  }
}

export interface PassLock {
  /** Takes the lock, or returns the owner that holds it. */
  acquire(now: Date): { ok: true } | { ok: false; owner: LockOwner };
  /** Shows the pass is alive (at every batch). */
  refresh(now: Date): void;
  release(): void;
}

export function createPassLock(dataDir: string, pid = process.pid): PassLock {
  const path = join(dataDir, PASS_LOCK_FILE);
  const host = hostname();
  let held = false;
  let since = '';

  /** Creates the lock with its content in one step (a hard link of a written file), so no reader sees it half written. */
  function tryCreate(now: Date): boolean {
    const draft = `${path}.${pid}`;
    const started = now.toISOString();
    writeFileSync(draft, JSON.stringify({ pid, host, since: started, refreshed: started }));
    try {
      linkSync(draft, path);
      since = started;
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }

  return {
    acquire(now) {
      if (held) return { ok: true };
      if (tryCreate(now)) {
        held = true;
        return { ok: true };
      }
      const owner = readOwner(path);
      const fresh = owner !== null && now.getTime() - Date.parse(owner.refreshed) < STALE_AFTER_MS;
      // Held by a live, recently refreshed pass (another host's pid cannot be checked: its refreshes can).
      if (owner && fresh && owner.pid !== pid && (owner.host !== host || alive(owner.pid))) return { ok: false, owner };
      // Left by a process that is gone, unreadable, or our own from before a restart: take it over.
      rmSync(path, { force: true });
      if (tryCreate(now)) {
        held = true;
        return { ok: true };
      }
      return { ok: false, owner: readOwner(path) ?? { pid: -1, host: '', since: '', refreshed: '' } };
    },
    refresh(now) {
      if (!held) return;
      // Written beside and renamed over, so a reader never sees a half-written lock.
      const draft = `${path}.${pid}`;
      writeFileSync(draft, JSON.stringify({ pid, host, since, refreshed: now.toISOString() }));
      renameSync(draft, path);
    },
    release() {
      if (!held) return;
      held = false;
      rmSync(path, { force: true });
    },
  };
}
