// The queue counts (the queue.changed event, `queue stats`) come from a table the database keeps in
// the transaction of every change to a record. After every kind of change the kiosk makes they
// equal a full count of the records, state by state.
import { afterEach, describe, expect, it } from 'vitest';
import { registrationStates, type QueueStats, type RegistrationState } from '../../shared/domain/registration';
import { sampleSubmission } from '../support/submission';
import { callOk } from '../support/core';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, rewritePayload, saveRegistrations, syncAccounts, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

/** Every record counted, the slow way. */
function recount(): QueueStats {
  const byState = Object.fromEntries(registrationStates.map((state) => [state, 0])) as Record<RegistrationState, number>;
  const rows = kiosk.core.database.sqlite.prepare('SELECT state, count(*) AS n FROM registrations GROUP BY state').all() as { state: RegistrationState; n: number }[];
  for (const { state, n } of rows) byState[state] = n;
  return { byState, total: rows.reduce((sum, row) => sum + row.n, 0) };
}

describe('the queue counts', () => {
  it('equal a full recount after submits, a correction, every sync outcome, quarantine, retry, discard and purge', async () => {
    platform = await startTestPlatform();
    kiosk = createSyncKiosk();
    const announced: QueueStats[] = [];
    kiosk.core.events.subscribe((event) => {
      if (event.type === 'queue.changed') announced.push(event.stats);
    });
    const exact = () => {
      const counted = recount();
      expect(kiosk.core.registrations.stats()).toEqual(counted);
      return counted;
    };
    const lastAnnouncedIsExact = () => expect(announced.at(-1)).toEqual(recount());

    const { admin, operator } = await syncAccounts(kiosk.core, kiosk.clock);
    expect(exact().total).toBe(0);

    // Submits through the API, and a correction of the first.
    const first = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    lastAnnouncedIsExact();
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { supersedes: first.id }));
    lastAnnouncedIsExact();
    expect(exact().byState.queued).toBe(3);

    await callOk(kiosk.core, admin, 'sync.enrol', { platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() });
    const ids = await saveRegistrations(kiosk.core, kiosk.clock, 6);
    const [rejected, again] = [ids[1] ?? '', ids[4] ?? ''];
    rewritePayload(kiosk.core, rejected, { mobile: '12345' });
    expect(exact().byState.queued).toBe(9);

    // A pass: accepted and rejected (quarantined).
    expect((await callOk(kiosk.core, admin, 'sync.runNow', {})).outcomes).toMatchObject({ accepted: 8, rejected: 1 });
    lastAnnouncedIsExact();
    expect(exact().byState).toMatchObject({ accepted: 8, quarantined: 1, queued: 0, sending: 0 });

    // The same record sent again with the same content: the platform answers duplicate.
    const { sqlite } = kiosk.core.database;
    sqlite.prepare("UPDATE registrations SET state = 'queued', acknowledged_at = NULL WHERE id = ?").run(again);
    sqlite.prepare('INSERT INTO outbox (registration_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)').run(again, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    exact();
    expect((await callOk(kiosk.core, admin, 'sync.runNow', {})).outcomes).toMatchObject({ duplicate: 1 });
    lastAnnouncedIsExact();
    expect(exact().byState).toMatchObject({ accepted: 7, duplicate: 1, quarantined: 1 });

    // Quarantine: retried (queued), refused again, then discarded with a second admin.
    await callOk(kiosk.core, admin, 'sync.retry', { registrationId: rejected });
    expect(exact().byState).toMatchObject({ queued: 1, quarantined: 0 });
    await callOk(kiosk.core, admin, 'sync.runNow', {});
    lastAnnouncedIsExact();
    await callOk(kiosk.core, admin, 'sync.discard', { registrationId: rejected, confirmStaffId: 'it02', confirmPin: '975310' });
    expect(exact().byState).toMatchObject({ quarantined: 0, discarded: 1 });

    // Retention: after the period every acknowledged and discarded record is purged.
    kiosk.clock.advance(31 * 24 * 3600 * 1000);
    expect(kiosk.core.retention.purgeDue().purged).toBe(9);
    expect(exact()).toMatchObject({ byState: { purged: 9, accepted: 0, duplicate: 0, discarded: 0 }, total: 9 });
  });
});
