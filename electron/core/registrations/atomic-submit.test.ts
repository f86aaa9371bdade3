// A submit is all-or-nothing: a failure injected before any statement it executes leaves no row of
// that registration in any table, every time; without an injected failure it saves everything.
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { failStatement } from '../../../test/support/faults';

const TABLES = ['registrations', 'consent_snapshots', 'blobs', 'audit_log', 'outbox'] as const;

describe('the submit transaction', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  function counts(): Record<string, number> {
    const { sqlite } = kiosk.core.database;
    return Object.fromEntries(TABLES.map((t) => [t, Number(sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get())]));
  }

  it('leaves nothing behind when any of its statements fails', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    const { sqlite } = kiosk.core.database;
    let failAt = 1;
    for (; failAt < 200; failAt++) {
      const before = counts();
      const input = sampleSubmission(kiosk.core, kiosk.clock);
      const fault = failStatement(sqlite, failAt);
      const result = await kiosk.core.dispatch('registrations.submit', input, operator).finally(fault.restore);
      const after = counts();
      expect(sqlite.inTransaction).toBe(false);
      if (result.ok) {
        // Saved: one of everything. A failure after the commit (the queue-count event) is logged,
        // never reported as 保存失败 for a record that is saved.
        expect(after.registrations, `statement ${failAt}`).toBe(before.registrations! + 1);
        expect(after.audit_log).toBeGreaterThan(before.audit_log!);
        expect(after.consent_snapshots).toBe(before.consent_snapshots! + 1);
        expect(after.outbox).toBe(before.outbox! + 1);
      } else {
        expect(result.error.code, `statement ${failAt}`).toBe('internal');
        expect(after, `statement ${failAt}`).toEqual(before);
      }
      // No failure was injected in this run: every statement of the submit has been a failure point.
      if (fault.executed() < failAt) {
        expect(result.ok).toBe(true);
        break;
      }
    }
    // The submit ran several statements inside its transaction, each one a failure point tested above.
    expect(failAt).toBeGreaterThan(4);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
