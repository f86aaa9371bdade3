// Request checks for the loopback host (standards.md, "Loopback host"): the exact Host allowlist
// against DNS rebinding, Origin checks against CSRF and cross-site stream hijacking, and a
// constant-time token comparison. Pure functions, unit-tested.
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createHash, timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header must name this server exactly: a rebinding domain still shows its own name. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * Origin must be this server when present; `null` (sandboxed frames, file pages, redirects) is
 * never ours. Browsers omit Origin only on same-origin GETs, so `requirePresent` is set for
 * cookie-authenticated state changes.
 */
export function isAllowedOrigin(origin: string | undefined, port: number, requirePresent: boolean): boolean {
  if (origin === undefined) return !requirePresent;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/** Compares secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  return match?.[1] ?? null;
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}


export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
