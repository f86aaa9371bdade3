import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos';

describe('sync through faults and kills', () => {
  it('ends with the platform holding exactly the kiosk’s records: none twice, none lost', async () => {
    const result = await runChaos({ records: 600, kills: 8, seed: 20261204, batchSize: 10, faultRate: 0.3 });
    expect(result.kills).toBeGreaterThanOrEqual(8);
    expect(result.records).toBe(600);
    // Acknowledged, each one: `duplicate` when an answer was lost and the platform already held it.
    expect(Object.keys(result.kioskStates).filter((state) => state !== 'accepted' && state !== 'duplicate')).toEqual([]);
    expect((result.kioskStates.accepted ?? 0) + (result.kioskStates.duplicate ?? 0)).toBe(600);
    expect(result.platformHeld).toBe(600);
    expect(result.platformDuplicates).toBe(0);
    expect(result.missingOnPlatform).toEqual([]);
    expect(result.unknownOnPlatform).toEqual([]);
    expect(result.contentMismatches).toEqual([]);
    expect(result.chainGaps).toBe(0);
    // Faults of many kinds were played (the long run, `npm run test:chaos`, plays every kind).
    expect(Object.keys(result.injected).length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
