// Disk full, read-only and locked: the caller gets a clear error, nothing is half-written, earlier
// data is intact, and the kiosk works again once the cause is gone.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, sampleIndividual, setUpAccounts, tempDir, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { databaseKeyOf } from '../../../test/support/scan';
import { DATABASE_FILE } from '.';

function rowCounts(kiosk: TestCore) {
  const count = (table: string) => kiosk.core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return { registrations: count('registrations'), audit: count('audit_log') };
}

describe('storage failures', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('reports a full disk as 保存失败 with the reason, keeps earlier data, and saves again once there is room', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const first = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    const { sqlite } = kiosk.core.database;
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages}`);
    const before = rowCounts(kiosk);
    let refused = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const result = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: { ...sampleIndividual, name: '填满磁盘'.repeat(10) } }), operator);
      if (!result.ok) refused = result.error;
      else before.registrations = Number(before.registrations) + 1;
    }
    expect(refused).toMatchObject({ code: 'storage_full', message: expect.stringContaining('磁盘空间已满') });
    const after = rowCounts(kiosk);
    expect(after.registrations).toBe(before.registrations);
    expect(kiosk.core.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.pragma('max_page_count = 1073741823');
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    const list = await callOk(kiosk.core, operator, 'registrations.list', { limit: 200 });
    expect(list.items.map((item) => item.id)).toContain(first.id);
  });

  it('reports a read-only database clearly and writes again once it is writable', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    const { sqlite } = kiosk.core.database;
    // chmod does not stop root (CI runs as root); query_only makes SQLite refuse writes the same way.
    sqlite.pragma('query_only = ON');
    const before = rowCounts(kiosk);
    const result = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock), operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_readonly', message: expect.stringContaining('只读') } });
    expect(rowCounts(kiosk)).toEqual(before);
    sqlite.pragma('query_only = OFF');
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(rowCounts(kiosk).registrations).toBe(2);
  });

  it('reports a database locked by another connection as busy and saves once the lock is released', async () => {
    const dataDir = tempDir();
    kiosk = createTestCore({ dataDir, busyTimeoutMs: 100 });
    const { operator } = await setUpAccounts(kiosk.core);
    const other = new Database(join(dataDir, DATABASE_FILE));
    other.pragma(`cipher='sqlcipher'`);
    other.pragma('legacy=4');
    other.pragma(`key="x'${databaseKeyOf(dataDir).toString('hex')}'"`);
    other.prepare('BEGIN IMMEDIATE').run();
    const result = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock), operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_busy', message: expect.stringContaining('正忙') } });
    expect(rowCounts(kiosk).registrations).toBe(0);
    other.prepare('ROLLBACK').run();
    other.close();
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(rowCounts(kiosk).registrations).toBe(1);
  });
});
