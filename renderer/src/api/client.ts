// The renderer's API client, typed from the shared contract: it cannot name an operation that does
// not exist or pass the wrong shape. The transport is Electron's preload bridge when present,
// otherwise HTTP to the loopback host.
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { KioskEvent } from '../../../shared/api/events';

export interface Transport {
  call(operation: OperationName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

export interface ApiClient {
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<ApiResult<OperationOutput<K>>>;
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (operation, input) =>
      transport.call(operation, input) as Promise<ApiResult<OperationOutput<typeof operation>>>,
    subscribe: (listener) => transport.subscribe(listener),
  };
}
