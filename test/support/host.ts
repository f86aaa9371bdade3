// An in-process loopback host over a test core, and a raw HTTP client that can send any header
// (fetch would refuse to set Host).
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createHostServer, newHostToken } from '../../electron/host/server';
import { createTestCore, type TestCore } from './core';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): unknown;
}

export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; setHost?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        setHost: options.setHost ?? true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface TestHost {
  kiosk: TestCore;
  port: number;
  token: string;
  origin: string;
  /** Headers a legitimate script client sends. */
  bearerHeaders(): Record<string, string>;
  /** Exchanges the token for a browser cookie and returns the headers a page would send. */
  browserHeaders(): Promise<Record<string, string>>;
  api(operation: string, input: unknown, headers: Record<string, string>): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startTestHost(kiosk: TestCore = createTestCore()): Promise<TestHost> {
  const staticDir = join(kiosk.dataDir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const token = newHostToken();
  const host = createHostServer({ core: kiosk.core, staticDir, token, logger: kiosk.core.logger });
  const port = await host.listen(0);
  const origin = `http://127.0.0.1:${port}`;
  const base = { 'Content-Type': 'application/json', 'X-Kiosk-Request': '1' };
  return {
    kiosk,
    port,
    token,
    origin,
    bearerHeaders: () => ({ ...base, Authorization: `Bearer ${token}` }),
    async browserHeaders() {
      const response = await rawRequest(port, '/auth/session', {
        method: 'POST',
        headers: { ...base, Origin: origin, Authorization: `Bearer ${token}` },
      });
      const setCookie = response.headers['set-cookie']?.[0] ?? '';
      return { ...base, Origin: origin, Cookie: setCookie.split(';')[0] ?? '' };
    },
    api: (operation, input, headers) =>
      rawRequest(port, `/api/${operation}`, { method: 'POST', headers, body: JSON.stringify(input) }),
    async close() {
      await host.close();
      kiosk.dispose();
    },
  };
}
