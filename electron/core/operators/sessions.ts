// Operator sessions: who is logged in on a client (a window or a browser), ended by logout or after
// the idle timeout. Kept in memory: a restart logs everyone out, which is what a kiosk wants.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/operator';
import type { RequiredRole } from '../../../shared/api/contract';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';

interface Session {
  staffId: string;
  lastActivityMs: number;
}

export function roleSatisfies(role: Role, required: RequiredRole): boolean {
  switch (required) {
    case 'none':
      return true;
    case 'operator':
      return role === 'operator' || role === 'it_admin';
    case 'it_admin':
      return role === 'it_admin';
  }
}

export function createSessions(clock: Clock, idleSeconds: () => number) {
  const sessions = new Map<string, Session>();

  function start(staffId: string): string {
    const id = randomBytes(24).toString('base64url');
    sessions.set(id, { staffId, lastActivityMs: clock.monotonicMs() });
    return id;
  }

  function end(id: string | null): void {
    if (id) sessions.delete(id);
  }

  /** The staff ID behind a live session, refreshing its idle timer; throws when there is none. */
  function touch(id: string | null): string {
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) throw new KioskError('unauthenticated');
    const now = clock.monotonicMs();
    if (now - session.lastActivityMs > idleSeconds() * 1000) {
      sessions.delete(id);
      throw new KioskError('session_expired');
    }
    session.lastActivityMs = now;
    return session.staffId;
  }

  /** The staff ID behind a live session without refreshing it, or null. */
  function peek(id: string | null): string | null {
    const session = id ? sessions.get(id) : undefined;
    if (!session) return null;
    return clock.monotonicMs() - session.lastActivityMs > idleSeconds() * 1000 ? null : session.staffId;
  }

  return { start, end, touch, peek };
}

export type Sessions = ReturnType<typeof createSessions>;
