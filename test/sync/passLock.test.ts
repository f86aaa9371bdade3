// Two processes on one data folder (the kiosk app and `kiosk sync run`): while one is in a pass the
// other sends nothing and says why; after the pass the lock is gone.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASS_LOCK_FILE } from '../../electron/core/sync/passLock';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

describe('one sync pass per data folder', () => {
  it('stays out while another live process holds the pass, and goes once it has finished', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
    await saveRegistrations(kiosk.core, kiosk.clock, 3);
    const lock = join(kiosk.dataDir, PASS_LOCK_FILE);
    const at = kiosk.clock.now().toISOString();
    // The process that started this test runner stands in for the other process: it is alive.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: at, refreshed: at }));
    expect(await kiosk.core.sync.runNow()).toMatchObject({ error: 'busy', batches: 0, pending: 3 });
    expect(await platform.held()).toEqual([]);

    // The other pass ended (it removes its lock): this one syncs, and leaves no lock behind.
    rmSync(lock);
    expect(await kiosk.core.sync.runNow()).toMatchObject({ error: null, outcomes: { accepted: 3 }, pending: 0 });
    expect(existsSync(lock)).toBe(false);
  });
});
