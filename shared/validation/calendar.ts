// Gregorian calendar arithmetic on plain year/month/day numbers. JavaScript's Date rolls invalid
// dates over (2010-02-29 becomes 1 March), so it must not be used to decide whether a date exists.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Negative when `a` is earlier than `b`, zero when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Parses `YYYY-MM-DD`; throws on anything else, since callers pass dates they produced themselves. */
export function parseIsoDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || !isRealDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
  return date;
}

/**
 * Age in whole years on the day `on`; the age goes up on the birthday itself.
 * Someone born on 29 February has no birthday in a common year. The anniversary is reached only
 * once February has fully passed, so in common years they turn a year older on 1 March, never on
 * 28 February; in leap years on 29 February as usual.
 */
export function ageOn(birthDate: string, on: CalendarDate): number {
  const birth = parseIsoDate(birthDate);
  const leapDayInCommonYear = birth.month === 2 && birth.day === 29 && !isLeapYear(on.year);
  const birthday = leapDayInCommonYear ? { year: on.year, month: 3, day: 1 } : { ...birth, year: on.year };
  return on.year - birth.year - (compareDates(on, birthday) < 0 ? 1 : 0);
}
