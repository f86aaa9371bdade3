// The registration queue: submit checks everything, then writes the record, its signed consent
// snapshot, the audit entry and the outbox row in one durable transaction; only a committed record
// is reported back as saved.
import { count, desc, eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/i18n';
import type { RegistrationPayload } from '../../../shared/domain/registration';
import {
  registrationStates,
  type QueueStats,
  type RegistrationKind,
  type RegistrationReceipt,
  type RegistrationState,
  type RegistrationSummary,
} from '../../../shared/domain/registration';
import type { DuplicateMatch, RegistrationFormSpec, RegistrationSubmission } from '../../../shared/domain/submission';
import { maskIdNumber, maskMobile, maskName } from '../../../shared/privacy/mask';
import { QUEUE_STATS_SQL } from '../outbox/queries';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { registrations } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { shanghaiCalendarDate } from '../platform/time';
import type { ConsentService } from '../consent';
import { agreementStillCurrent, type AgreementLibrary } from '../agreements/library';
import type { Profiles } from '../profiles';
import { checkSubmission, CORRECTABLE_STATES, dedupeKeyOf, findDuplicates, writeSubmission } from './submit';
import { writeWithdrawal } from './withdraw';
import type { WithdrawalReceipt, WithdrawalRequest } from '../../../shared/domain/withdrawal';
import { formSpecFor } from './rules';

export interface RegistrationsDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  logger: Logger;
  consent: ConsentService;
  profiles: Profiles;
  agreements: AgreementLibrary;
  /** Platform minus kiosk time at the last sync, or null before the first. */
  serverOffsetMs: () => number | null;
  isDivision?: (code: string, level: 'city' | 'any') => boolean;
  onQueueChanged: () => void;
}

type RegistrationRow = typeof registrations.$inferSelect;

/** The person a summary names: the registrant, or for an enterprise its agent. */
function summaryFields(payload: RegistrationPayload) {
  if (payload.kind === 'enterprise') {
    return {
      nameMasked: payload.enterpriseName ?? '',
      idNumberMasked: payload.creditCode ?? '',
      mobileMasked: payload.agentMobile ? maskMobile(payload.agentMobile) : '',
    };
  }
  return {
    nameMasked: payload.name ? maskName(payload.name) : '',
    idNumberMasked: payload.idNumber ? maskIdNumber(payload.idNumber) : '',
    mobileMasked: payload.mobile ? maskMobile(payload.mobile) : '',
  };
}

/** How rows relate to withdrawals: the number a withdrawal withdraws, and which rows were withdrawn. */
interface WithdrawalLinks {
  numberOf: (id: string) => string;
  withdrawn: (id: string) => boolean;
}

function toSummary(row: RegistrationRow, links: WithdrawalLinks): RegistrationSummary {
  const base = {
    id: row.id,
    number: row.number,
    kind: row.kind,
    state: row.state as RegistrationState,
    createdAt: row.createdAt,
    withdrawal: row.withdrawalReason !== null && row.supersedes !== null ? { withdraws: row.supersedes, withdrawsNumber: links.numberOf(row.supersedes) } : null,
    withdrawn: links.withdrawn(row.id),
  };
  // After retention only the receipt is left: nothing personal to show, masked or not.
  if (row.purgedAt) return { ...base, nameMasked: '', idNumberMasked: '', mobileMasked: '' };
  return { ...base, ...summaryFields(JSON.parse(row.payload) as RegistrationPayload) };
}

export function createRegistrations(deps: RegistrationsDeps) {
  const { db, sqlite, clock, logger, consent, profiles, agreements, onQueueChanged } = deps;
  const log = logger.child('registrations');
  const withdrawalsOf = sqlite.prepare('SELECT supersedes FROM registrations WHERE supersedes = ? AND withdrawal_reason IS NOT NULL').pluck();
  const numberOf = sqlite.prepare('SELECT number FROM registrations WHERE id = ?').pluck();
  // After every submit and sync change (the queue.changed event): prepared once.
  const queueStats = sqlite.prepare(QUEUE_STATS_SQL);
  const links: WithdrawalLinks = {
    numberOf: (id) => (numberOf.get(id) as string | undefined) ?? '',
    withdrawn: (id) => withdrawalsOf.get(id) !== undefined,
  };

  /** What a new registration of `kind` asks for under the active profile. */
  function prepare(kind: RegistrationKind, locale: Locale): RegistrationFormSpec {
    return formSpecFor(profiles.active(), kind, locale, shanghaiCalendarDate(clock.now()));
  }

  /** Earlier records of the same person or enterprise on this kiosk (by keyed hash, so also after purge). */
  function duplicatesOf(registration: RegistrationPayload): DuplicateMatch[] {
    const key = dedupeKeyOf(registration, consent);
    return key ? findDuplicates(db, key) : [];
  }

  function submit(input: RegistrationSubmission, operatorId: string, locale: Locale): RegistrationReceipt {
    const now = clock.now();
    consent.clockWatch.observe();
    const profile = profiles.active();
    const kind = input.registration.kind;
    const ctx = {
      db,
      consent,
      profile,
      locale,
      now,
      operatorId,
      agreementInForce: (ref: { id: string; version: string }, moment: Date) =>
        agreementStillCurrent({ kind, agreementId: ref.id, version: ref.version }, profile, moment, agreements.timings()).current,
      serverOffsetMs: deps.serverOffsetMs(),
      ...(deps.isDivision ? { isDivision: deps.isDivision } : {}),
    };
    const receipt = sqlite
      .transaction(() => {
        // Checked inside the transaction: duplicates and corrections read what no other writer can change now.
        const checked = checkSubmission(input, ctx);
        const title = agreements.title(checked.facts.agreement.id, checked.facts.agreement.version) ?? '';
        return writeSubmission(input, checked, { ...ctx, agreementTitle: title });
      })
      .immediate();
    // Committed: from here on nothing may turn the answer into a failure, or the operator would be
    // told 保存失败 for a saved record and register the person twice.
    try {
      consent.clockWatch.snapshotStored();
      log.log('info', 'registration.saved', { id: receipt.id, number: receipt.number, kind });
      onQueueChanged();
    } catch (error) {
      log.log('warn', 'registration.afterCommitFailed', { id: receipt.id, error: error instanceof Error ? error.message : String(error) });
    }
    return receipt;
  }

  /** Withdraws a record the platform has not answered for: a new record supersedes it (withdraw.ts). */
  function withdraw(request: WithdrawalRequest, operatorId: string): WithdrawalReceipt {
    const now = clock.now();
    const receipt = sqlite.transaction(() => writeWithdrawal(db, request, operatorId, now)).immediate();
    try {
      log.log('info', 'registration.withdrawn', { id: receipt.id, number: receipt.number, withdraws: receipt.withdraws.id });
      onQueueChanged();
    } catch (error) {
      log.log('warn', 'registration.afterCommitFailed', { id: receipt.id, error: error instanceof Error ? error.message : String(error) });
    }
    return receipt;
  }

  /** One record with its data, for opening, correcting or withdrawing it; null after retention. */
  function get(id: string): {
    summary: RegistrationSummary;
    payload: RegistrationPayload | null;
    supersedes: string | null;
    replacedBy: string | null;
    withdrawalReason: string | null;
    correctable: boolean;
  } | null {
    const row = db.select().from(registrations).where(eq(registrations.id, id)).get();
    if (!row) return null;
    // A record a correction replaced can no longer be corrected; the desk says so before it starts one.
    const replacement = db.select({ id: registrations.id }).from(registrations).where(eq(registrations.supersedes, id)).get();
    const withdrawal = row.withdrawalReason !== null;
    return {
      summary: toSummary(row, links),
      // A withdrawal holds no registrant data; a purged record no longer does.
      payload: row.purgedAt || withdrawal ? null : (JSON.parse(row.payload) as RegistrationPayload),
      supersedes: row.supersedes,
      replacedBy: replacement?.id ?? null,
      withdrawalReason: row.withdrawalReason,
      // The rule submit and withdraw enforce: a registration nothing replaced, not yet answered for.
      correctable: !withdrawal && !row.purgedAt && !replacement && CORRECTABLE_STATES.includes(row.state as RegistrationState),
    };
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
    return { items: rows.map((row) => toSummary(row, links)), total };
  }

  function stats(): QueueStats {
    const byState = Object.fromEntries(registrationStates.map((state) => [state, 0])) as Record<
      RegistrationState,
      number
    >;
    const rows = queueStats.all() as { state: string; n: number }[];
    let total = 0;
    for (const row of rows) {
      byState[row.state as RegistrationState] = row.n;
      total += row.n;
    }
    return { byState, total };
  }

  return { prepare, duplicatesOf, submit, withdraw, get, list, stats };
}

export type Registrations = ReturnType<typeof createRegistrations>;
