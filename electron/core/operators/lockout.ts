// Login lockout policy: the first few failures cost nothing, then each further failure doubles the
// wait, up to an hour. The failure count lives in the database so a restart does not reset it.
export const FREE_FAILURES = 4;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3600;

/** Seconds the account stays locked after its `failures`-th consecutive failure. */
export function lockoutDelaySeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES - 1));
}
