import { describe, expect, it } from 'vitest';
import { ageOn, compareDates, daysInMonth, isLeapYear, isRealDate, parseIsoDate } from './calendar';

describe('calendar', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2012, 2010, 2024, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
  });

  it('knows the length of every month', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('does not roll impossible dates over the way Date does', () => {
    expect(isRealDate({ year: 2010, month: 2, day: 29 })).toBe(false);
    expect(isRealDate({ year: 2012, month: 2, day: 29 })).toBe(true);
    expect(isRealDate({ year: 2012, month: 4, day: 31 })).toBe(false);
    expect(isRealDate({ year: 2012, month: 12, day: 31 })).toBe(true);
  });

  it('orders dates by year, then month, then day', () => {
    expect(compareDates({ year: 2024, month: 12, day: 31 }, { year: 2025, month: 1, day: 1 })).toBeLessThan(0);
    expect(compareDates({ year: 2025, month: 2, day: 1 }, { year: 2025, month: 1, day: 31 })).toBeGreaterThan(0);
    expect(compareDates({ year: 2025, month: 1, day: 1 }, { year: 2025, month: 1, day: 1 })).toBe(0);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2012-02-29')).toEqual({ year: 2012, month: 2, day: 29 });
    expect(() => parseIsoDate('2010-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2010-2-28')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('adds a year on the birthday itself, not the day before', () => {
    expect(ageOn('2000-06-15', { year: 2025, month: 6, day: 14 })).toBe(24);
    expect(ageOn('2000-06-15', { year: 2025, month: 6, day: 15 })).toBe(25);
    expect(ageOn('2000-06-15', { year: 2025, month: 12, day: 31 })).toBe(25);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year', () => {
    expect(ageOn('2012-02-29', { year: 2025, month: 2, day: 28 })).toBe(12);
    expect(ageOn('2012-02-29', { year: 2025, month: 3, day: 1 })).toBe(13);
  });

  it('makes someone born on 29 February a year older on 29 February in a leap year', () => {
    expect(ageOn('2012-02-29', { year: 2024, month: 2, day: 28 })).toBe(11);
    expect(ageOn('2012-02-29', { year: 2024, month: 2, day: 29 })).toBe(12);
  });

  it('is zero on the day of birth', () => {
    expect(ageOn('2025-06-15', { year: 2025, month: 6, day: 15 })).toBe(0);
  });
});
