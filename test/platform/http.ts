// What every answer of the platform shares: JSON bodies, the server-time header and field, error
// bodies with a code, and a request body read with a size limit.
import type { IncomingMessage } from 'node:http';
import { rejectionReasons, SERVER_TIME_HEADER, type ErrorCode } from '../../shared/sync';

/** A handler's answer, before the fault layer decides how (and whether) it is delivered. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Array<{ field: string; reason: string }>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorReply(error: HttpError, now: Date): Reply {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      server_time: now.toISOString(),
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    },
  };
}

/** Bytes and headers of a reply; `server_time` is stamped at serialisation, for header and body alike. */
export function serialise(reply: Reply, now: Date): { status: number; headers: Record<string, string>; bytes: Buffer } {
  const time = now.toISOString();
  const bytes = Buffer.from(JSON.stringify({ ...reply.body, server_time: time }), 'utf8');
  return {
    status: reply.status,
    bytes,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(bytes.length),
      'cache-control': 'no-store',
      [SERVER_TIME_HEADER]: time,
      ...reply.headers,
    },
  };
}

/** Reads the whole body, refusing more than `limit` bytes (413) and anything but JSON (400). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(400, 'bad_request', 'the body must be application/json');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_request', 'the body is not valid JSON');
  }
}

const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/;

/**
 * Field errors of a zod failure, as `{field, reason}` with the path joined by dots. Reasons are
 * message keys: a schema's own key where it has one, `protocol.rejected.invalid` otherwise.
 */
export function zodFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ''): Array<{ field: string; reason: string }> {
  return issues.map((issue) => ({
    field: prefix + (issue.path.map(String).join('.') || '(body)'),
    reason: MESSAGE_KEY.test(issue.message) ? issue.message : rejectionReasons.invalid,
  }));
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(String(req.headers.authorization ?? ''));
  return match?.[1] ?? null;
}
