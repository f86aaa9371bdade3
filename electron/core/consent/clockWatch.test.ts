import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock';
import { ClockWatch } from './clockWatch';

const MINUTE = 60_000;

describe('the clock watch', () => {
  it('trusts a clock whose wall and monotonic time move together', () => {
    const clock = new ManualClock();
    const watch = new ClockWatch(clock);
    watch.observe();
    clock.advance(30 * MINUTE);
    const first = watch.readForSnapshot(null);
    expect(first.clockSuspect).toBe(false);
    expect(first.at).toEqual({ wall: clock.now(), monotonicMs: 30 * MINUTE });
    watch.snapshotStored();
    clock.advance(MINUTE);
    expect(watch.readForSnapshot(first.at.wall).clockSuspect).toBe(false);
  });

  it('suspects the time when the wall clock jumped against the monotonic clock, either way', () => {
    for (const jump of [5 * MINUTE, -5 * MINUTE]) {
      const clock = new ManualClock();
      const watch = new ClockWatch(clock);
      watch.observe();
      clock.advance(MINUTE);
      clock.jumpWall(jump);
      expect(watch.readForSnapshot(null).clockSuspect, String(jump)).toBe(true);
    }
  });

  it('tolerates drift up to the threshold', () => {
    const clock = new ManualClock();
    const watch = new ClockWatch(clock, 120_000);
    watch.observe();
    clock.jumpWall(120_000);
    expect(watch.readForSnapshot(null).clockSuspect).toBe(false);
    clock.jumpWall(120_001);
    expect(watch.readForSnapshot(null).clockSuspect).toBe(true);
  });

  it('remembers a jump seen between snapshots until a snapshot is stored', () => {
    const clock = new ManualClock();
    const watch = new ClockWatch(clock);
    watch.observe();
    clock.jumpWall(-10 * MINUTE);
    watch.observe();
    clock.advance(MINUTE);
    watch.observe();
    // The snapshot read here is rolled back (not stored): the next one is still suspect.
    expect(watch.readForSnapshot(null).clockSuspect).toBe(true);
    expect(watch.readForSnapshot(null).clockSuspect).toBe(true);
    watch.snapshotStored();
    clock.advance(MINUTE);
    expect(watch.readForSnapshot(null).clockSuspect).toBe(false);
  });

  it('suspects a wall time before the previous snapshot, also right after a restart', () => {
    const clock = new ManualClock('2026-01-15T09:00:00+08:00');
    const previous = new Date('2026-01-15T10:00:00+08:00');
    // A fresh watch has no earlier reading: only the stored snapshot's time tells.
    expect(new ClockWatch(clock).readForSnapshot(previous).clockSuspect).toBe(true);
    expect(new ClockWatch(clock).readForSnapshot(new Date('2026-01-15T08:59:59+08:00')).clockSuspect).toBe(false);
  });
});
