// Time comes in from outside so tests can drive it; nothing in core calls Date.now() directly.
export interface Clock {
  /** Wall-clock time. */
  now(): Date;
  /** Monotonic milliseconds (never goes backwards), for durations and idle timers. */
  monotonicMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};

/** A clock that moves only when told to; for tests. */
export class ManualClock implements Clock {
  private wallMs: number;
  private monoMs = 0;

  constructor(start: Date | string = '2026-01-15T09:00:00+08:00') {
    this.wallMs = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.wallMs);
  }

  monotonicMs(): number {
    return this.monoMs;
  }

  advance(ms: number): void {
    this.wallMs += ms;
    this.monoMs += ms;
  }

  /** Moves only the wall clock (by `ms`, either way), as when someone sets the time by hand. */
  jumpWall(ms: number): void {
    this.wallMs += ms;
  }
}
