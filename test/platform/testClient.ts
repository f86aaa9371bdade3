// A plain node:http client for the platform's tests: it reports exactly what happened on the wire
// (an answer, a reset, or silence until its timeout), which fetch would blur into "fetch failed".
import { request } from 'node:http';

export type Exchange =
  | { kind: 'answer'; status: number; headers: Record<string, string | string[] | undefined>; text: string; json: Record<string, unknown>; chunks: number }
  | { kind: 'reset'; code: string }
  /** No complete answer in time; `status` when the head had come (a body still arriving). */
  | { kind: 'timeout'; status: number | null; bytes: number };

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Gives up (and closes the socket) after this long without a complete answer. */
  timeoutMs?: number;
}

export function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const req = request(`${base}${path}`, {
      method,
      agent: false,
      headers: {
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    let status: number | null = null;
    let bytes = 0;
    const timer = setTimeout(() => {
      resolve({ kind: 'timeout', status, bytes });
      req.destroy();
    }, options.timeoutMs ?? 10_000);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ kind: 'reset', code: error.code ?? error.message });
    });
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        chunks.push(chunk);
      });
      res.on('error', () => undefined);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // Left empty: the test looks at `text` when it expects something else.
        }
        resolve({ kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, text, json, chunks: chunks.length });
      });
    });
    req.end(payload);
  });
}

/** The answer, or a test failure naming what came instead. */
export function answer(exchange: Exchange): Extract<Exchange, { kind: 'answer' }> {
  if (exchange.kind !== 'answer') throw new Error(`expected an answer, got ${exchange.kind}${exchange.kind === 'reset' ? ` (${exchange.code})` : ''}`);
  return exchange;
}
