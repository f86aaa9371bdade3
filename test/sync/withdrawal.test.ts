// A withdrawal travels like a registration: queued with its own id, sent in the next batch, decided
// once by the platform, and marked from the receipt — or, after a lost answer and a restart, from
// what the platform says it holds.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { createSyncKiosk, kioskStates, poisonRecord, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
});

async function enrolled(options: Parameters<typeof createSyncKiosk>[0] = {}): Promise<SyncKiosk> {
  platform = await startTestPlatform();
  kiosk = createSyncKiosk(options);
  await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
  return kiosk;
}

function withdraw(k: SyncKiosk, id: string, reason = '本人要求撤回') {
  return k.core.registrations.withdraw({ id, reason }, 'it01');
}

/** Every id on the kiosk with its content hash, and the same from the platform's records and withdrawals. */
async function bothSides(k: SyncKiosk): Promise<{ kiosk: string[]; platform: string[] }> {
  const records = (await platform.held()).map((r) => `${r.record_id} ${r.content_sha256}`);
  const withdrawals = (await platform.withdrawals()).map((w) => `${w.record_id} ${w.content_sha256}`);
  return {
    kiosk: [...kioskStates(k.core)].map(([id, row]) => `${id} ${row.contentSha256}`).sort(),
    platform: [...records, ...withdrawals].sort(),
  };
}

describe('a withdrawal through sync', () => {
  it('is sent after the record it withdraws, accepted, and the platform links the two', async () => {
    const k = await enrolled();
    const [first, second] = await saveRegistrations(k.core, k.clock, 2);
    const withdrawal = withdraw(k, second!);
    const pass = await k.core.sync.runNow();
    expect(pass).toMatchObject({ error: null, pending: 0, outcomes: { accepted: 3, duplicate: 0, conflict: 0, rejected: 0 } });
    expect(kioskStates(k.core).get(withdrawal.id)?.state).toBe('accepted');
    const held = await platform.held();
    expect(held.find((r) => r.record_id === second)?.withdrawn_by).toBe(withdrawal.id);
    expect(held.find((r) => r.record_id === first)?.withdrawn_by).toBeNull();
    expect(await platform.withdrawals()).toEqual([
      expect.objectContaining({ record_id: withdrawal.id, withdraws: second, withdraws_held: true, reason: '本人要求撤回', number: withdrawal.number, operator_id: 'it01' }),
    ]);
    const sides = await bothSides(k);
    expect(sides.platform).toEqual(sides.kiosk);
    // Answered for: neither the original nor the withdrawal can be withdrawn any more.
    expect(() => withdraw(k, first!)).toThrow();
  });

  it('is marked from what the platform holds after its answer was lost and the kiosk restarted, and never sent twice', async () => {
    let k = await enrolled({ tuning: { requestTimeoutMs: 3_000 } });
    const [id] = await saveRegistrations(k.core, k.clock, 1);
    withdraw(k, id!);
    await platform.setFaults('drop-after-commit:1,routes=batches');
    expect((await k.core.sync.runNow()).error).toBe('timeout');
    await platform.setFaults('');
    kiosk = k = k.restart();
    await k.core.sync.runNow();
    expect([...kioskStates(k.core).values()].map((row) => row.state)).toEqual(['accepted', 'accepted']);
    const batches = platform.platform.db.prepare('SELECT deliveries FROM batches').pluck().all();
    expect(batches).toEqual([1]);
    const sides = await bothSides(k);
    expect(sides.platform).toEqual(sides.kiosk);
  });

  it('withdraws a record the platform refused: the withdrawal is accepted on its own', async () => {
    const k = await enrolled();
    const [id] = await saveRegistrations(k.core, k.clock, 1);
    poisonRecord(k.core, id!);
    expect(await k.core.sync.runNow()).toMatchObject({ outcomes: { rejected: 1 } });
    expect(kioskStates(k.core).get(id!)?.state).toBe('quarantined');

    const withdrawal = withdraw(k, id!, '信息有误，本人撤回');
    expect(await k.core.sync.runNow()).toMatchObject({ error: null, outcomes: { accepted: 1 } });
    expect(kioskStates(k.core).get(withdrawal.id)?.state).toBe('accepted');
    expect(await platform.withdrawals()).toEqual([expect.objectContaining({ withdraws: id, withdraws_held: false })]);
  });
});
