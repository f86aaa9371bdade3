// The loopback host: the built renderer and the API contract over HTTP on 127.0.0.1, so the kiosk
// runs in a locked-down browser and in end-to-end tests. Same core, same dispatch as Electron IPC.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/api/errors';
import { translate } from '../../shared/i18n';
import { newClientContext, type ClientContext, type KioskCore } from '../core';
import type { Logger } from '../core/platform/logger';
import {
  bearerToken,
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  secretsEqual,
  SECURITY_HEADERS,
} from './security';
import { loadStaticFile } from './staticFiles';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
const KEEPALIVE_MS = 25_000;
const DRAIN_LIMIT_MS = 5_000;

export interface HostOptions {
  core: Pick<KioskCore, 'dispatch' | 'events'>;
  staticDir: string;
  /** The per-start secret printed in the start URL. */
  token: string;
  logger: Logger;
}

export function newHostToken(): string {
  return randomBytes(32).toString('base64url');
}

const statusByCode: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  session_expired: 401,
  login_failed: 401,
  forbidden: 403,
  unknown_operation: 404,
  not_found: 404,
  setup_done: 409,
  operator_exists: 409,
  locked_out: 429,
  internal: 500,
  storage_full: 503,
  storage_readonly: 503,
  storage_busy: 503,
};

class RequestRejected extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(code);
  }
}

function send(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders });
  res.end(JSON.stringify(body));
}

function reject(res: ServerResponse, status: number, code: ErrorCode): void {
  send(res, status, { ok: false, error: { code, message: translate('zh-CN', `errors.${code}`) } });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RequestRejected(413, 'invalid_input');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestRejected(413, 'invalid_input');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestRejected(400, 'invalid_input');
  }
}

export function createHostServer({ core, staticDir, token, logger }: HostOptions) {
  const log = logger.child('host');
  /** Browser sessions by cookie value; they live as long as this start. */
  const browserClients = new Map<string, ClientContext>();
  /** Scripts that send the token themselves share one client. */
  const bearerClient = newClientContext();
  let port = 0;
  const cookieName = () => `kiosk_session_${port}`;

  /** Which client a request belongs to, or null when it proves neither the cookie nor the token. */
  function authenticate(req: IncomingMessage): { client: ClientContext; viaCookie: boolean } | null {
    const cookie = cookieValue(req.headers.cookie, cookieName());
    const fromCookie = cookie ? browserClients.get(cookie) : undefined;
    if (fromCookie) return { client: fromCookie, viaCookie: true };
    const bearer = bearerToken(req.headers.authorization);
    if (bearer && secretsEqual(bearer, token)) return { client: bearerClient, viaCookie: false };
    return null;
  }

  /** Checks every API request must pass before its body is read. */
  function guardApi(req: IncomingMessage): { client: ClientContext } {
    const origin = req.headers.origin;
    if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site') throw new RequestRejected(403, 'forbidden');
    if (req.headers['x-kiosk-request'] !== '1') throw new RequestRejected(403, 'forbidden');
    const auth = authenticate(req);
    if (!isAllowedOrigin(origin, port, auth?.viaCookie === true && req.method !== 'GET')) {
      throw new RequestRejected(403, 'forbidden');
    }
    if (!auth) throw new RequestRejected(401, 'unauthenticated');
    return auth;
  }

  async function handleApiCall(req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> {
    if (req.method !== 'POST') throw new RequestRejected(405, 'unknown_operation');
    const { client } = guardApi(req);
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      throw new RequestRejected(415, 'invalid_input');
    }
    const input = await readJsonBody(req);
    const result = await core.dispatch(operation, input, client);
    send(res, result.ok ? 200 : (statusByCode[result.error.code] ?? 400), result);
  }

  /** Exchanges the start token for an HttpOnly, SameSite=Strict cookie. */
  function handleSessionExchange(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') throw new RequestRejected(405, 'unknown_operation');
    const origin = req.headers.origin;
    if (origin === 'null' || !isAllowedOrigin(origin, port, false) || req.headers['x-kiosk-request'] !== '1') {
      throw new RequestRejected(403, 'forbidden');
    }
    const bearer = bearerToken(req.headers.authorization);
    if (!bearer || !secretsEqual(bearer, token)) throw new RequestRejected(401, 'unauthenticated');
    const sessionId = randomBytes(32).toString('base64url');
    browserClients.set(sessionId, newClientContext());
    send(res, 200, { ok: true, value: null }, {
      'Set-Cookie': `${cookieName()}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw new RequestRejected(405, 'unknown_operation');
    guardApi(req);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestRejected(405, 'unknown_operation');
    const file = await loadStaticFile(staticDir, path);
    if (!file) throw new RequestRejected(404, 'not_found');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) throw new RequestRejected(403, 'forbidden');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/auth/session') return handleSessionExchange(req, res);
    if (path === '/api/events') return handleEvents(req, res);
    if (path.startsWith('/api/')) return handleApiCall(req, res, path.slice('/api/'.length));
    return handleStatic(req, res, path);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof RequestRejected) {
        log.log('info', 'request.rejected', { status: error.status, method: req.method ?? '' });
        if (error.status === 413) {
          // Discard the rest of an oversized body so the client can read the 413, then hang up.
          res.setHeader('Connection', 'close');
          req.resume();
          setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS).unref();
        }
        if (!res.headersSent) reject(res, error.status, error.code);
        return;
      }
      log.log('error', 'request.failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) reject(res, 500, 'internal');
    });
  });

  return {
    server,
    /** Listens on 127.0.0.1 only; `requestedPort` 0 picks a free port. */
    listen(requestedPort: number): Promise<number> {
      return new Promise((resolvePort, rejectListen) => {
        server.once('error', rejectListen);
        server.listen(requestedPort, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port;
          resolvePort(port);
        });
      });
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

export type HostServer = ReturnType<typeof createHostServer>;
