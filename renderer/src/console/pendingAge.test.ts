import { describe, expect, it } from 'vitest';
import { ageLevel, ageText } from './pendingAge';

describe('the oldest pending age', () => {
  it('turns amber past 24 hours and red past 72', () => {
    expect(ageLevel(null)).toBe('ok');
    expect(ageLevel(24 * 3600)).toBe('ok');
    expect(ageLevel(24 * 3600 + 1)).toBe('amber');
    expect(ageLevel(72 * 3600)).toBe('amber');
    expect(ageLevel(72 * 3600 + 1)).toBe('red');
  });

  it('is worded in minutes, hours or days', () => {
    expect(ageText(59 * 60)).toEqual({ key: 'console.age.minutes', params: { minutes: 59 } });
    expect(ageText(3600 * 5 + 60 * 7)).toEqual({ key: 'console.age.hours', params: { hours: 5, minutes: 7 } });
    expect(ageText(3600 * 75)).toEqual({ key: 'console.age.days', params: { days: 3, hours: 3 } });
  });
});
