import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { dayCountQuery, nextRegistrationNumber } from './numbers';

describe('registration numbers', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('count the day from the unique index, never by scanning every record', () => {
    kiosk = createTestCore();
    const { sql } = dayCountQuery(kiosk.core.database.db).toSQL();
    const plan = (kiosk.core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('20260115-', '20260115.') as { detail: string }[]).map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/SEARCH registrations USING COVERING INDEX \S+ \(number>\? AND number<\?\)/);
  });

  it('go past 9999 in one day without repeating a number', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const { sqlite, db } = kiosk.core.database;
    const insert = sqlite.prepare(
      "INSERT INTO registrations (id, number, kind, state, payload, operator_id, created_at, updated_at) VALUES (?, ?, 'individual', 'queued', '{}', 'op01', '', '')",
    );
    sqlite.transaction(() => {
      for (let n = 1; n <= 10_000; n++) insert.run(`id-${n}`, `20260115-${String(n).padStart(4, '0')}`);
      insert.run('yesterday', '20260114-0001');
    })();
    expect(nextRegistrationNumber(db, kiosk.clock.now())).toBe('20260115-10001');
  });
});
