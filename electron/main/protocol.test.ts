import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appProtocolResponse, registerAppScheme, serveAppProtocol } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const fake = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));

vi.mock('electron', () => ({ protocol: fake }));

const indexHtml = '<!doctype html><title>kiosk</title>';
const secret = 'root:x:0:0:secret outside the renderer folder';
let workDir: string;
let rendererDir: string;

beforeAll(() => {
  // The secret sits next to the renderer folder, so any traversal that escapes it would serve it.
  workDir = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'));
  rendererDir = join(workDir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), indexHtml);
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(workDir, 'secret.txt'), secret);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('appProtocolResponse', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://kiosk/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
  });

  it('serves scripts as JavaScript, with the same headers', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://kiosk/assets/index.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://kiosk/../secret.txt',
    'app://kiosk/../../etc/passwd',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/%252e%252e/secret.txt',
    'app://kiosk/%2E%2E/%2E%2E/secret.txt',
    'app://kiosk/assets/..%2f..%2fsecret.txt',
    'app://kiosk//etc/passwd',
    'app://kiosk/%2fetc%2fpasswd',
    'app://kiosk/index.html%00.png',
    'app://kiosk/%00',
    'app://kiosk/%E0%A4%A',
  ])('answers 404 to the escaping or malformed path %s', async (url) => {
    const response = await appProtocolResponse(rendererDir, url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it.each(['app://evil/index.html', 'app://kiosk.evil/index.html', 'app://kiosk:8080/index.html', 'app://evil/'])(
    'answers 404 to the foreign host of %s',
    async (url) => {
      const response = await appProtocolResponse(rendererDir, url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<title>kiosk</title>');
    },
  );

  it('answers 404 to missing files and to folders', async () => {
    expect((await appProtocolResponse(rendererDir, 'app://kiosk/missing.js')).status).toBe(404);
    expect((await appProtocolResponse(rendererDir, 'app://kiosk/assets')).status).toBe(404);
  });
});

describe('app scheme registration', () => {
  it('registers app:// as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers app:// requests from the renderer folder', async () => {
    serveAppProtocol(rendererDir);
    expect(fake.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = fake.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const ok: Response = await handler(new Request('app://kiosk/index.html'));
    expect(ok.status).toBe(200);
    const refused: Response = await handler(new Request('app://kiosk/%2e%2e%2fsecret.txt'));
    expect(refused.status).toBe(404);
  });
});
