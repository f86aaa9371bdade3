// 1,000 acknowledged records pass their retention period; afterwards no name, ID number or phone
// can be found in the database, its WAL or any backup, decrypted with the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { individualPayload, sampleSubmission } from '../../../test/support/submission';
import { signaturePng } from '../../../test/support/png';
import { people } from '../../../test/support/people';
import { databaseKeyOf, decryptedBytes, occurrences } from '../../../test/support/scan';
import { DATABASE_FILE } from '../db';
import { listBackups } from '../db/backup';

const DAY = 24 * 3600_000;

describe('retention', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  function acknowledge(ids: string[]) {
    const at = kiosk.clock.now().toISOString();
    const update = kiosk.core.database.sqlite.prepare("UPDATE registrations SET state = 'accepted', acknowledged_at = ? WHERE id = ?");
    kiosk.core.database.sqlite.transaction(() => ids.forEach((id) => update.run(at, id)))();
  }

  it('deletes the personal data of acknowledged records after the retention period, everywhere', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const registrants = people(1000);
    const ids: string[] = [];
    for (const p of registrants) {
      ids.push((await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: p }))).id);
    }
    acknowledge(ids);
    kiosk.core.maintenance.backupNow('manual');
    const secrets = registrants.flatMap((p) => [p.name, p.idNumber, p.mobile]);
    const key = databaseKeyOf(kiosk.dataDir);
    const dbPath = join(kiosk.dataDir, DATABASE_FILE);
    // The scan can see the data while it is there.
    const before = decryptedBytes(dbPath, key);
    expect(occurrences(before, secrets).length).toBe(secrets.length);
    const signature = signaturePng();
    const signatureTail = signature.subarray(signature.length - 64);
    expect(before.indexOf(signatureTail)).toBeGreaterThanOrEqual(0);

    kiosk.clock.advance(29 * DAY);
    expect(kiosk.core.retention.purgeDue().purged).toBe(0);
    kiosk.clock.advance(1 * DAY + 1000);
    const outcome = kiosk.core.retention.purgeDue();
    expect(outcome.purged).toBe(1000);

    const after = decryptedBytes(dbPath, key);
    expect(occurrences(after, secrets)).toEqual([]);
    // The handwritten signature goes too: no image bytes left, in the table or anywhere in the file.
    expect(kiosk.core.database.sqlite.prepare("SELECT count(*) FROM blobs WHERE media_type = 'image/png' AND bytes IS NOT NULL").pluck().get()).toBe(0);
    expect(after.indexOf(signatureTail)).toBe(-1);
    expect(readFileSync(`${dbPath}-wal`).length).toBe(0);
    const backups = listBackups(kiosk.dataDir);
    expect(backups.map((b) => b.file)).toEqual([outcome.backup]);
    for (const backup of backups) expect(occurrences(decryptedBytes(backup.path, key), secrets)).toEqual([]);

    // What stays is the receipt: id, number, state, times.
    const row = kiosk.core.database.sqlite.prepare('SELECT id, number, state, acknowledged_at, purged_at, payload FROM registrations WHERE id = ?').get(ids[0]) as Record<string, string>;
    expect(row).toMatchObject({ id: ids[0], state: 'purged', payload: '{"kind":"individual"}' });
    expect(row.acknowledged_at).toBeTruthy();
    expect(row.purged_at).toBeTruthy();
    const list = await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' }).then(() =>
      callOk(kiosk.core, operator, 'registrations.list', { limit: 5 }),
    );
    expect(list.items[0]).toMatchObject({ state: 'purged', nameMasked: '', idNumberMasked: '' });
  });

  it('keeps records the platform has not acknowledged, however old', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const [p] = people(1);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: p! }));
    kiosk.clock.advance(400 * DAY);
    expect(kiosk.core.retention.purgeDue().purged).toBe(0);
    expect(occurrences(decryptedBytes(join(kiosk.dataDir, DATABASE_FILE), databaseKeyOf(kiosk.dataDir)), [p!.idNumber])).toHaveLength(1);
  });

  it('follows the retention setting', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.core.settings.set('retentionDays', 7);
    const [p] = people(1);
    const { id } = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: p! }));
    acknowledge([id]);
    kiosk.clock.advance(7 * DAY + 1);
    expect(kiosk.core.retention.purgeDue().purged).toBe(1);
    // After the purge the kiosk still recognises the person (keyed hash) and the chain still verifies.
    await callOk(kiosk.core, operator, 'session.login', { staffId: 'op01', pin: '135790' });
    const matches = await callOk(kiosk.core, operator, 'registrations.findDuplicates', { registration: individualPayload(p!) });
    expect(matches.map((m) => m.id)).toEqual([id]);
    expect(kiosk.core.consent.verify().ok).toBe(true);
  });

  it('deletes the data of a discarded record once the period has passed since the discard', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const [p] = people(1);
    const { id } = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: p! }));
    // Discarded by IT (sync/quarantine.ts sets the state and the time).
    kiosk.core.database.sqlite.prepare("UPDATE registrations SET state = 'discarded', updated_at = ? WHERE id = ?").run(kiosk.clock.now().toISOString(), id);
    kiosk.clock.advance(29 * DAY);
    expect(kiosk.core.retention.purgeDue().purged).toBe(0);
    kiosk.clock.advance(1 * DAY + 1000);
    expect(kiosk.core.retention.purgeDue().purged).toBe(1);
    expect(occurrences(decryptedBytes(join(kiosk.dataDir, DATABASE_FILE), databaseKeyOf(kiosk.dataDir)), [p!.name, p!.idNumber, p!.mobile])).toEqual([]);
  });
});
