// The registration queue: submit writes the record and its audit entry in one durable transaction;
// only a committed record is reported back as saved.
import { count, desc, like } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  registrationStates,
  type IndividualRegistration,
  type QueueStats,
  type RegistrationReceipt,
  type RegistrationState,
  type RegistrationSummary,
} from '../../../shared/domain/registration';
import { maskIdNumber, maskMobile, maskName } from '../../../shared/privacy/mask';
import { appendAudit } from '../audit/audit';
import { QUEUE_STATS_SQL } from '../outbox/queries';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { registrations } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { shanghaiCalendarDate, shanghaiDay } from '../platform/time';
import { checkIdNumber } from '../../../shared/validation';
import { KioskError } from '../errors';

export interface RegistrationsDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  logger: Logger;
  onQueueChanged: () => void;
}

type RegistrationRow = typeof registrations.$inferSelect;

/** Numbers a person can read out: the Shanghai date and the day's sequence, e.g. 20261124-0007. */
function nextNumber(db: Db, day: string): string {
  const prefix = day.replaceAll('-', '');
  const taken = db.select({ n: count() }).from(registrations).where(like(registrations.number, `${prefix}-%`)).get();
  return `${prefix}-${String((taken?.n ?? 0) + 1).padStart(4, '0')}`;
}

function toSummary(row: RegistrationRow): RegistrationSummary {
  const base = {
    id: row.id,
    number: row.number,
    kind: row.kind,
    state: row.state as RegistrationState,
    createdAt: row.createdAt,
  };
  // After retention only the receipt is left: nothing personal to show, masked or not.
  if (row.purgedAt) return { ...base, nameMasked: '', idNumberMasked: '', mobileMasked: '' };
  const payload = JSON.parse(row.payload) as IndividualRegistration;
  return {
    ...base,
    nameMasked: maskName(payload.name),
    idNumberMasked: maskIdNumber(payload.idNumber),
    mobileMasked: maskMobile(payload.mobile),
  };
}

export function createRegistrations({ db, sqlite, clock, logger, onQueueChanged }: RegistrationsDeps) {
  const log = logger.child('registrations');

  function submit(input: IndividualRegistration, operatorId: string): RegistrationReceipt {
    const at = clock.now();
    // The contract's schema cannot know today's date; a birth date in the future or more than
    // 150 years ago is checked here, against the kiosk's clock.
    const idCheck = checkIdNumber(input.idNumber, { today: shanghaiCalendarDate(at) });
    if (!idCheck.ok) throw new KioskError('invalid_input', {}, { idNumber: idCheck.issue });
    const createdAt = at.toISOString();
    const id = uuidv7({ msecs: at.getTime() });
    const state: RegistrationState = 'queued';
    const number = sqlite.transaction(() => {
      const assigned = nextNumber(db, shanghaiDay(at));
      db.insert(registrations)
        .values({
          id,
          number: assigned,
          kind: input.kind,
          state,
          payload: JSON.stringify(input),
          supersedes: null,
          operatorId,
          createdAt,
          updatedAt: createdAt,
        })
        .run();
      appendAudit(db, {
        at: createdAt,
        actor: operatorId,
        action: 'registration.submit',
        subject: id,
        details: { kind: input.kind, number: assigned },
      });
      return assigned;
    }).immediate();
    // Committed: from here on nothing may turn the answer into a failure, or the operator would be
    // told 保存失败 for a saved record and register the person twice.
    try {
      log.log('info', 'registration.saved', { id, number, kind: input.kind });
      onQueueChanged();
    } catch (error) {
      log.log('warn', 'registration.afterCommitFailed', { id, error: error instanceof Error ? error.message : String(error) });
    }
    return { id, number, state, createdAt };
  }

  function list(limit: number, offset: number): { items: RegistrationSummary[]; total: number } {
    const rows = db
      .select()
      .from(registrations)
      .orderBy(desc(registrations.createdAt), desc(registrations.id))
      .limit(limit)
      .offset(offset)
      .all();
    const total = db.select({ n: count() }).from(registrations).get()?.n ?? 0;
    return { items: rows.map(toSummary), total };
  }

  function stats(): QueueStats {
    const byState = Object.fromEntries(registrationStates.map((state) => [state, 0])) as Record<
      RegistrationState,
      number
    >;
    const rows = sqlite.prepare(QUEUE_STATS_SQL).all() as { state: string; n: number }[];
    let total = 0;
    for (const row of rows) {
      byState[row.state as RegistrationState] = row.n;
      total += row.n;
    }
    return { byState, total };
  }

  return { submit, list, stats };
}

export type Registrations = ReturnType<typeof createRegistrations>;
