// What the kiosk is busy with right now. Work that must not be cut off (a submit's transaction, a
// sync step, a registration being entered) holds an activity while it runs; the shell asks before it
// quits or restarts into an update, and waits until the kiosk is idle.
import { activityKinds, type ActivityKind } from '../../shared/domain/shell';
import type { Clock } from './platform/clock';

/**
 * The kinds:
 * - `submit`: an API call in flight (a submit, a login, an import), so its transaction finishes.
 * - `sync`: one step of a sync run (sending a batch, recording its outcome).
 * - `registration`: a registration being entered at the counter; see `holdFor`.
 */
export { activityKinds, type ActivityKind };

export type EndActivity = () => void;

export interface Activity {
  /** Holds `kind` until the returned function is called; calling it again does nothing. */
  begin(kind: ActivityKind): EndActivity;
  /** Runs `work` while holding `kind`, released however `work` ends. */
  during<T>(kind: ActivityKind, work: () => Promise<T>): Promise<T>;
  /**
   * Holds `kind` for `ms` from now (monotonic), or until a later hold ends. For work whose end the
   * core never sees, such as a registrant reading the agreement between two calls.
   */
  holdFor(kind: ActivityKind, ms: number): void;
  /** Ends a timed hold of `kind` now (the work it stood for is known to be over). */
  endHold(kind: ActivityKind): void;
  /** True while any of `kinds` (all kinds when none are given) is held. */
  isBusy(...kinds: ActivityKind[]): boolean;
  /** The kinds held now, in the order of `activityKinds`. */
  busyKinds(): ActivityKind[];
  /**
   * Resolves once none of `kinds` (all counted kinds when none are given) is held by `begin` or
   * `during`. Timed holds (`holdFor`) are not waited for: they end by the clock, not by an event.
   */
  whenIdle(...kinds: ActivityKind[]): Promise<void>;
}

export function createActivity(clock: Clock): Activity {
  const counts = new Map<ActivityKind, number>();
  const heldUntil = new Map<ActivityKind, number>();
  const waiters = new Set<{ kinds: readonly ActivityKind[]; resolve: () => void }>();

  const counted = (kinds: readonly ActivityKind[]) => kinds.some((kind) => (counts.get(kind) ?? 0) > 0);
  const timed = (kind: ActivityKind) => (heldUntil.get(kind) ?? -Infinity) > clock.monotonicMs();
  const orAll = (kinds: readonly ActivityKind[]) => (kinds.length > 0 ? kinds : activityKinds);

  function release(kind: ActivityKind): void {
    counts.set(kind, (counts.get(kind) ?? 1) - 1);
    for (const waiter of [...waiters]) {
      if (!counted(waiter.kinds)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  const activity: Activity = {
    begin(kind) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        release(kind);
      };
    },
    async during(kind, work) {
      const end = activity.begin(kind);
      try {
        return await work();
      } finally {
        end();
      }
    },
    holdFor(kind, ms) {
      const until = clock.monotonicMs() + ms;
      heldUntil.set(kind, Math.max(until, heldUntil.get(kind) ?? -Infinity));
    },
    endHold(kind) {
      heldUntil.delete(kind);
    },
    isBusy(...kinds) {
      return orAll(kinds).some((kind) => counted([kind]) || timed(kind));
    },
    busyKinds() {
      return activityKinds.filter((kind) => activity.isBusy(kind));
    },
    whenIdle(...kinds) {
      const watched = orAll(kinds);
      if (!counted(watched)) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ kinds: watched, resolve }));
    },
  };
  return activity;
}
