// Operator accounts: creation (the first IT admin, then by IT admins), listing, PIN reset and the
// login check with its persistent lockout.
import { count, eq, sql } from 'drizzle-orm';
import type { OperatorView, Role } from '../../../shared/domain/operator';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { operators } from '../db/schema';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { lockoutDelaySeconds } from './lockout';
import { DEFAULT_SCRYPT, hashPin, verifyPin, type ScryptParams } from './pinHash';

type OperatorRow = typeof operators.$inferSelect;

export interface NewOperator {
  staffId: string;
  name: string;
  role: Role;
  pin: string;
}

export interface OperatorsDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  logger: Logger;
  scrypt?: ScryptParams;
}

export function toOperatorView(row: OperatorRow): OperatorView {
  return {
    staffId: row.staffId,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt,
    lockedUntil: row.lockedUntil,
  };
}

export function createOperators({ db, sqlite, clock, logger, scrypt = DEFAULT_SCRYPT }: OperatorsDeps) {
  const log = logger.child('operators');
  // Verifying against a real hash for unknown staff IDs keeps their timing the same as a wrong PIN.
  let decoyHash: Promise<string> | null = null;
  const decoy = () => (decoyHash ??= hashPin('000000', scrypt));

  function find(staffId: string): OperatorRow | undefined {
    return db.select().from(operators).where(eq(operators.staffId, staffId)).get();
  }

  function countOperators(): number {
    return db.select({ n: count() }).from(operators).get()?.n ?? 0;
  }

  async function add(input: NewOperator, actor: string | null, onlyIfNone = false): Promise<OperatorView> {
    const pinHash = await hashPin(input.pin, scrypt);
    const now = clock.now().toISOString();
    const row: OperatorRow = {
      staffId: input.staffId,
      name: input.name,
      role: input.role,
      pinHash,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
    };
    sqlite.transaction(() => {
      if (onlyIfNone && countOperators() > 0) throw new KioskError('setup_done');
      if (find(input.staffId)) throw new KioskError('operator_exists', { staffId: input.staffId });
      db.insert(operators).values(row).run();
      appendAudit(db, {
        at: now,
        actor,
        action: 'operator.add',
        subject: input.staffId,
        details: { role: input.role },
      });
    }).immediate();
    log.log('info', 'operator.added', { staffId: input.staffId, role: input.role });
    return toOperatorView(row);
  }

  function list(): OperatorView[] {
    return db.select().from(operators).orderBy(operators.staffId).all().map(toOperatorView);
  }

  function get(staffId: string): OperatorView | null {
    const row = find(staffId);
    return row ? toOperatorView(row) : null;
  }

  function unlock(staffId: string, actor: string): OperatorView {
    const now = clock.now().toISOString();
    return sqlite.transaction(() => {
      const row = find(staffId);
      if (!row) throw new KioskError('not_found');
      db.update(operators).set({ failedLogins: 0, lockedUntil: null }).where(eq(operators.staffId, staffId)).run();
      appendAudit(db, { at: now, actor, action: 'operator.unlock', subject: staffId, details: {} });
      return toOperatorView({ ...row, failedLogins: 0, lockedUntil: null });
    }).immediate();
  }

  async function resetPin(staffId: string, pin: string, actor: string | null): Promise<OperatorView> {
    const pinHash = await hashPin(pin, scrypt);
    const now = clock.now().toISOString();
    return sqlite.transaction(() => {
      const row = find(staffId);
      if (!row) throw new KioskError('not_found');
      db.update(operators)
        .set({ pinHash, failedLogins: 0, lockedUntil: null })
        .where(eq(operators.staffId, staffId))
        .run();
      appendAudit(db, { at: now, actor, action: 'operator.resetPin', subject: staffId, details: {} });
      return toOperatorView({ ...row, failedLogins: 0, lockedUntil: null });
    }).immediate();
  }

  /** Checks a PIN; failures are counted in the database and lock the account with growing delays. */
  async function authenticate(staffId: string, pin: string): Promise<OperatorView> {
    const row = find(staffId);
    if (!row) {
      await verifyPin(pin, await decoy());
      log.log('warn', 'login.failed', { reason: 'unknown_staff' });
      throw new KioskError('login_failed');
    }
    const now = clock.now();
    if (row.lockedUntil && new Date(row.lockedUntil) > now) {
      const seconds = Math.ceil((new Date(row.lockedUntil).getTime() - now.getTime()) / 1000);
      log.log('warn', 'login.locked', { staffId });
      throw new KioskError('locked_out', { seconds });
    }
    if (await verifyPin(pin, row.pinHash)) {
      db.update(operators).set({ failedLogins: 0, lockedUntil: null }).where(eq(operators.staffId, staffId)).run();
      log.log('info', 'login.ok', { staffId });
      return toOperatorView({ ...row, failedLogins: 0, lockedUntil: null });
    }
    const updated = db
      .update(operators)
      .set({ failedLogins: sql`${operators.failedLogins} + 1` })
      .where(eq(operators.staffId, staffId))
      .returning({ failedLogins: operators.failedLogins })
      .get();
    const failures = updated?.failedLogins ?? 1;
    const delay = lockoutDelaySeconds(failures);
    log.log('warn', 'login.failed', { staffId, failures });
    if (delay > 0) {
      const lockedUntil = new Date(now.getTime() + delay * 1000).toISOString();
      db.update(operators).set({ lockedUntil }).where(eq(operators.staffId, staffId)).run();
      throw new KioskError('locked_out', { seconds: delay });
    }
    throw new KioskError('login_failed');
  }

  return { add, list, get, unlock, resetPin, authenticate, count: countOperators };
}

export type Operators = ReturnType<typeof createOperators>;
