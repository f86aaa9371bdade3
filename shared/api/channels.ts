// IPC channel names, defined once: one channel per contract operation, one for push events.
import type { OperationName } from './contract';

export const EVENT_CHANNEL = 'kiosk:event';

export function ipcChannel(operation: OperationName): `api:${OperationName}` {
  return `api:${operation}`;
}
