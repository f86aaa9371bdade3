// Calendar dates as a person at the counter sees them: in China Standard Time, whatever the
// machine's own time zone.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of `at` in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return shanghaiDate.format(at);
}

/** The calendar date of `at` in Asia/Shanghai. */
export function shanghaiCalendarDate(at: Date): { year: number; month: number; day: number } {
  const [year, month, day] = shanghaiDay(at).split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}
