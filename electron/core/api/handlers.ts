// One handler per contract operation. The mapped type makes a missing or misspelt operation a
// compile error, and each handler receives input already parsed by the contract's schema.
import type { OperationName, OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { OperatorView } from '../../../shared/domain/operator';
import { KioskError } from '../errors';
import type { Operators } from '../operators/operators';
import type { Sessions } from '../operators/sessions';
import type { Registrations } from '../registrations/registrations';
import type { Settings } from '../settings/settings';
import { createAgreementHandlers, type AgreementHandlerDeps } from './agreementHandlers';
import { createShellHandlers, type ShellHandlerDeps } from './shellHandlers';
import { createDeskHandlers, type DeskHandlerDeps } from './deskHandlers';
import { createSettingsHandlers, type SettingsHandlerDeps } from './settingsHandlers';
import { createSyncHandlers } from '../sync/handlers';
import type { Sync } from '../sync';
import type { ClientContext } from './client';

export interface CallContext {
  client: ClientContext;
  /** The logged-in operator; present for every operation whose role is not `none`. */
  operator: OperatorView | null;
}

export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>, ctx: CallContext) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

export interface HandlerDeps extends AgreementHandlerDeps, Omit<ShellHandlerDeps, 'registrationExists'>, DeskHandlerDeps, Omit<SettingsHandlerDeps, 'settings'> {
  operators: Operators;
  sessions: Sessions;
  registrations: Registrations;
  settings: Settings;
  sync: Sync;
}

function requireOperator(ctx: CallContext): OperatorView {
  if (!ctx.operator) throw new KioskError('unauthenticated');
  return ctx.operator;
}

export function createHandlers({ operators, sessions, registrations, settings, shell, activity, sync, divisionTree, findEnterprises, db, sqlite, clock, ...agreementDeps }: HandlerDeps): Handlers {
  function logIn(client: ClientContext, operator: OperatorView): OperatorView {
    sessions.end(client.sessionId);
    client.sessionId = sessions.start(operator.staffId);
    return operator;
  }

  return {
    'session.status': (_input, { client }) => {
      const staffId = sessions.peek(client.sessionId);
      return {
        setupRequired: operators.count() === 0,
        operator: staffId ? operators.get(staffId) : null,
        locale: client.locale,
        idleTimeoutSeconds: settings.get('registrantIdleSeconds'),
      };
    },
    'session.setLocale': ({ locale }, { client }) => {
      client.locale = locale;
      return null;
    },
    'session.login': async ({ staffId, pin }, { client }) =>
      logIn(client, await operators.authenticate(staffId, pin)),
    'session.logout': (_input, { client }) => {
      sessions.end(client.sessionId);
      client.sessionId = null;
      return null;
    },
    'setup.createFirstAdmin': async (input, { client }) =>
      logIn(client, await operators.add({ ...input, role: 'it_admin' }, null, true)),
    'operators.list': () => operators.list(),
    'operators.add': (input, ctx) => operators.add(input, requireOperator(ctx).staffId),
    'operators.unlock': ({ staffId }, ctx) => operators.unlock(staffId, requireOperator(ctx).staffId),
    'registrations.prepare': ({ kind }, { client }) => registrations.prepare(kind, client.locale),
    'registrations.findDuplicates': ({ registration }) => registrations.duplicatesOf(registration),
    'registrations.submit': (input, ctx) => registrations.submit(input, requireOperator(ctx).staffId, ctx.client.locale),
    'registrations.withdraw': (input, ctx) => registrations.withdraw(input, requireOperator(ctx).staffId),
    'registrations.get': ({ id }) => {
      const found = registrations.get(id);
      if (!found) throw new KioskError('not_found');
      return found;
    },
    'registrations.list': ({ limit, offset }) => registrations.list(limit, offset),
    'queue.stats': () => registrations.stats(),
    ...createAgreementHandlers(agreementDeps),
    ...createShellHandlers({ shell, activity, registrationExists: (id) => registrations.get(id) !== null }),
    ...createSyncHandlers({ sync, operators }),
    ...createDeskHandlers({ divisionTree, findEnterprises }),
    ...createSettingsHandlers({ settings, db, sqlite, clock }),
  };
}
