import { describe, expect, it } from 'vitest';
import { EffectiveFromSchema, normalizeEffectiveFrom } from './agreement';

describe('effective dates', () => {
  it('read a bare date as midnight in China Standard Time', () => {
    expect(normalizeEffectiveFrom('2025-01-31')).toBe('2025-01-30T16:00:00.000Z');
    expect(normalizeEffectiveFrom(' 2024-02-29 ')).toBe('2024-02-28T16:00:00.000Z');
  });

  it('keep a date-time with its offset as the same instant in UTC', () => {
    expect(normalizeEffectiveFrom('2025-01-31T08:30:00+08:00')).toBe('2025-01-31T00:30:00.000Z');
    expect(normalizeEffectiveFrom('2025-01-31T00:30Z')).toBe('2025-01-31T00:30:00.000Z');
    // Already normalised values pass through unchanged, so parsing twice is harmless.
    expect(normalizeEffectiveFrom('2025-01-31T00:30:00.000Z')).toBe('2025-01-31T00:30:00.000Z');
  });

  it.each(['2025-02-30', '2023-02-29', '2025-13-01', '2025-1-1', '2025-01-31T08:30:00', '明天', '', '0999-01-01'])(
    'refuse %j',
    (raw) => {
      expect(normalizeEffectiveFrom(raw)).toBeNull();
      expect(EffectiveFromSchema.safeParse(raw).error?.issues[0]?.message).toBe('agreements.field.effectiveFrom');
    },
  );
});
