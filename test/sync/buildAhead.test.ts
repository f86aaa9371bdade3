// The sync engine builds the next batch's records while the platform checks the current one; the
// cut must send exactly what it would have built itself.
import { afterEach, describe, expect, it } from 'vitest';
import { createBatchStore } from '../../electron/core/sync/batchStore';
import { encodeEntry, entryBytes } from '../../electron/core/sync/requestBody';
import { createWireRecords } from '../../electron/core/sync/wireRecords';
import { createSyncKiosk, saveRegistrations, type SyncKiosk } from './support';

let kiosk: SyncKiosk | null = null;
afterEach(() => {
  kiosk?.dispose();
  kiosk = null;
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function store() {
  kiosk = createSyncKiosk();
  await saveRegistrations(kiosk.core, kiosk.clock, 12);
  const { db, sqlite } = kiosk.core.database;
  const wire = createWireRecords(sqlite, kiosk.core.consent.signingKey);
  return { batches: createBatchStore({ db, sqlite, wire }), wire, now: kiosk.clock.now() };
}

describe('building records ahead of the cut', () => {
  it('cuts the records built ahead, byte for byte what the database builds', async () => {
    const { batches, wire, now } = await store();
    const building = batches.buildAhead(now, 10);
    for (let i = 0; i < 20; i += 1) await turn();
    const ahead = building.stop();
    expect(ahead.size).toBe(10);
    const cut = batches.cut('network', now, 10, 1024 * 1024, ahead);
    expect(cut?.entries.map(({ record }) => record.record_id)).toEqual([...ahead.keys()].sort());
    for (const entry of cut?.entries ?? []) {
      expect(entry).toBe(ahead.get(entry.record.record_id));
      expect(entry.json.equals(encodeEntry(wire.build(entry.record.record_id)).json)).toBe(true);
    }
    expect(cut?.bytes).toBe([...ahead.values()].reduce((total, built) => total + entryBytes(built), 0));
  });

  it('builds one record a turn and nothing once stopped; the cut builds the rest itself', async () => {
    const { batches, now } = await store();
    const building = batches.buildAhead(now, 10);
    await turn();
    await turn();
    const ahead = building.stop();
    const seen = ahead.size;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(10);
    for (let i = 0; i < 10; i += 1) await turn();
    expect(ahead.size).toBe(seen);
    const cut = batches.cut('network', now, 10, 1024 * 1024, ahead);
    expect(cut?.entries).toHaveLength(10);
    expect(cut?.entries.filter((entry) => ahead.get(entry.record.record_id) === entry)).toHaveLength(seen);
  });
});
