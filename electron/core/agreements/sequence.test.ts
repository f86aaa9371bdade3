import { describe, expect, it } from 'vitest';
import { placeNumbered, placeRanked, placeUnnumbered, type OpenLevel } from './sequence';

const level = (style: string, value: number[] | null, rank: number | null = null): OpenLevel => ({
  style,
  value,
  rank,
});

describe('placeNumbered', () => {
  it('makes the first style seen the top level and expects it to start at 1', () => {
    expect(placeNumbered([], 'chinese', [1])).toEqual({ depth: 0, plausible: true });
    expect(placeNumbered([], 'chinese', [3])).toEqual({ depth: 0, plausible: false });
  });

  it('continues an open style as a sibling and closes the levels below it', () => {
    const open = [level('chinese', [5]), level('arabic', [6]), level('circled', [2])];
    expect(placeNumbered(open, 'chinese', [6])).toEqual({ depth: 0, plausible: true });
    expect(placeNumbered(open, 'arabic', [7])).toEqual({ depth: 1, plausible: true });
    expect(placeNumbered(open, 'arabic', [9])).toEqual({ depth: 1, plausible: false });
  });

  it('nests a new style under the current clause', () => {
    expect(placeNumbered([level('chinese', [2])], 'circled', [1])).toEqual({ depth: 1, plausible: true });
  });

  it('expects the first decimal clause to repeat its parent number (二 → 2.1, not 3.1)', () => {
    expect(placeNumbered([level('chinese', [2])], 'decimal-2', [2, 1]).plausible).toBe(true);
    expect(placeNumbered([level('chinese', [2])], 'decimal-2', [3, 1]).plausible).toBe(false);
    expect(placeNumbered([level('chinese', [2])], 'decimal-2', [1, 5]).plausible).toBe(false);
  });

  it('lets decimal clauses run on into the next chapter (2.3 → 3.1) without a parent', () => {
    expect(placeNumbered([level('decimal-2', [2, 3])], 'decimal-2', [3, 1]).plausible).toBe(true);
    expect(placeNumbered([level('decimal-2', [2, 3])], 'decimal-2', [3, 2]).plausible).toBe(false);
  });

  it('accepts numbering that runs on through the text under a new parent (第三条 under 第二章)', () => {
    const open = [level('ordinal-章', [2])];
    expect(placeNumbered(open, 'ordinal-条', [3], [2])).toEqual({ depth: 1, plausible: true });
    expect(placeNumbered(open, 'ordinal-条', [5], [2]).plausible).toBe(false);
  });

  it('never finds a number after a heading without one plausible as its sibling', () => {
    expect(placeNumbered([level('heading', null)], 'heading', [1]).plausible).toBe(false);
  });
});

describe('placeUnnumbered', () => {
  it('returns to the level where its style is open, or goes one below the current clause', () => {
    const open = [level('heading', null), level('arabic', [3])];
    expect(placeUnnumbered(open, 'heading')).toBe(0);
    expect(placeUnnumbered(open, 'bracket')).toBe(2);
  });
});

describe('placeRanked', () => {
  it('closes numbered clauses and headings of the same or a lower rank', () => {
    const open = [level('markdown-2', null, 2), level('markdown-3', null, 3), level('arabic', [4])];
    expect(placeRanked(open, 3)).toBe(1);
    expect(placeRanked(open, 2)).toBe(0);
    expect(placeRanked(open, 4)).toBe(2);
  });
});
