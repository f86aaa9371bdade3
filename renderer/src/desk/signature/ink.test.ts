import { describe, expect, it } from 'vitest';
import { isSubstantial } from './ink';

const stroke = (...points: [number, number][]) => ({ points: points.map(([x, y]) => ({ x, y })) });

describe('a drawing is a signature only when it is long and wide enough', () => {
  it('refuses a tap and a short line', () => {
    expect(isSubstantial([stroke([10, 10])])).toBe(false);
    expect(isSubstantial([stroke([10, 10], [40, 12])])).toBe(false);
  });

  it('refuses a long scribble in one spot', () => {
    expect(isSubstantial([stroke([10, 10], [30, 30], [10, 30], [30, 10], [10, 10], [30, 30], [10, 30], [30, 10])])).toBe(false);
  });

  it('accepts strokes that run across the pad', () => {
    expect(isSubstantial([stroke([10, 50], [60, 20], [110, 60]), stroke([130, 40], [200, 40])])).toBe(true);
  });
});
