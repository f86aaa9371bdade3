import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, sampleIndividual, setUpAccounts, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { databaseKeyOf, occurrences } from '../../../test/support/scan';
import { listBackups, restoreBackup } from './backup';
import { DATABASE_FILE } from '.';
import { openEncryptedDatabase } from './open';

describe('start-up checks', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('runs integrity_check and keeps secure_delete on', () => {
    kiosk = createTestCore();
    expect(kiosk.core.database.integrityCheck).toBe('integrity_check');
    expect(kiosk.core.database.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('refuses a damaged database with a clear error and never writes over it', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    for (let i = 0; i < 50; i++) await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: sampleIndividual, duplicateReason: '测试重复登记' }));
    kiosk.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    kiosk.core.close();
    const path = join(kiosk.dataDir, DATABASE_FILE);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    const damaged = readFileSync(path);
    expect(() => kiosk.reopen()).toThrow(/database_(corrupt|unreadable)/);
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('backs up before migrating a database from an older version', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    // Pretend the schema is one version behind: the next open migrates (idempotently) and backs up first.
    kiosk.core.database.sqlite.exec('DROP TABLE sync_attempts');
    kiosk.core.database.sqlite.pragma('user_version = 2');
    kiosk.core.database.sqlite.exec('DELETE FROM schema_migrations WHERE version >= 3');
    kiosk.core.database.sqlite.exec('DROP TABLE sync_link');
    kiosk.core.database.sqlite.exec(
      'DROP TRIGGER queue_counts_on_insert; DROP TRIGGER queue_counts_on_delete; DROP TRIGGER queue_counts_on_state; DROP TABLE queue_counts; DROP INDEX registrations_by_supersedes;',
    );
    kiosk.core.database.sqlite.exec(
      'DROP TABLE batch_items; DROP TABLE batches; DROP TABLE outbox; DROP TABLE consent_snapshots; DROP TABLE blobs; DROP TABLE kiosk_identity;',
    );
    for (const column of ['content_sha256', 'dedupe_key', 'quarantine_reason', 'acknowledged_at', 'purged_at', 'withdrawal_reason']) {
      kiosk.core.database.sqlite.exec(`DROP INDEX IF EXISTS registrations_by_dedupe_key; DROP INDEX IF EXISTS registrations_by_acknowledged; ALTER TABLE registrations DROP COLUMN ${column}`);
    }
    kiosk = kiosk.reopen();
    expect(kiosk.core.database.migration).toEqual({ from: 2, to: 6 });
    const backups = listBackups(kiosk.dataDir);
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration']);
    const copy = openEncryptedDatabase(backups[0]!.path, databaseKeyOf(kiosk.dataDir));
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
  });
});

describe('backups', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('writes encrypted backups, keeps the newest N, and restores one after checking it', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.core.settings.set('backupKeep', 3);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: sampleIndividual, duplicateReason: '测试重复登记' }));
    const first = kiosk.core.maintenance.backupNow('manual');
    for (let i = 0; i < 4; i++) {
      kiosk.clock.advance(60_000);
      kiosk.core.maintenance.backupNow('manual');
    }
    const kept = listBackups(kiosk.dataDir);
    expect(kept).toHaveLength(3);
    expect(kept.map((b) => b.file)).not.toContain(first.file);
    const newest = kept[0]!;
    const bytes = readFileSync(newest.path);
    expect(occurrences(bytes, [sampleIndividual.name, sampleIndividual.idNumber, 'SQLite format 3'])).toEqual([]);

    // Later registrations are not in the backup; restoring brings the database back to it.
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: sampleIndividual, duplicateReason: '测试重复登记' }));
    kiosk.core.close();
    const replaced = restoreBackup(kiosk.dataDir, DATABASE_FILE, databaseKeyOf(kiosk.dataDir), newest.file, kiosk.clock.now());
    expect(existsSync(replaced)).toBe(true);
    kiosk = kiosk.reopen();
    expect(kiosk.core.registrations.stats().total).toBe(1);
  });

  it('refuses to restore a damaged backup and leaves the database in place', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const backup = kiosk.core.maintenance.backupNow('manual');
    const fd = openSync(backup.path, 'r+');
    writeSync(fd, Buffer.alloc(1024, 1), 0, 1024, 0);
    closeSync(fd);
    kiosk.core.close();
    const path = join(kiosk.dataDir, DATABASE_FILE);
    const size = statSync(path).size;
    expect(() => restoreBackup(kiosk.dataDir, DATABASE_FILE, databaseKeyOf(kiosk.dataDir), backup.file, kiosk.clock.now())).toThrow();
    expect(statSync(path).size).toBe(size);
    kiosk = kiosk.reopen();
    expect(kiosk.core.operators.count()).toBe(2);
  });

  it('takes a scheduled backup when the last one is older than the interval', async () => {
    kiosk = createTestCore();
    expect(kiosk.core.maintenance.runDue().backup?.reason).toBe('daily');
    kiosk.clock.advance(3600_000);
    expect(kiosk.core.maintenance.runDue().backup).toBeNull();
    kiosk.clock.advance(23 * 3600_000);
    expect(kiosk.core.maintenance.runDue().backup?.reason).toBe('daily');
    expect(listBackups(kiosk.dataDir)).toHaveLength(2);
  });
});
