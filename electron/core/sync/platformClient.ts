// The kiosk's side of the wire: one function per protocol call, over an injected fetch with a
// timeout on the whole exchange (head and body). Every answer, errors included, carries the
// platform's clock; the client reports it so the engine can keep the offset. Anything that is not
// a complete, well-formed answer becomes a PlatformError with a code the engine decides on.
import type { z } from 'zod';
import {
  AgreementFeedResponseSchema,
  BatchResponseSchema,
  EnrolmentResponseSchema,
  ErrorResponseSchema,
  HeartbeatResponseSchema,
  LookupResponseSchema,
  SERVER_TIME_HEADER,
  type EnrolmentRequest,
  type HeartbeatRequest,
} from '../../../shared/sync';
import type { Clock } from '../platform/clock';
import { parseRetryAfter } from './backoff';
import type { EncodedBatchRequest } from './requestBody';

/**
 * - `unreachable`: no answer (refused, reset, DNS);
 * - `timeout`: no complete answer in time (the request may have been committed);
 * - `http`: an answer with an error status (`status`, `errorCode`, `retryAfterMs`);
 * - `bad_answer`: a 2xx the protocol does not allow (not JSON, wrong shape).
 */
export type PlatformErrorKind = 'unreachable' | 'timeout' | 'http' | 'bad_answer';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly errorCode: string | null = null,
    readonly retryAfterMs: number | null = null,
    readonly fields: ReadonlyArray<{ field: string; reason: string }> = [],
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** The code the engine records and the console shows: `unreachable`, `timeout`, `http_503`, ... */
  get code(): string {
    return this.kind === 'http' ? `http_${String(this.status)}` : this.kind;
  }

  /** Whether the platform answered at all (so it is reachable, whatever it said). */
  get answered(): boolean {
    return this.kind === 'http' || this.kind === 'bad_answer';
  }
}

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface PlatformClientDeps {
  fetch: FetchFunction;
  clock: Clock;
  timeoutMs: () => number;
  /** Every answer's server time, with the kiosk's clock at the middle of the exchange. */
  onServerTime: (serverTime: Date, kioskTime: Date) => void;
}

export interface PlatformTarget {
  platformUrl: string;
  credential: string | null;
}

export function createPlatformClient(deps: PlatformClientDeps) {
  async function exchange<S extends z.ZodType>(
    target: PlatformTarget,
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: Uint8Array,
  ): Promise<z.output<S>> {
    const started = deps.clock.now().getTime();
    let response: Response;
    let text: string;
    try {
      response = await deps.fetch(`${target.platformUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(target.credential ? { authorization: `Bearer ${target.credential}` } : {}),
        },
        // As UTF-8 bytes: fetch would otherwise re-scan a string body (megabytes for a batch) for
        // lone surrogates, which neither JSON.stringify nor canonical JSON leaves.
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(deps.timeoutMs()),
      });
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new PlatformError('timeout', `${method} ${path}: no answer in time`);
      throw new PlatformError('unreachable', `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const ended = deps.clock.now().getTime();
    const serverTime = Date.parse(response.headers.get(SERVER_TIME_HEADER) ?? '');
    if (!Number.isNaN(serverTime)) deps.onServerTime(new Date(serverTime), new Date(Math.round((started + ended) / 2)));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = ErrorResponseSchema.safeParse(json);
      throw new PlatformError(
        'http',
        `${method} ${path}: ${response.status}${parsed.success ? ` ${parsed.data.error.code}` : ''}`,
        response.status,
        parsed.success ? parsed.data.error.code : null,
        parseRetryAfter(response.headers.get('retry-after'), new Date(ended)),
        parsed.success ? (parsed.data.error.fields ?? []) : [],
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PlatformError('bad_answer', `${method} ${path}: the answer does not match the protocol`, response.status);
    return parsed.data;
  }

  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

  return {
    enrol: (platformUrl: string, request: EnrolmentRequest) =>
      exchange({ platformUrl, credential: null }, 'POST', '/v1/enrolments', EnrolmentResponseSchema, json(request)),
    /** The batch goes as it was encoded (requestBody.ts), byte for byte on every resend. */
    sendBatch: (target: PlatformTarget, request: EncodedBatchRequest) => exchange(target, 'POST', '/v1/batches', BatchResponseSchema, request.body),
    lookup: (target: PlatformTarget, ids: readonly string[]) =>
      exchange(target, 'GET', `/v1/records?ids=${ids.join(',')}`, LookupResponseSchema),
    agreements: (target: PlatformTarget, since: number) => exchange(target, 'GET', `/v1/agreements?since=${since}`, AgreementFeedResponseSchema),
    heartbeat: (target: PlatformTarget, request: HeartbeatRequest) => exchange(target, 'POST', '/v1/heartbeat', HeartbeatResponseSchema, json(request)),
  };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;
