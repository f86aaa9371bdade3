// What to do when the window's renderer process dies or hangs. Everything saved lives in the main
// process's database, so the answer is always to reload the screen; only how soon changes: at
// once for the first failures, then with growing pauses so a screen that keeps crashing does not
// spin the CPU. A pure decision over the monotonic clock, wired to the window in window.ts.
import type { Clock } from '../core/platform/clock';

/** Electron's `RenderProcessGoneDetails.reason`. */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RecoveryLimits {
  /** Failures within `windowMs` that are reloaded at once. */
  burst: number;
  windowMs: number;
  /** The pause after the first failure beyond the burst; it doubles for each further one. */
  firstPauseMs: number;
  maxPauseMs: number;
  /** How long a hung renderer may stay unresponsive before it is killed and reloaded. */
  hangGraceMs: number;
}

export const defaultRecoveryLimits: RecoveryLimits = {
  burst: 3,
  windowMs: 10 * 60_000,
  firstPauseMs: 30_000,
  maxPauseMs: 10 * 60_000,
  hangGraceMs: 30_000,
};

export type RecoveryDecision = { action: 'none' } | { action: 'reload'; afterMs: number } | { action: 'kill-and-reload'; afterMs: number };

export function createRendererRecovery(clock: Clock, limits: RecoveryLimits = defaultRecoveryLimits) {
  const failures: number[] = [];
  let hungSince: number | null = null;
  let killedByUs = false;
  let recoveries = 0;

  function recordFailure(): number {
    const now = clock.monotonicMs();
    failures.push(now);
    while (failures.length > 0 && now - (failures[0] ?? now) >= limits.windowMs) failures.shift();
    recoveries += 1;
    const beyond = failures.length - limits.burst;
    return beyond <= 0 ? 0 : Math.min(limits.firstPauseMs * 2 ** (beyond - 1), limits.maxPauseMs);
  }

  return {
    /** The renderer process is gone. A clean exit happens when the window closes: nothing to do. */
    gone(reason: GoneReason): RecoveryDecision {
      hungSince = null;
      if (reason === 'clean-exit') return { action: 'none' };
      if (reason === 'killed' && killedByUs) {
        // The kill that `stillUnresponsive` asked for: its reload is already under way.
        killedByUs = false;
        return { action: 'none' };
      }
      return { action: 'reload', afterMs: recordFailure() };
    },
    /** The renderer stopped answering; ask again after the returned pause. */
    unresponsive(): { checkAfterMs: number } {
      hungSince ??= clock.monotonicMs();
      return { checkAfterMs: limits.hangGraceMs };
    },
    responsive(): void {
      hungSince = null;
    },
    /** Called after the pause `unresponsive` returned: still hung for the whole grace → kill and reload. */
    stillUnresponsive(): RecoveryDecision {
      if (hungSince === null || clock.monotonicMs() - hungSince < limits.hangGraceMs) return { action: 'none' };
      hungSince = null;
      killedByUs = true;
      return { action: 'kill-and-reload', afterMs: recordFailure() };
    },
    /** Whether the screen had to be recovered since start (a warning for the IT console). */
    hasRecovered: () => recoveries > 0,
  };
}

export type RendererRecovery = ReturnType<typeof createRendererRecovery>;
