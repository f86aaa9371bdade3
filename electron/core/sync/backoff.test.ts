import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextDelayMs, parseRetryAfter } from './backoff';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('full-jitter backoff', () => {
  it('draws from 0 up to base·2^(failures-1), capped', () => {
    expect(backoffDelayMs(policy, 1, 0.999)).toBe(999);
    expect(backoffDelayMs(policy, 3, 0.5)).toBe(2000);
    expect(backoffDelayMs(policy, 3, 0)).toBe(0);
    expect(backoffDelayMs(policy, 20, 0.999)).toBe(59_940);
    expect(backoffDelayMs(policy, 10_000, 0.5)).toBe(30_000);
  });

  it('waits at least as long as Retry-After says', () => {
    expect(nextDelayMs(policy, 1, 0.1, 5000)).toBe(5000);
    expect(nextDelayMs(policy, 8, 0.9, 5000)).toBe(54_000);
    expect(nextDelayMs(policy, 1, 0.1, null)).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-12-04T12:00:00.000Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
