import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../shared/api/contract';
import { EVENT_CHANNEL, ipcChannel } from '../../shared/api/channels';
import type { KioskEvent } from '../../shared/api/events';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  // Stands in for Electron's ipcRenderer: invoke answers with a marker, listeners are kept per channel.
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((existing) => existing !== listener));
      return ipcRenderer;
    }),
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener(...args);
    },
    listenerCount(channel: string) {
      return listeners.get(channel)?.length ?? 0;
    },
    removeAllListeners() {
      listeners.clear();
    },
  };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  return { ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({ ipcRenderer: fake.ipcRenderer, contextBridge: fake.contextBridge }));

interface ExposedKiosk {
  api: Record<string, (input: unknown) => Promise<unknown>>;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
}

async function loadPreload(): Promise<{ key: unknown; kiosk: ExposedKiosk }> {
  vi.resetModules();
  fake.contextBridge.exposeInMainWorld.mockClear();
  await import('./index');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, kiosk] = fake.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  return { key, kiosk };
}

/** Every value reachable from the exposed object, with the path that reaches it. */
function reachable(value: unknown, path = 'kiosk', seen = new Set<unknown>()): [string, unknown][] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([key, child]) => [
    [`${path}.${key}`, child] as [string, unknown],
    ...reachable(child, `${path}.${key}`, seen),
  ]);
}

const queueChanged: KioskEvent = {
  type: 'queue.changed',
  stats: {
    byState: { finalized: 0, queued: 3, sending: 0, accepted: 0, duplicate: 0, quarantined: 0, discarded: 0, purged: 0 },
    total: 3,
  },
};

describe('the preload bridge', () => {
  let kiosk: ExposedKiosk;

  beforeEach(async () => {
    vi.clearAllMocks();
    fake.ipcRenderer.removeAllListeners();
    const loaded = await loadPreload();
    expect(loaded.key).toBe('kiosk');
    kiosk = loaded.kiosk;
  });

  it('exposes exactly one object, window.kiosk, with an api and an event subscription', () => {
    expect(Object.keys(kiosk).sort()).toEqual(['api', 'onEvent']);
    expect(typeof kiosk.onEvent).toBe('function');
  });

  it('offers exactly the contract operations, and the page cannot add any', () => {
    expect(Object.keys(kiosk.api).sort()).toEqual([...operationNames].sort());
    expect(Object.isFrozen(kiosk.api)).toBe(true);
  });

  it('sends each operation on its own channel with the input as given', async () => {
    for (const name of operationNames) {
      const input = { probe: name };
      const operation = kiosk.api[name];
      expect(operation, name).toBeTypeOf('function');
      await expect(operation?.(input)).resolves.toEqual({ ok: true, value: { channel: ipcChannel(name), input } });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(name), input);
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(operationNames.length);
  });

  it('passes nothing but the channel and the input, whatever the page adds', async () => {
    const call: (...args: unknown[]) => Promise<unknown> = kiosk.api['session.status'] ?? (() => Promise.resolve());
    await call({}, 'api:operators.add', { role: 'it_admin' });
    expect(fake.ipcRenderer.invoke.mock.calls[0]).toEqual([ipcChannel('session.status'), {}]);
  });

  it('exposes neither ipcRenderer nor a generic invoke or send', () => {
    const ipcFunctions = new Set<unknown>([
      fake.ipcRenderer,
      fake.ipcRenderer.invoke,
      fake.ipcRenderer.send,
      fake.ipcRenderer.sendSync,
      fake.ipcRenderer.on,
      fake.ipcRenderer.removeListener,
    ]);
    for (const [path, value] of reachable(kiosk)) {
      expect(ipcFunctions.has(value), path).toBe(false);
      expect(path, path).not.toMatch(/\.(ipcRenderer|invoke|send|sendSync|on|postMessage)$/i);
    }
    for (const name of ['invoke', 'send', 'ipcRenderer', 'ipc']) expect(kiosk).not.toHaveProperty(name);
  });

  it('hands the listener only the event payload, never the raw IPC event', () => {
    const received: unknown[][] = [];
    kiosk.onEvent((...args) => received.push(args));
    const rawIpcEvent = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
    fake.ipcRenderer.emit(EVENT_CHANNEL, rawIpcEvent, queueChanged);
    expect(received).toEqual([[queueChanged]]);
    expect(received[0]?.[0]).not.toHaveProperty('sender');
  });

  it('listens only on the event channel', () => {
    const listener = vi.fn();
    kiosk.onEvent(listener);
    expect(fake.ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, expect.any(Function));
    fake.ipcRenderer.emit(ipcChannel('session.status'), {}, queueChanged);
    expect(listener).not.toHaveBeenCalled();
  });

  it('returns an unsubscribe that removes exactly that listener', () => {
    const kept = vi.fn();
    const dropped = vi.fn();
    kiosk.onEvent(kept);
    const unsubscribe = kiosk.onEvent(dropped);
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(2);

    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    fake.ipcRenderer.emit(EVENT_CHANNEL, {}, queueChanged);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledExactlyOnceWith(queueChanged);
  });
});
