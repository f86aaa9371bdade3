// Session state of the UI: the API client, who is logged in, the language, and queue counts.
import { create } from 'zustand';
import type { SessionStatus } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { OperatorView } from '../../../shared/domain/operator';
import type { QueueStats } from '../../../shared/domain/registration';
import type { Locale } from '../../../shared/i18n';
import type { ApiClient } from '../api/client';

export type Phase = 'connecting' | 'unreachable' | 'setup' | 'login' | 'ready';

interface SessionState {
  client: ApiClient | null;
  phase: Phase;
  operator: OperatorView | null;
  locale: Locale;
  queue: QueueStats | null;
  connectError: string | null;
  /** Seconds without input before the registration screen is wiped (setting registrantIdleSeconds). */
  idleTimeoutSeconds: number;
  /** Large-font mode for registrants who need it; kept for the session, not per registrant. */
  largeText: boolean;
  attach(client: ApiClient): void;
  applyStatus(status: SessionStatus): void;
  loggedIn(operator: OperatorView): void;
  loggedOut(expired?: ApiError): void;
  setLocale(locale: Locale): void;
  setQueue(queue: QueueStats): void;
  unreachable(reason: string): void;
  setLargeText(largeText: boolean): void;
}

export const useSession = create<SessionState>((set) => ({
  client: null,
  phase: 'connecting',
  operator: null,
  locale: 'zh-CN',
  queue: null,
  connectError: null,
  idleTimeoutSeconds: 120,
  largeText: false,
  attach: (client) => set({ client }),
  applyStatus: (status) =>
    set({
      operator: status.operator,
      phase: status.setupRequired ? 'setup' : status.operator ? 'ready' : 'login',
      connectError: null,
      idleTimeoutSeconds: status.idleTimeoutSeconds,
    }),
  loggedIn: (operator) => set({ operator, phase: 'ready' }),
  loggedOut: () => set({ operator: null, phase: 'login', queue: null }),
  setLocale: (locale) => set({ locale }),
  setQueue: (queue) => set({ queue }),
  unreachable: (reason) => set({ phase: 'unreachable', connectError: reason }),
  setLargeText: (largeText) => set({ largeText }),
}));

/** The connected client; screens render only after `attach`. */
export function useClient(): ApiClient {
  const client = useSession((state) => state.client);
  if (!client) throw new Error('API client not attached');
  return client;
}
