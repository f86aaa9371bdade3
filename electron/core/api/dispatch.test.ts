import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, setUpAccounts, type TestCore, sampleIndividual } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { newClientContext } from './client';
import { storageErrorCode } from './dispatch';

describe('dispatch', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('refuses an operation that is not in the contract, including prototype names', async () => {
    kiosk = createTestCore();
    for (const name of ['registrations.delete', '__proto__', 'constructor', 'toString', '']) {
      expect(await kiosk.core.dispatch(name, {}, newClientContext())).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('queue.stats', { admin: true }, operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('returns internal, not the exception, when something unexpected fails, and logs it without personal data', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.core.database.sqlite.exec('DROP TABLE audit_log');
    const input = sampleSubmission(kiosk.core, kiosk.clock, { who: sampleIndividual });
    const result = await kiosk.core.dispatch('registrations.submit', input, operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(kiosk.core.database.sqlite.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(0);
    const log = kiosk.logLines.join('\n');
    expect(log).toContain('call.failed');
    expect(log).not.toMatch(/11010519491231002X|13912345678|张三丰/);
  });

  it('maps SQLite failures a person can act on to their own codes', () => {
    expect(storageErrorCode({ code: 'SQLITE_FULL' })).toBe('storage_full');
    expect(storageErrorCode({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('storage_readonly');
    expect(storageErrorCode({ code: 'SQLITE_BUSY' })).toBe('storage_busy');
    expect(storageErrorCode({ code: 'SQLITE_CONSTRAINT' })).toBeNull();
    expect(storageErrorCode(new Error('x'))).toBeNull();
  });
});
