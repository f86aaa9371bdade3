// Registration numbers a person can read out: the Shanghai date and the day's sequence, e.g.
// 20261124-0007. Called inside the submit transaction, so two submits never get the same one.
import { and, count, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedPerDb } from '../db/prepared';
import { registrations } from '../db/schema';
import { shanghaiDay } from '../platform/time';

/**
 * How many numbers a day has taken, between `from` ('YYYYMMDD-') and `to` ('YYYYMMDD.'). A range on
 * the unique index, not LIKE (case-insensitive, so it cannot use the index): it reads the day's
 * records only, however many the kiosk holds ('.' sorts right after '-').
 */
export function dayCountQuery(db: Db) {
  return db
    .select({ n: count() })
    .from(registrations)
    .where(and(gte(registrations.number, sql.placeholder('from')), lt(registrations.number, sql.placeholder('to'))));
}

const statements = preparedPerDb((db) => ({ dayCount: dayCountQuery(db).prepare() }));

export function nextRegistrationNumber(db: Db, at: Date): string {
  const prefix = shanghaiDay(at).replaceAll('-', '');
  const taken = statements(db).dayCount.get({ from: `${prefix}-`, to: `${prefix}.` });
  return `${prefix}-${String((taken?.n ?? 0) + 1).padStart(4, '0')}`;
}
