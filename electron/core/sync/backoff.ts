// When to try again: full-jitter exponential backoff (a random wait between 0 and
// min(cap, base·2^failures)), so kiosks that lost the platform together do not return together,
// and never sooner than the platform's Retry-After.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** The wait after `failures` consecutive failures (1 for the first), given a random number in [0, 1). */
export function backoffDelayMs(policy: BackoffPolicy, failures: number, random: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random * ceiling);
}

/** Retry-After in ms: delta-seconds or an HTTP date (relative to `now`); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** The wait before the next attempt: the backoff, or the platform's Retry-After when that is longer. */
export function nextDelayMs(policy: BackoffPolicy, failures: number, random: number, retryAfterMs: number | null): number {
  return Math.max(backoffDelayMs(policy, failures, random), retryAfterMs ?? 0);
}
