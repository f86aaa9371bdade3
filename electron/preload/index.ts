// Exposes exactly one object, window.kiosk: one function per contract operation and an event
// subscription. Never ipcRenderer itself, never a generic invoke, never the raw IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { operationNames } from '../../shared/api/contract';
import { EVENT_CHANNEL, ipcChannel } from '../../shared/api/channels';
import type { KioskEvent } from '../../shared/api/events';

export function buildBridge(invoke: (channel: string, input: unknown) => Promise<unknown>) {
  const api = Object.fromEntries(
    operationNames.map((operation) => [operation, (input: unknown) => invoke(ipcChannel(operation), input)]),
  );
  return {
    api: Object.freeze(api),
    onEvent(listener: (event: KioskEvent) => void): () => void {
      const forward = (_event: IpcRendererEvent, payload: KioskEvent) => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(
  'kiosk',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
