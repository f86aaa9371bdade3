// HTTP transport to the loopback host. The start URL carries `#token=…`; it is exchanged once for
// an HttpOnly cookie and removed from the address bar, so it is neither kept nor shown again.
import type { OperationName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { KioskEvent } from '../../../shared/api/events';
import type { Transport } from './client';

const REQUEST_HEADERS = { 'Content-Type': 'application/json', 'X-Kiosk-Request': '1' };

/** Exchanges a token from the URL fragment for the session cookie; a no-op when there is none. */
export async function exchangeStartToken(location: Location, history: History): Promise<void> {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!match?.[1]) return;
  history.replaceState(null, '', location.pathname + location.search);
  const response = await fetch('/auth/session', {
    method: 'POST',
    headers: { ...REQUEST_HEADERS, Authorization: `Bearer ${match[1]}` },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

async function readEvents(listener: (event: KioskEvent) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch('/api/events', { headers: { 'X-Kiosk-Request': '1' }, credentials: 'same-origin', signal });
  if (!response.ok || !response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) listener(JSON.parse(data) as KioskEvent);
    }
  }
}

export function httpTransport(): Transport {
  return {
    async call(operation: OperationName, input: unknown): Promise<ApiResult<unknown>> {
      const response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: REQUEST_HEADERS,
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    },
    subscribe(listener) {
      const controller = new AbortController();
      readEvents(listener, controller.signal).catch(() => undefined);
      return () => controller.abort();
    },
  };
}
