// Issue 5, item 6: deleting or swapping one snapshot in the middle of a 1,000-record chain is
// detected; and the chain helpers the submit transaction uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/core';
import { coreRules, factsInput, signRegistrations, storedAgreement } from '../../../test/support/consent';
import { GENESIS_HASH } from './body';
import { chainHead, previousSnapshotHash, storeConsentSnapshot } from './chain';
import { checkConsentFacts } from './facts';
import { buildConsentSnapshot } from './snapshot';
import { verifyConsentChain, type ChainReport } from './verify';

class Rollback extends Error {}

describe('a 1,000-record chain', () => {
  let kiosk: TestCore;
  beforeAll(() => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 1000);
  });
  afterAll(() => kiosk.dispose());

  /** Verifies with `change` applied, then rolls it back so every test starts from the clean chain. */
  function verifiedWhile(change: (run: (sql: string, ...params: unknown[]) => void) => void): ChainReport {
    const { sqlite, db } = kiosk.core.database;
    let report: ChainReport | null = null;
    try {
      sqlite.transaction(() => {
        change((sql, ...params) => sqlite.prepare(sql).run(...params));
        report = verifyConsentChain(db);
        throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    if (!report) throw new Error('not verified');
    return report;
  }
  const where = (report: ChainReport) => report.failures.map((f) => [f.seq, f.check]);

  it('verifies whole', () => {
    const report = verifyConsentChain(kiosk.core.database.db);
    expect(report).toMatchObject({ ok: true, snapshots: 1000, failures: [] });
  });

  it('detects one snapshot deleted from the middle', () => {
    const report = verifiedWhile((run) => run('DELETE FROM consent_snapshots WHERE seq = 500'));
    expect(where(report)).toEqual([
      [501, 'chain_seq'],
      [501, 'chain_link'],
    ]);
  });

  it('detects two neighbouring snapshots swapped', () => {
    const report = verifiedWhile((run) => {
      run('UPDATE consent_snapshots SET seq = -1 WHERE seq = 500');
      run('UPDATE consent_snapshots SET seq = 500 WHERE seq = 501');
      run('UPDATE consent_snapshots SET seq = 501 WHERE seq = -1');
    });
    expect(where(report)).toEqual([
      [500, 'chain_link'],
      [501, 'chain_link'],
      [502, 'chain_link'],
    ]);
  });

  it('detects two signed snapshots swapped under the same numbers and records', () => {
    const { sqlite } = kiosk.core.database;
    const read = sqlite.prepare('SELECT body, sha256, signature, prev_hash AS prevHash, created_at AS createdAt FROM consent_snapshots WHERE seq = ?');
    const [a, b] = [read.get(500), read.get(501)] as Array<Record<string, string>>;
    const report = verifiedWhile((run) => {
      const put = (seq: number, row: Record<string, string> | undefined) =>
        run('UPDATE consent_snapshots SET body = ?, sha256 = ?, signature = ?, prev_hash = ?, created_at = ? WHERE seq = ?', row?.body, row?.sha256, row?.signature, row?.prevHash, row?.createdAt, seq);
      run("UPDATE consent_snapshots SET sha256 = 'moving' WHERE seq = 500");
      put(501, a);
      put(500, b);
    });
    expect(report.ok).toBe(false);
    expect(new Set(report.failures.map((f) => f.seq))).toEqual(new Set([500, 501, 502]));
    expect(report.failures.filter((f) => f.check === 'record').map((f) => f.seq)).toEqual([500, 501]);
  });

  it('detects the first snapshot deleted', () => {
    const report = verifiedWhile((run) => run('DELETE FROM consent_snapshots WHERE seq = 1'));
    expect(where(report)).toEqual([
      [2, 'chain_seq'],
      [2, 'chain_link'],
    ]);
  });
});

describe('the chain helpers', () => {
  let kiosk: TestCore;
  beforeAll(() => {
    kiosk = createTestCore();
  });
  afterAll(() => kiosk.dispose());

  it('link each snapshot to the one before, from 64 zeros', () => {
    const { db } = kiosk.core.database;
    expect(chainHead(db)).toBeNull();
    expect(previousSnapshotHash(db)).toBe(GENESIS_HASH);
    signRegistrations(kiosk.core, kiosk.clock, 2);
    const head = chainHead(db);
    expect(head).toMatchObject({ seq: 2, createdAt: kiosk.clock.now().toISOString() });
    expect(previousSnapshotHash(db)).toBe(head?.sha256);
  });

  it('refuse a snapshot built on a stale head, so two submits cannot fork the chain', () => {
    const { core, clock } = kiosk;
    const { db, sqlite } = core.database;
    const checked = checkConsentFacts(factsInput(storedAgreement(core), clock.now()), coreRules(core, clock.now()));
    const [registrationId] = signRegistrations(core, clock, 1, checked);
    const stale = buildConsentSnapshot(
      { ...checked, registrationId: registrationId ?? '', operatorId: 'op01' },
      { identity: core.consent.identity, signingKey: core.consent.signingKey, prevHash: GENESIS_HASH, at: { wall: clock.now(), monotonicMs: 0 }, serverOffsetMs: null, clockSuspect: false },
    );
    expect(() => sqlite.transaction(() => storeConsentSnapshot(db, stale, checked))()).toThrow(/no longer the chain head/);
  });

  it('store an image again that retention had emptied', () => {
    const { core, clock } = kiosk;
    const { sqlite } = core.database;
    sqlite.prepare("UPDATE blobs SET bytes = NULL, purged_at = 'x' WHERE media_type = 'image/png'").run();
    signRegistrations(core, clock, 1);
    expect(sqlite.prepare("SELECT length(bytes) > 0 AS kept, purged_at FROM blobs WHERE media_type = 'image/png'").all()).toEqual([{ kept: 1, purged_at: null }]);
  });
});
