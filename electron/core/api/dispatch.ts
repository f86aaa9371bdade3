// The single entry point both transports call: look the operation up in the contract, parse the
// input, check the session and role, run the handler, check the output. An invalid call never
// reaches a handler, and every failure comes back as {ok:false,error} in the caller's language.
import { contract, isOperationName } from '../../../shared/api/contract';
import type { ApiError, ApiResult, ErrorCode } from '../../../shared/api/errors';
import { fieldMessages } from '../../../shared/api/issues';
import { translate, type MessageParams } from '../../../shared/i18n';
import { KioskError } from '../errors';
import type { Operators } from '../operators/operators';
import { roleSatisfies, type Sessions } from '../operators/sessions';
import type { Logger } from '../platform/logger';
import type { ClientContext } from './client';
import type { CallContext, Handlers } from './handlers';

export type Dispatch = (operation: string, input: unknown, client: ClientContext) => Promise<ApiResult<unknown>>;

function apiError(
  client: ClientContext,
  code: ErrorCode,
  params: MessageParams = {},
  fields?: Record<string, string>,
): { ok: false; error: ApiError } {
  const message = translate(client.locale, `errors.${code}`, params);
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

/** Maps SQLite failures a person can act on (disk full, read-only, locked) to their own codes. */
export function storageErrorCode(error: unknown): ErrorCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) return 'storage_full';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return 'storage_readonly';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'storage_busy';
  return null;
}

export function createDispatch(deps: {
  handlers: Handlers;
  sessions: Sessions;
  operators: Operators;
  logger: Logger;
}): Dispatch {
  const log = deps.logger.child('api');

  async function call(operation: string, rawInput: unknown, client: ClientContext): Promise<ApiResult<unknown>> {
    if (!isOperationName(operation)) return apiError(client, 'unknown_operation');
    const spec = contract[operation];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      log.log('info', 'call.invalid', { operation, issues: parsed.error.issues.length });
      return apiError(client, 'invalid_input', {}, fieldMessages(parsed.error, client.locale));
    }
    const ctx: CallContext = { client, operator: null };
    if (spec.role !== 'none') {
      const operator = deps.operators.get(deps.sessions.touch(client.sessionId));
      if (!operator) throw new KioskError('unauthenticated');
      if (!roleSatisfies(operator.role, spec.role)) {
        log.log('warn', 'call.forbidden', { operation, staffId: operator.staffId });
        return apiError(client, 'forbidden');
      }
      ctx.operator = operator;
    }
    const handler = deps.handlers[operation] as (input: unknown, ctx: CallContext) => unknown;
    const value = spec.output.parse(await handler(parsed.data, ctx));
    return { ok: true, value };
  }

  return async (operation, rawInput, client) => {
    try {
      return await call(operation, rawInput, client);
    } catch (error) {
      if (error instanceof KioskError) {
        const fields = error.fieldIssues
          ? Object.fromEntries(
              Object.entries(error.fieldIssues).map(([field, issue]) => [
                field,
                translate(client.locale, issue.key, issue.params ?? {}),
              ]),
            )
          : undefined;
        return apiError(client, error.code, error.params, fields);
      }
      const storage = storageErrorCode(error);
      log.log('error', 'call.failed', {
        operation,
        code: storage ?? 'internal',
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return apiError(client, storage ?? 'internal');
    }
  };
}
