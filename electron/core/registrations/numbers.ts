// Registration numbers a person can read out: the Shanghai date and the day's sequence, e.g.
// 20261124-0007. Called inside the submit transaction, so two submits never get the same one.
import { count, like } from 'drizzle-orm';
import type { Db } from '../db';
import { registrations } from '../db/schema';
import { shanghaiDay } from '../platform/time';

export function nextRegistrationNumber(db: Db, at: Date): string {
  const prefix = shanghaiDay(at).replaceAll('-', '');
  const taken = db.select({ n: count() }).from(registrations).where(like(registrations.number, `${prefix}-%`)).get();
  return `${prefix}-${String((taken?.n ?? 0) + 1).padStart(4, '0')}`;
}
