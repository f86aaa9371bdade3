// Settings are read on every submit and every call (the active profile, idle limits): each read
// gives the value stored now, whoever stored it, and never one a rolled-back transaction wrote.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { databaseKeyOf } from '../../../test/support/scan';
import { DATABASE_FILE } from '../db';
import { openEncryptedDatabase } from '../db/open';

describe('settings', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('give the default, then what settings.update stored, at the next read', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const { settings } = kiosk.core;
    expect(settings.get('retentionDays')).toBe(30);
    await callOk(kiosk.core, admin, 'settings.update', { retentionDays: 45, operatorIdleSeconds: 600 });
    expect(settings.get('retentionDays')).toBe(45);
    expect(settings.get('operatorIdleSeconds')).toBe(600);
    await callOk(kiosk.core, admin, 'settings.update', { retentionDays: 30 });
    expect(settings.get('retentionDays')).toBe(30);
  });

  it('forget a value whose transaction was rolled back', () => {
    kiosk = createTestCore();
    const { settings, database } = kiosk.core;
    settings.set('retentionDays', 40);
    expect(settings.get('retentionDays')).toBe(40);
    expect(() =>
      database.sqlite.transaction(() => {
        settings.set('retentionDays', 7);
        // Inside the transaction its own write is what the kiosk reads.
        expect(settings.get('retentionDays')).toBe(7);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(settings.get('retentionDays')).toBe(40);
  });

  it('see a value another connection to the same file committed, and fall back to the default for a broken one', () => {
    kiosk = createTestCore();
    const { settings } = kiosk.core;
    expect(settings.get('activeProfile')).toBe('qingdao');
    const other = openEncryptedDatabase(join(kiosk.dataDir, DATABASE_FILE), databaseKeyOf(kiosk.dataDir));
    try {
      const write = other.prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 't') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      );
      write.run('activeProfile', JSON.stringify('pop800'));
      expect(settings.get('activeProfile')).toBe('pop800');
      expect(kiosk.core.profiles.active().id).toBe('pop800');
      write.run('retentionDays', JSON.stringify(0));
      expect(settings.get('retentionDays')).toBe(30);
      write.run('retentionDays', JSON.stringify(90));
      expect(settings.get('retentionDays')).toBe(90);
    } finally {
      other.close();
    }
  });
});
