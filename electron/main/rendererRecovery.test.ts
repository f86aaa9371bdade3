import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/platform/clock';
import { createRendererRecovery, defaultRecoveryLimits } from './rendererRecovery';

const MINUTE = 60_000;

describe('renderer recovery', () => {
  it('does nothing when the renderer exits cleanly, as it does when the window closes', () => {
    const recovery = createRendererRecovery(new ManualClock());
    expect(recovery.gone('clean-exit')).toEqual({ action: 'none' });
    expect(recovery.hasRecovered()).toBe(false);
  });

  it.each(['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction'] as const)(
    'reloads at once after a first %s',
    (reason) => {
      const recovery = createRendererRecovery(new ManualClock());
      expect(recovery.gone(reason)).toEqual({ action: 'reload', afterMs: 0 });
      expect(recovery.hasRecovered()).toBe(true);
    },
  );

  it('reloads the first three failures in ten minutes at once, then pauses 30 s, 60 s, 120 s … up to ten minutes', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    const pauses = Array.from({ length: 10 }, () => {
      clock.advance(1000);
      const decision = recovery.gone('crashed');
      return decision.action === 'reload' ? decision.afterMs : null;
    });
    expect(pauses).toEqual([0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });

  it('forgets failures older than the window', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    for (let i = 0; i < 3; i += 1) recovery.gone('crashed');
    clock.advance(defaultRecoveryLimits.windowMs);
    expect(recovery.gone('crashed')).toEqual({ action: 'reload', afterMs: 0 });
  });

  it('kills and reloads a renderer that stays unresponsive for the whole grace period', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    expect(recovery.unresponsive()).toEqual({ checkAfterMs: 30_000 });
    clock.advance(29_999);
    expect(recovery.stillUnresponsive()).toEqual({ action: 'none' });
    clock.advance(1);
    expect(recovery.stillUnresponsive()).toEqual({ action: 'kill-and-reload', afterMs: 0 });
    expect(recovery.hasRecovered()).toBe(true);
  });

  it('leaves a renderer alone that answered again within the grace period', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    recovery.unresponsive();
    clock.advance(10_000);
    recovery.responsive();
    clock.advance(MINUTE);
    expect(recovery.stillUnresponsive()).toEqual({ action: 'none' });
    expect(recovery.hasRecovered()).toBe(false);
  });

  it('counts its own kill once: the kill\'s gone event does not reload a second time', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    recovery.unresponsive();
    clock.advance(30_000);
    expect(recovery.stillUnresponsive().action).toBe('kill-and-reload');
    expect(recovery.gone('killed')).toEqual({ action: 'none' });
    expect(recovery.gone('killed')).toEqual({ action: 'reload', afterMs: 0 });
  });

  it('measures the hang from the first unresponsive event, not from repeats of it', () => {
    const clock = new ManualClock();
    const recovery = createRendererRecovery(clock);
    recovery.unresponsive();
    clock.advance(20_000);
    recovery.unresponsive();
    clock.advance(10_000);
    expect(recovery.stillUnresponsive().action).toBe('kill-and-reload');
  });
});
