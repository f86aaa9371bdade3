// The sync operations the IT console calls, through the contract: roles, validation that changes
// nothing, history with per-record outcomes, retry, and discard with a second IT admin's PIN.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { callOk } from '../support/core';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, poisonRecord, saveRegistrations, syncAccounts, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

describe('the sync operations', () => {
  it('enrol, status for operators, run, history, quarantine, retry and a discard two admins agree on', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    const { admin, operator } = await syncAccounts(kiosk.core, kiosk.clock);

    const badUrl = await kiosk.core.dispatch('sync.enrol', { platformUrl: 'ftp://x', code: 'ABCD-EFGH' }, admin);
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const wrongCode = await kiosk.core.dispatch('sync.enrol', { platformUrl: platform.platform.url, code: 'AAAA-BBBB-CCCC' }, admin);
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'sync_enrolment_refused' } });
    const before = await callOk(kiosk.core, operator, 'sync.status', {});
    expect(before.enrolled).toBe(false);
    // The short form of the kiosk's own signing key, as IT reads it out to the platform.
    expect(before.kioskShortKeyId).toBe(kiosk.core.consent.shortKeyId);
    expect(before.kioskShortKeyId).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(await kiosk.core.dispatch('sync.runNow', {}, operator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const view = await callOk(kiosk.core, admin, 'sync.enrol', { platformUrl: `${platform.platform.url}/`, code: platform.platform.enrolmentCode() });
    expect(view.platformUrl).toBe(platform.platform.url);
    const ids = await saveRegistrations(kiosk.core, kiosk.clock, 6);
    const bad = ids[2] ?? '';
    poisonRecord(kiosk.core, bad);
    expect(await callOk(kiosk.core, operator, 'sync.status', {})).toMatchObject({ enrolled: true, pendingCount: 6, quarantinedCount: 0, platformUrl: platform.platform.url, progress: null });

    const pass = await callOk(kiosk.core, admin, 'sync.runNow', {});
    expect(pass).toMatchObject({ batches: 1, error: null, outcomes: { accepted: 5, rejected: 1 } });
    const history = await callOk(kiosk.core, admin, 'sync.batches', { limit: 10, offset: 0 });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ state: 'done', transport: 'network', recordCount: 6, outcomes: { accepted: 5, rejected: 1 } });
    const detail = await callOk(kiosk.core, admin, 'sync.batch', { id: history.items[0]?.id ?? '' });
    expect(detail.items.find((item) => item.registrationId === bad)).toMatchObject({ outcome: 'rejected', state: 'quarantined' });
    const [quarantined] = await callOk(kiosk.core, admin, 'sync.quarantine', {});
    expect(quarantined).toMatchObject({ registrationId: bad, outcome: 'rejected' });
    expect(quarantined?.fields[0]?.field).toBe('payload.mobile');

    // Retried: back to the queue, refused again, quarantined again — never in a loop by itself.
    await callOk(kiosk.core, admin, 'sync.retry', { registrationId: bad });
    expect((await callOk(kiosk.core, admin, 'sync.status', {})).pendingCount).toBe(1);
    expect((await callOk(kiosk.core, admin, 'sync.runNow', {})).outcomes.rejected).toBe(1);

    // Discard: not with one's own PIN, not with a wrong one, not by an operator; yes with a second admin.
    const discard = (staffId: string, pin: string) => kiosk.core.dispatch('sync.discard', { registrationId: bad, confirmStaffId: staffId, confirmPin: pin }, admin);
    expect(await discard('it01', '246810')).toMatchObject({ ok: false, error: { code: 'sync_confirm_failed' } });
    expect(await discard('it02', '000000')).toMatchObject({ ok: false, error: { code: 'sync_confirm_failed' } });
    expect(await discard('op01', '135790')).toMatchObject({ ok: false, error: { code: 'sync_confirm_failed' } });
    expect((await callOk(kiosk.core, admin, 'sync.quarantine', {})).length).toBe(1);
    expect(await discard('it02', '975310')).toEqual({ ok: true, value: null });
    expect(await callOk(kiosk.core, admin, 'sync.quarantine', {})).toEqual([]);
    expect(kiosk.core.database.sqlite.prepare('SELECT state FROM registrations WHERE id = ?').pluck().get(bad)).toBe('discarded');
    const audit = kiosk.core.database.sqlite.prepare("SELECT actor, details FROM audit_log WHERE action = 'sync.discard'").all();
    expect(audit).toEqual([{ actor: 'it01', details: JSON.stringify({ confirmedBy: 'it02' }) }]);
    expect(await discard('it02', '975310')).toMatchObject({ ok: false, error: { code: 'sync_not_quarantined' } });
  });

  it('enrols and runs a pass from the command line, printing the pass as JSON', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    await saveRegistrations(kiosk.core, kiosk.clock, 3);
    const dataDir = kiosk.dataDir;
    kiosk.core.close();
    const out: string[] = [];
    const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir], { out: (line) => out.push(line), env: {} });
    await cli('enrol', '--platform', platform.platform.url, '--code', platform.platform.enrolmentCode());
    expect(out.pop()).toMatch(/^已在 http:\/\/127\.0\.0\.1:\d+ 登记/);
    await cli('sync', 'run', '--json');
    expect(JSON.parse(out.pop() ?? '')).toEqual({ batches: 1, outcomes: { accepted: 3, duplicate: 0, conflict: 0, rejected: 0 }, pending: 0, error: null, agreementsStored: 0 });
    await platform.setFaults('503:1,routes=batches+agreements');
    // A pass that could not finish prints its counts and exits with 4.
    await expect(cli('sync', 'run')).rejects.toMatchObject({ exitCode: 4 });
    expect(out.pop()).toMatch(/^同步中断（http_503）/);
    kiosk = createSyncKiosk({ dataDir });
  });
});
