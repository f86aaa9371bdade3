import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crashTest';

describe('killing the kiosk at random moments', () => {
  it('loses nothing it reported as saved and leaves nothing half-written, over 100 kills', async () => {
    const result = await runCrashTest({ kills: 100, seed: 20261124 });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(100);
    expect(result.checks).toBe(100);
    // The run must exercise both kinds of moment: mid-start-up and mid-submit.
    expect(result.killedBeforeReady).toBeGreaterThan(0);
    expect(result.saved).toBeGreaterThan(100);
    expect(result.rowsFound).toBeGreaterThanOrEqual(result.saved);
  }, 600_000);
});
