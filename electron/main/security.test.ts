import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isNavigationAllowed,
  isTrustedSender,
  secureWebPreferences,
} from './security';

const devServer = 'http://localhost:5173';

/** URLs that must never count as the app, whether or not a dev server is configured. */
const foreignUrls = [
  'https://app.evil.example/',
  'https://kiosk/',
  'http://kiosk/index.html',
  'app://kiosk.evil/index.html',
  'app://evil/index.html',
  'app://evil/kiosk',
  'app://kiosk@evil/index.html',
  'app://kiosk:8080/index.html',
  'app:///kiosk/index.html',
  'app:kiosk/index.html',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'file://kiosk/index.html',
  'http://127.0.0.1:5173.evil.com/',
  'http://localhost:5173.evil.com/',
  'http://localhost.evil.com:5173/',
  'http://evil.example/?u=http://localhost:5173/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://kiosk/0b7e1e3c-0000-4000-8000-000000000000',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'kiosk',
  '',
];

describe('secureWebPreferences', () => {
  it('pins every preference of a production window', () => {
    expect(secureWebPreferences('/app/preload/index.cjs', true)).toStrictEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('differs in development only by allowing devtools', () => {
    const production = secureWebPreferences('/p.cjs', true);
    const development = secureWebPreferences('/p.cjs', false);
    expect(development.devTools).toBe(true);
    expect({ ...development, devTools: false }).toStrictEqual(production);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('lets scripts come only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('forbids plugins, base changes, form posts and being framed', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe.each([
  ['isAppUrl', isAppUrl],
  ['isNavigationAllowed', isNavigationAllowed],
] as const)('%s', (_name, allows) => {
  it('accepts the page of app://kiosk, with any hash route', () => {
    for (const url of [`${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/index.html#/list`, `${APP_ORIGIN}/#/agreement`]) {
      expect(allows(url, null), url).toBe(true);
    }
  });

  it('refuses every other scheme, host and look-alike', () => {
    for (const url of foreignUrls) {
      expect(allows(url, null), url).toBe(false);
      expect(allows(url, devServer), `${url} with a dev server`).toBe(false);
    }
  });

  it('refuses the dev server origin when none is configured', () => {
    expect(allows('http://localhost:5173/', null)).toBe(false);
    expect(allows('http://127.0.0.1:5173/', null)).toBe(false);
  });

  it('accepts exactly the configured dev server origin', () => {
    expect(allows('http://localhost:5173/', devServer)).toBe(true);
    expect(allows('http://localhost:5173/src/main.tsx', devServer)).toBe(true);
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'ws://localhost:5173/']) {
      expect(allows(url, devServer), url).toBe(false);
    }
  });

  it('never trusts a dev server that is not on loopback', () => {
    expect(allows('https://dev.example.com/', 'https://dev.example.com')).toBe(false);
    expect(allows('http://192.168.1.10:5173/', 'http://192.168.1.10:5173')).toBe(false);
  });

  it('refuses, rather than throws, when the dev server URL is malformed', () => {
    expect(allows('https://evil.example/', 'not a url')).toBe(false);
    expect(allows(`${APP_ORIGIN}/index.html`, 'not a url')).toBe(true);
  });

  it('refuses a missing URL', () => {
    expect(allows('', devServer)).toBe(false);
  });
});

describe('isAppUrl and isNavigationAllowed on other app:// paths', () => {
  const otherPaths = [
    `${APP_ORIGIN}/assets/index.js?v=1`,
    `${APP_ORIGIN}/missing.html`,
    `${APP_ORIGIN}/../../etc/passwd`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}//etc/passwd`,
    `${APP_ORIGIN}/index.html/..%2f..%2fetc%2fpasswd`,
  ];

  it('counts them as the app (same origin) for the IPC sender check', () => {
    for (const url of otherPaths) expect(isAppUrl(url, null), url).toBe(true);
  });

  it('never navigates to them: the kiosk would be left on a dead page', () => {
    for (const url of otherPaths) expect(isNavigationAllowed(url, null), url).toBe(false);
  });

  it('lets the dev server navigate within itself, where Vite reloads any path', () => {
    expect(isNavigationAllowed('http://localhost:5173/src/main.tsx', devServer)).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const topFrame = (url: string) => ({ url, parent: null });

  it('refuses a sender frame that is gone (null or undefined)', () => {
    expect(isTrustedSender(null, null)).toBe(false);
    expect(isTrustedSender(undefined, devServer)).toBe(false);
  });

  it('refuses a subframe even when it shows an app page', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: topFrame(`${APP_ORIGIN}/index.html`) }, null)).toBe(false);
  });

  it('refuses a top frame showing a foreign page', () => {
    for (const url of foreignUrls) expect(isTrustedSender(topFrame(url), devServer), url).toBe(false);
  });

  it('accepts the top frame of the app', () => {
    expect(isTrustedSender(topFrame(`${APP_ORIGIN}/index.html`), null)).toBe(true);
  });

  it('accepts the dev server top frame only when it is configured', () => {
    expect(isTrustedSender(topFrame('http://localhost:5173/'), devServer)).toBe(true);
    expect(isTrustedSender(topFrame('http://localhost:5173/'), null)).toBe(false);
  });
});
