// When to look for an update and when to restart into one, as a pure decision over the facts of the
// moment, so every rule is tested with a fake clock and fake states. The rules:
// - check at start and then every `checkEveryHours`, only while online; a check missed while offline
//   happens as soon as the kiosk is back online;
// - a found update downloads in the background (electron-updater's autoDownload);
// - install only when no registration is under way, no call is in flight and no sync step runs,
//   and only within the quiet hours or after IT asked for it. The install itself first takes a
//   database backup (updater.ts).
import type { UpdateState } from '../../shared/domain/shell';
import type { UpdatesConfig } from './shellConfig';

export interface UpdateFacts {
  state: UpdateState;
  online: boolean;
  /** Monotonic ms now, and at the start of the last check (null: none yet). */
  nowMs: number;
  lastCheckMs: number | null;
  /** The local hour of the wall clock, 0-23. */
  localHour: number;
  registrationUnderWay: boolean;
  workInFlight: boolean;
  installRequested: boolean;
}

export type UpdateDecision = 'check' | 'install' | 'wait';

/** True when `hour` is in [from, to), a window that may wrap past midnight (22 → 5). */
export function inQuietHours(hour: number, quiet: { from: number; to: number }): boolean {
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

export function isCheckDue(facts: Pick<UpdateFacts, 'nowMs' | 'lastCheckMs'>, checkEveryHours: number): boolean {
  return facts.lastCheckMs === null || facts.nowMs - facts.lastCheckMs >= checkEveryHours * 3600_000;
}

export function mayInstall(facts: UpdateFacts, config: Pick<UpdatesConfig, 'quietHours'>): boolean {
  if (facts.registrationUnderWay || facts.workInFlight) return false;
  return facts.installRequested || inQuietHours(facts.localHour, config.quietHours);
}

export function decideUpdate(facts: UpdateFacts, config: Pick<UpdatesConfig, 'feedUrl' | 'checkEveryHours' | 'quietHours'>): UpdateDecision {
  if (config.feedUrl === null) return 'wait';
  switch (facts.state) {
    case 'downloaded':
      return mayInstall(facts, config) ? 'install' : 'wait';
    case 'idle':
    case 'failed':
      return facts.online && isCheckDue(facts, config.checkEveryHours) ? 'check' : 'wait';
    case 'off':
    case 'checking':
    case 'downloading':
    case 'installing':
      return 'wait';
  }
}
