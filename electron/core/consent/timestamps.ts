// Times in a snapshot are ISO 8601 with an explicit offset, written in China Standard Time
// (Asia/Shanghai has been UTC+8 without daylight saving since 1991), so a person reading the body
// sees the time the counter clock showed and a program still gets an exact instant.
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function withOffset(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `2026-01-15T09:00:00.000+08:00` */
export function shanghaiTimestamp(at: Date): string {
  return withOffset(at, SHANGHAI_OFFSET_MINUTES);
}

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An instant written as ISO 8601 with seconds and an explicit offset (`Z` or `±HH:MM`), or null.
 * Local times without an offset are refused (their instant depends on the reader's time zone), and
 * so are impossible dates that `Date.parse` would quietly roll over (`02-30` → `03-02`).
 */
export function parseTimestamp(text: string): Date | null {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return null;
  const [, dateTime = '', , zone, sign, hours = '0', minutes = '0'] = match;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return null;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return withOffset(at, offset).startsWith(dateTime) ? at : null;
}
