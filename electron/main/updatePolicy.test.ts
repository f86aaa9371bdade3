import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/platform/clock';
import { decideUpdate, inQuietHours, type UpdateFacts } from './updatePolicy';

const HOUR = 3600_000;
const config = { feedUrl: 'https://updates.example.cn/kiosk/', checkEveryHours: 6, quietHours: { from: 2, to: 5 } };

/** Facts read off a fake clock that runs in China Standard Time, whatever the machine's zone. */
function factsAt(clock: ManualClock, overrides: Partial<UpdateFacts> = {}): UpdateFacts {
  const localHour = (clock.now().getUTCHours() + 8) % 24;
  return {
    state: 'idle',
    online: true,
    nowMs: clock.monotonicMs(),
    lastCheckMs: null,
    localHour,
    registrationUnderWay: false,
    workInFlight: false,
    installRequested: false,
    ...overrides,
  };
}

describe('inQuietHours', () => {
  it('includes the first hour and excludes the last', () => {
    expect([1, 2, 3, 4, 5].map((hour) => inQuietHours(hour, { from: 2, to: 5 }))).toEqual([false, true, true, true, false]);
  });

  it('handles a window that wraps past midnight', () => {
    expect([21, 22, 23, 0, 4, 5, 12].map((hour) => inQuietHours(hour, { from: 22, to: 5 }))).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('decideUpdate: checking', () => {
  it('checks at start when online', () => {
    expect(decideUpdate(factsAt(new ManualClock()), config)).toBe('check');
  });

  it('never checks or installs without an update server', () => {
    const clock = new ManualClock();
    expect(decideUpdate(factsAt(clock), { ...config, feedUrl: null })).toBe('wait');
    expect(decideUpdate(factsAt(clock, { state: 'downloaded', installRequested: true }), { ...config, feedUrl: null })).toBe('wait');
  });

  it('does not check while offline, and checks as soon as the network is back', () => {
    const clock = new ManualClock();
    expect(decideUpdate(factsAt(clock, { online: false }), config)).toBe('wait');
    clock.advance(3 * HOUR);
    expect(decideUpdate(factsAt(clock, { online: true }), config)).toBe('check');
  });

  it('checks again every N hours, not before', () => {
    const clock = new ManualClock();
    const lastCheckMs = clock.monotonicMs();
    clock.advance(6 * HOUR - 1);
    expect(decideUpdate(factsAt(clock, { lastCheckMs }), config)).toBe('wait');
    clock.advance(1);
    expect(decideUpdate(factsAt(clock, { lastCheckMs }), config)).toBe('check');
    expect(decideUpdate(factsAt(clock, { lastCheckMs }), { ...config, checkEveryHours: 24 })).toBe('wait');
  });

  it('retries a failed check at the next interval', () => {
    const clock = new ManualClock();
    const lastCheckMs = clock.monotonicMs();
    clock.advance(HOUR);
    expect(decideUpdate(factsAt(clock, { state: 'failed', lastCheckMs }), config)).toBe('wait');
    clock.advance(5 * HOUR);
    expect(decideUpdate(factsAt(clock, { state: 'failed', lastCheckMs }), config)).toBe('check');
  });

  it('does not start a check while one is running, a download is under way or an install has begun', () => {
    const clock = new ManualClock();
    for (const state of ['checking', 'downloading', 'installing', 'off'] as const) {
      expect(decideUpdate(factsAt(clock, { state }), config), state).toBe('wait');
    }
  });
});

describe('decideUpdate: installing', () => {
  const atQuietHour = () => {
    const clock = new ManualClock('2026-01-16T03:00:00+08:00');
    return factsAt(clock, { state: 'downloaded' });
  };

  it('installs a downloaded update at a quiet hour when the kiosk is idle', () => {
    expect(decideUpdate(atQuietHour(), config)).toBe('install');
  });

  it('keeps a downloaded update during opening hours', () => {
    const clock = new ManualClock('2026-01-15T09:00:00+08:00');
    for (let hour = 0; hour < 17; hour += 1) {
      expect(decideUpdate(factsAt(clock, { state: 'downloaded' }), config), `${9 + hour}:00`).toBe('wait');
      clock.advance(HOUR);
    }
    clock.advance(HOUR);
    expect(decideUpdate(factsAt(clock, { state: 'downloaded' }), config), '03:00').toBe('install');
  });

  it('never installs under a registration, a call in flight or a sync step, quiet hour or not', () => {
    for (const busy of [{ registrationUnderWay: true }, { workInFlight: true }]) {
      expect(decideUpdate({ ...atQuietHour(), ...busy }, config)).toBe('wait');
      expect(decideUpdate({ ...atQuietHour(), ...busy, installRequested: true }, config)).toBe('wait');
    }
  });

  it('installs outside the quiet hours when IT asked for it and the kiosk is idle', () => {
    const clock = new ManualClock('2026-01-15T10:30:00+08:00');
    expect(decideUpdate(factsAt(clock, { state: 'downloaded' }), config)).toBe('wait');
    expect(decideUpdate(factsAt(clock, { state: 'downloaded', installRequested: true }), config)).toBe('install');
  });

  it('installs only what has been downloaded, whatever IT asked', () => {
    const clock = new ManualClock('2026-01-16T03:00:00+08:00');
    for (const state of ['idle', 'checking', 'downloading', 'installing', 'failed'] as const) {
      expect(decideUpdate(factsAt(clock, { state, installRequested: true, lastCheckMs: clock.monotonicMs() }), config), state).not.toBe('install');
    }
  });

  it('installs offline too: the update is already on disk', () => {
    expect(decideUpdate({ ...atQuietHour(), online: false }, config)).toBe('install');
  });
});
