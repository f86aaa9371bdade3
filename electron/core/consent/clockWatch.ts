// Whether a snapshot's wall-clock time can be trusted. The kiosk may run for weeks offline, so a
// wrong clock is only noticed against itself: the wall clock going backwards relative to the
// previous snapshot, or wall and monotonic time drifting apart (someone set the time, or it was
// stepped) since the last observation. The flag is evidence for a reader, not a refusal.
import type { Clock } from '../platform/clock';

export interface ClockReading {
  wall: Date;
  monotonicMs: number;
}

/** How far wall and monotonic time may move apart between two observations before it counts as a jump. */
export const DEFAULT_DRIFT_THRESHOLD_MS = 120_000;

export function readClock(clock: Clock): ClockReading {
  return { wall: clock.now(), monotonicMs: clock.monotonicMs() };
}

export class ClockWatch {
  private last: ClockReading | null = null;
  private jumpedSinceSnapshot = false;

  constructor(
    private readonly clock: Clock,
    private readonly driftThresholdMs = DEFAULT_DRIFT_THRESHOLD_MS,
  ) {}

  /**
   * Takes a reading and remembers a jump since the previous one. Call it at each step of a
   * registration (and from an idle timer if there is one): the more often, the closer a jump is
   * pinned down. The monotonic clock restarts with the process, so the first reading has nothing
   * to compare with.
   */
  observe(): ClockReading {
    const reading = readClock(this.clock);
    if (this.last) {
      const wallMoved = reading.wall.getTime() - this.last.wall.getTime();
      const monotonicMoved = reading.monotonicMs - this.last.monotonicMs;
      if (Math.abs(wallMoved - monotonicMoved) > this.driftThresholdMs) this.jumpedSinceSnapshot = true;
    }
    this.last = reading;
    return reading;
  }

  /**
   * The clock reading a new snapshot records, and whether its time is suspect: a jump since the
   * last stored snapshot, or a wall time before the previous snapshot's (`previousSnapshotWall`
   * comes from the database, so this holds across restarts).
   */
  readForSnapshot(previousSnapshotWall: Date | null): { at: ClockReading; clockSuspect: boolean } {
    const at = this.observe();
    const wentBack = previousSnapshotWall !== null && at.wall.getTime() < previousSnapshotWall.getTime();
    return { at, clockSuspect: this.jumpedSinceSnapshot || wentBack };
  }

  /**
   * Call after the snapshot is committed: a new period for jump detection begins. A
   * snapshot that was rolled back leaves the remembered jump for the next one.
   */
  snapshotStored(): void {
    this.jumpedSinceSnapshot = false;
  }
}
