import { describe, expect, it } from 'vitest';
import { parseTimestamp, shanghaiTimestamp } from './timestamps';

describe('snapshot timestamps', () => {
  it('are written in China Standard Time with the offset, whatever the machine zone', () => {
    expect(shanghaiTimestamp(new Date('2026-01-15T01:02:03.004Z'))).toBe('2026-01-15T09:02:03.004+08:00');
    expect(shanghaiTimestamp(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01T00:00:00.000+08:00');
  });

  it('read back as the same instant', () => {
    const at = new Date('2026-03-01T15:59:59.999Z');
    expect(parseTimestamp(shanghaiTimestamp(at))?.getTime()).toBe(at.getTime());
    expect(parseTimestamp('2026-03-01T15:59:59Z')?.toISOString()).toBe('2026-03-01T15:59:59.000Z');
    expect(parseTimestamp('2026-03-01T10:00:00.5-05:30')?.toISOString()).toBe('2026-03-01T15:30:00.500Z');
  });

  it('refuse local times, dates alone and impossible dates', () => {
    for (const text of ['2026-03-01T15:59:59', '2026-03-01', '2026-02-30T00:00:00Z', '2026-02-28T24:00:00+08:00', 'yesterday', '2026-03-01T15:59:59+0800']) {
      expect(parseTimestamp(text), text).toBeNull();
    }
  });
});
