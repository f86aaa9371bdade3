// The reference central platform: node:http on 127.0.0.1, its own SQLite, the sync protocol of
// docs/sync-protocol.md, and fault injection on every kiosk route. Tests, benchmarks and pilots
// start it with `startPlatform` (or `npm run platform`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AgreementFeedQuerySchema,
  BatchRequestSchema,
  EnrolmentRequestSchema,
  HeartbeatRequestSchema,
  limits,
  LookupQuerySchema,
  PublishAgreementRequestSchema,
  SetFaultsRequestSchema,
} from '../../shared/sync';
import type { z } from 'zod';
import { ensureAdminToken, isAdminToken } from './adminToken';
import { listHeartbeats, listRecords, listWithdrawals } from './adminQueries';
import { agreementFeed, publishAgreement, publishedAgreementHash } from './agreements';
import { isBatchStored, prepareBatch, receiveBatch, type BatchContext } from './batches';
import { openPlatformDb, type PlatformDb } from './db';
import { authenticate, enrol, issueEnrolmentCode } from './enrolment';
import { FaultInjector, FaultSpecError, parseFaultSpec, type FaultKind, type FaultRoute } from './faults';
import { bearerToken, errorReply, HttpError, readJsonBody, serialise, zodFields, type Reply } from './http';
import { ensurePlatformIdentity, type PlatformIdentity } from './identity';
import { heldRecords, receiveHeartbeat } from './kioskQueries';
import { verifyAhead } from './signatures';
import type { RouteKey } from './routes';

export interface PlatformClock {
  now(): Date;
}

export interface PlatformOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fault spec (faults.ts); none by default. */
  faults?: string;
  clock?: PlatformClock;
}

export interface PlatformServer {
  url: string;
  port: number;
  adminToken: string;
  identity: PlatformIdentity;
  db: PlatformDb;
  faults: FaultInjector;
  /** A one-time enrolment code, as `npm run platform -- enrol-code` prints it. */
  enrolmentCode(): string;
  close(): Promise<void>;
}

interface Route {
  method: string;
  /** Faults apply to kiosk routes only; admin routes are how tests look at the result. */
  fault: FaultRoute | null;
  handle(request: { req: IncomingMessage; url: URL; body: unknown; now: Date }): Reply | Promise<Reply>;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'the request does not match the protocol', zodFields(parsed.error.issues));
  return parsed.data;
}

const ERROR_FAULTS: Partial<Record<FaultKind, { status: number; code: 'internal' | 'unavailable' | 'rate_limited' }>> = {
  '500': { status: 500, code: 'internal' },
  '503': { status: 503, code: 'unavailable' },
  '429': { status: 429, code: 'rate_limited' },
};

export async function startPlatform(options: PlatformOptions): Promise<PlatformServer> {
  const clock = options.clock ?? { now: () => new Date() };
  const db = openPlatformDb(options.dataDir);
  const identity = ensurePlatformIdentity(db, clock.now());
  const adminToken = ensureAdminToken(options.dataDir);
  const faults = new FaultInjector(parseFaultSpec(options.faults ?? ''));
  const batchContext: BatchContext = { db, identity, publishedAgreement: publishedAgreementHash(db) };
  const timers = new Set<NodeJS.Timeout>();

  const kiosk = (req: IncomingMessage) => authenticate(db, bearerToken(req));
  const admin = (req: IncomingMessage) => {
    if (!isAdminToken(adminToken, bearerToken(req))) throw new HttpError(401, 'unauthorized', 'the admin token is required', undefined, { 'www-authenticate': 'Bearer' });
  };

  const routes: Record<RouteKey, Route> = {
    'POST /v1/enrolments': { method: 'POST', fault: 'enrolments', handle: ({ body, now }) => enrol(db, identity, parse(EnrolmentRequestSchema, body), now) },
    'POST /v1/batches': {
      method: 'POST',
      fault: 'batches',
      handle: async ({ req, body, now }) => {
        const sender = kiosk(req);
        const request = parse(BatchRequestSchema, body);
        // A resend is answered from the stored receipt: nothing to verify then. Otherwise the
        // signatures go to the thread pool, and this thread does the rest of the checks that need
        // no database meanwhile.
        const verifying = isBatchStored(db, request.batch_id) ? undefined : verifyAhead(sender.publicKey, request.records);
        const prepared = prepareBatch(request);
        return receiveBatch(batchContext, sender, request, now, await verifying, prepared);
      },
    },
    'GET /v1/records': {
      method: 'GET',
      fault: 'records',
      handle: ({ req, url }) => heldRecords(db, kiosk(req), parse(LookupQuerySchema, { ids: url.searchParams.get('ids') ?? '' }).ids),
    },
    'GET /v1/agreements': {
      method: 'GET',
      fault: 'agreements',
      handle: ({ req, url }) => {
        kiosk(req);
        return agreementFeed(db, identity, parse(AgreementFeedQuerySchema, { since: url.searchParams.get('since') ?? undefined }).since);
      },
    },
    'POST /v1/heartbeat': {
      method: 'POST',
      fault: 'heartbeat',
      handle: ({ req, body, now }) => receiveHeartbeat(db, kiosk(req), parse(HeartbeatRequestSchema, body), now),
    },
    'GET /v1/admin/records': { method: 'GET', fault: null, handle: ({ req, url }) => (admin(req), listRecords(db, url.searchParams)) },
    'GET /v1/admin/withdrawals': { method: 'GET', fault: null, handle: ({ req }) => (admin(req), listWithdrawals(db)) },
    'GET /v1/admin/heartbeats': { method: 'GET', fault: null, handle: ({ req }) => (admin(req), listHeartbeats(db)) },
    'POST /v1/admin/enrolment-codes': {
      method: 'POST',
      fault: null,
      handle: ({ req, now }) => (admin(req), { status: 201, body: { code: issueEnrolmentCode(db, now) } }),
    },
    'POST /v1/admin/agreements': {
      method: 'POST',
      fault: null,
      handle: ({ req, body, now }) => (admin(req), publishAgreement(db, identity, parse(PublishAgreementRequestSchema, body), now)),
    },
    'GET /v1/admin/faults': { method: 'GET', fault: null, handle: ({ req }) => (admin(req), faultsState()) },
    'PUT /v1/admin/faults': {
      method: 'PUT',
      fault: null,
      handle: ({ req, body }) => {
        admin(req);
        const { spec } = parse(SetFaultsRequestSchema, body);
        try {
          faults.replace(parseFaultSpec(spec));
        } catch (error) {
          if (error instanceof FaultSpecError) throw new HttpError(400, 'bad_request', error.message);
          throw error;
        }
        return faultsState();
      },
    },
  };

  function faultsState(): Reply {
    return { status: 200, body: { spec: faults.plan.spec, injected: Object.fromEntries(faults.injected), requests: faults.requests } };
  }

  function later(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  async function run(route: Route, req: IncomingMessage, url: URL, body: unknown): Promise<Reply> {
    const now = clock.now();
    try {
      return await route.handle({ req, url, body, now });
    } catch (error) {
      if (error instanceof HttpError) return errorReply(error, now);
      process.stderr.write(`platform: ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return errorReply(new HttpError(500, 'internal', 'the platform failed', undefined, { 'retry-after': String(faults.plan.retryAfterS) }), now);
    }
  }

  function send(res: ServerResponse, reply: Reply): void {
    const { status, headers, bytes } = serialise(reply, clock.now());
    res.writeHead(status, headers).end(bytes);
  }

  /** Sends the body in ten pieces spread over `slowMs`; stops if the client went away. */
  async function sendSlowly(res: ServerResponse, reply: Reply): Promise<void> {
    const { status, headers, bytes } = serialise(reply, clock.now());
    res.writeHead(status, headers);
    res.flushHeaders();
    const pieces = 10;
    const size = Math.ceil(bytes.length / pieces);
    for (let i = 0; i < pieces; i += 1) {
      await later(faults.plan.slowMs / pieces);
      if (res.destroyed) return;
      res.write(bytes.subarray(i * size, (i + 1) * size));
    }
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${req.method ?? 'GET'} ${url.pathname}`;
    const route = (routes as Record<string, Route | undefined>)[key];
    if (!route) {
      const known = Object.keys(routes).some((name) => name.endsWith(` ${url.pathname}`));
      req.resume();
      send(res, errorReply(known ? new HttpError(405, 'method_not_allowed', 'method not allowed') : new HttpError(404, 'not_found', 'no such route'), clock.now()));
      return;
    }
    const fault = route.fault ? faults.draw(route.fault) : null;
    let body: unknown = null;
    if (route.method !== 'GET') {
      try {
        body = await readJsonBody(req, limits.maxRequestBytes);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        res.setHeader('connection', 'close');
        send(res, errorReply(error, clock.now()));
        return;
      }
    }
    const errorFault = fault ? ERROR_FAULTS[fault] : undefined;
    if (errorFault) {
      const retryAfter = String(faults.plan.retryAfterS);
      send(res, errorReply(new HttpError(errorFault.status, errorFault.code, 'injected fault', undefined, { 'retry-after': retryAfter }), clock.now()));
      return;
    }
    if (fault === 'reset-before') {
      req.socket.destroy();
      return;
    }
    if (fault === 'delay') await later(faults.plan.delayMs);
    let reply = await run(route, req, url, body);
    if (fault === 'duplicate') reply = await run(route, req, url, body);
    if (fault === 'reset-after') {
      req.socket.destroy();
      return;
    }
    // Committed, and no answer ever comes: the socket stays open until the client gives up.
    if (fault === 'drop-after-commit') return;
    if (fault === 'slow-body') return sendSlowly(res, reply);
    if (res.destroyed) return;
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`platform: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!res.headersSent) send(res, errorReply(new HttpError(500, 'internal', 'the platform failed'), clock.now()));
      else res.destroy();
    });
  });
  // Node's default would cut a slow upload of a large batch; the kiosk has its own timeouts.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken,
    identity,
    db,
    faults,
    enrolmentCode: () => issueEnrolmentCode(db, clock.now()),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
