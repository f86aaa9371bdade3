import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest, startTestHost, type TestHost } from '../../test/support/host';
import { newHostToken } from './server';

function hostValues(port: number): string[] {
  const names = [
    '127.0.0.2', '127.1', '0.0.0.0', '0', '[::1]', '[::ffff:127.0.0.1]', '2130706433', '0x7f000001', '017700000001',
    'localhost.', 'localhost.evil.example', 'evil.example', 'attacker.localhost', 'sub.localhost', '127.0.0.1.nip.io',
    'localtest.me', 'kiosk.local', 'my-kiosk', 'example.com', 'xn--lcalhost-9za',
    'localhost%00', '127.0.0.1@evil.example', 'evil.example#127.0.0.1', 'evil.example?127.0.0.1', '127.0.0.1.',
    '127.000.000.001', '10.0.0.1', '192.168.1.10', '169.254.169.254', 'metadata.google.internal', 'host.docker.internal',
  ];
  const values = names.flatMap((name) => [name, `${name}:${port}`]);
  values.push(`127.0.0.1:${port + 1}`, `localhost:${port + 1}`, `127.0.0.1:0${port}`, `127.0.0.1:${port}:${port}`);
  values.push(`127.0.0.1`, `localhost`, `127.0.0.1:80`, `localhost:80`);
  return [...new Set(values)];
}

describe('the loopback host', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost();
  });
  afterEach(() => host.close());

  it('answers only requests whose Host header names it exactly', async () => {
    const refused = hostValues(host.port);
    expect(refused.length).toBeGreaterThanOrEqual(50);
    for (const value of refused) {
      for (const path of ['/', '/api/session.status']) {
        const response = await rawRequest(host.port, path, {
          method: path === '/' ? 'GET' : 'POST',
          headers: { ...host.bearerHeaders(), Host: value },
          body: path === '/' ? undefined : '{}',
        });
        expect(response.status, `Host: ${JSON.stringify(value)}`).toBe(403);
      }
    }
    for (const allowed of [`127.0.0.1:${host.port}`, `localhost:${host.port}`, `LOCALHOST:${host.port}`]) {
      const response = await host.api('session.status', {}, { ...host.bearerHeaders(), Host: allowed });
      expect(response.status, allowed).toBe(200);
    }
  });

  it('refuses a request without the Host header', async () => {
    // Node's HTTP parser already answers 400 to an HTTP/1.1 request without Host.
    const response = await rawRequest(host.port, '/', { setHost: false });
    expect([400, 403]).toContain(response.status);
    expect(response.body).not.toContain('<title>kiosk</title>');
  });

  it('refuses missing, wrong and old tokens with 401', async () => {
    const base = { 'Content-Type': 'application/json', 'X-Kiosk-Request': '1' };
    const oldToken = newHostToken();
    const attempts: Record<string, string>[] = [
      base,
      { ...base, Authorization: `Bearer ${oldToken}` },
      { ...base, Authorization: `Bearer ${host.token.slice(0, -1)}x` },
      { ...base, Authorization: `Bearer ${host.token}${host.token}` },
      { ...base, Authorization: host.token },
      { ...base, Authorization: `Basic ${host.token}` },
      { ...base, Cookie: `kiosk_session_${host.port}=${host.token}` },
    ];
    for (const headers of attempts) {
      expect((await host.api('session.status', {}, headers)).status).toBe(401);
      const exchange = await rawRequest(host.port, '/auth/session', { method: 'POST', headers });
      expect(exchange.status).toBe(401);
      expect(exchange.headers['set-cookie']).toBeUndefined();
    }
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie that then authenticates the browser', async () => {
    const response = await rawRequest(host.port, '/auth/session', {
      method: 'POST',
      headers: { 'X-Kiosk-Request': '1', Origin: host.origin, Authorization: `Bearer ${host.token}` },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(host.token);
    const status = await host.api('session.status', {}, await host.browserHeaders());
    expect(status.json()).toMatchObject({ ok: true });
  });

  it('refuses a foreign or null Origin on state changes and on the event stream', async () => {
    const browser = await host.browserHeaders();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      expect((await host.api('session.status', {}, { ...browser, Origin: origin })).status, origin).toBe(403);
      expect((await host.api('session.status', {}, { ...host.bearerHeaders(), Origin: origin })).status, origin).toBe(403);
      const events = await rawRequest(host.port, '/api/events', { headers: { ...browser, Origin: origin } });
      expect(events.status, origin).toBe(403);
    }
    const { Origin: _origin, ...withoutOrigin } = browser;
    expect((await host.api('session.status', {}, withoutOrigin)).status).toBe(403);
    const crossSite = await host.api('session.status', {}, { ...browser, 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('requires the custom request header and a JSON body', async () => {
    const { 'X-Kiosk-Request': _header, ...withoutHeader } = host.bearerHeaders();
    expect((await host.api('session.status', {}, withoutHeader)).status).toBe(403);
    const form = await host.api('session.status', {}, { ...host.bearerHeaders(), 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    const get = await rawRequest(host.port, '/api/session.status', { headers: host.bearerHeaders() });
    expect(get.status).toBe(405);
  });

  it('refuses a 10 MB body with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024) });
    const response = await rawRequest(host.port, '/api/session.status', { method: 'POST', headers: host.bearerHeaders(), body });
    expect(response.status).toBe(413);
  });

  it('sends no CORS headers, and sends CSP and nosniff', async () => {
    const responses = [
      await rawRequest(host.port, '/', { headers: { Origin: 'http://evil.example' } }),
      await host.api('session.status', {}, host.bearerHeaders()),
      await rawRequest(host.port, '/api/session.status', {
        method: 'OPTIONS',
        headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
      }),
    ];
    for (const response of responses) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    expect(responses[0]?.status).toBe(200);
  });

  it('refuses path traversal when serving the UI', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/index.html%00.js']) {
      const response = await rawRequest(host.port, path);
      expect(response.status, path).toBe(404);
    }
  });

  it('streams queue changes to an authenticated page', async () => {
    const browser = await host.browserHeaders();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: browser }, (res) => {
        expect(res.statusCode).toBe(200);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (chunk.includes('queue.changed')) {
            resolve(chunk);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    host.kiosk.core.events.emit({ type: 'queue.changed', stats: host.kiosk.core.registrations.stats() });
    expect(await received).toContain('"type":"queue.changed"');
  });

  it('never writes the token to the log', async () => {
    await host.api('session.status', {}, host.bearerHeaders());
    await host.api('session.status', {}, { ...host.bearerHeaders(), Authorization: 'Bearer wrongwrongwrongwrong' });
    expect(host.kiosk.logLines.join('\n')).not.toContain(host.token);
  });
});
