// The object the Electron preload exposes as window.kiosk: one function per contract operation and
// an event subscription that returns its unsubscribe function.
import type { OperationName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { KioskEvent } from '../../../shared/api/events';
import type { Transport } from './client';

export interface KioskBridge {
  api: Readonly<Record<OperationName, (input: unknown) => Promise<ApiResult<unknown>>>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export function bridgeTransport(bridge: KioskBridge): Transport {
  return {
    call: (operation, input) => bridge.api[operation](input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
