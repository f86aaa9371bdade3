import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../shared/api/contract';
import { ipcChannel } from '../../shared/api/channels';
import { defaultLocale } from '../../shared/i18n/catalog';
import type { ClientContext } from '../core';
import type { Dispatch } from '../core/api/dispatch';
import { registerApiHandlers } from './ipc';
import { APP_ORIGIN } from './security';

type InvokeHandler = Parameters<IpcMain['handle']>[1];

/** Records registrations and, like Electron's ipcMain, refuses a second handler for a channel. */
function fakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
  return { ipcMain, handlers };
}

/** A window's webContents as far as the IPC layer uses it: an id and its 'destroyed' event. */
class FakeWebContents {
  private readonly destroyedListeners: (() => void)[] = [];
  constructor(readonly id: number) {}
  once(event: string, listener: () => void) {
    if (event === 'destroyed') this.destroyedListeners.push(listener);
    return this;
  }
  get destroyedListenerCount() {
    return this.destroyedListeners.length;
  }
  destroy() {
    for (const listener of this.destroyedListeners.splice(0)) listener();
  }
}

type SenderFrame = { url: string; parent: SenderFrame | null } | null;

function invokeEvent(sender: FakeWebContents, senderFrame: SenderFrame): IpcMainInvokeEvent {
  // Only sender and senderFrame are read by the handlers; the rest of the Electron event is absent.
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

const appFrame = (): SenderFrame => ({ url: `${APP_ORIGIN}/index.html`, parent: null });

describe('registerApiHandlers', () => {
  let handlers: Map<string, InvokeHandler>;
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>;

  const call = (operation: string, event: IpcMainInvokeEvent, input: unknown) => {
    const handler = handlers.get(operation);
    if (!handler) throw new Error(`no handler for ${operation}`);
    return handler(event, input);
  };

  beforeEach(() => {
    const fake = fakeIpcMain();
    handlers = fake.handlers;
    dispatch = vi.fn<Dispatch>(async (operation) => ({ ok: true, value: { operation } }));
    registerApiHandlers(fake.ipcMain, dispatch, null);
  });

  it('registers one handler per contract operation, on the channel named by ipcChannel', () => {
    expect([...handlers.keys()].sort()).toEqual(operationNames.map((name) => ipcChannel(name)).sort());
    expect(handlers.size).toBe(operationNames.length);
    expect(operationNames.length).toBeGreaterThan(0);
  });

  it('answers a sender whose frame is gone with forbidden and never dispatches', async () => {
    const result = await call(ipcChannel('session.status'), invokeEvent(new FakeWebContents(1), null), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a frame showing a foreign page with forbidden and never dispatches', async () => {
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///etc/passwd', 'about:blank']) {
      const result = await call(ipcChannel('session.login'), invokeEvent(new FakeWebContents(1), { url, parent: null }), {
        staffId: 'it01',
        pin: '246810',
      });
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers an app page inside a subframe with forbidden', async () => {
    const frame: SenderFrame = { url: `${APP_ORIGIN}/index.html`, parent: appFrame() };
    const result = await call(ipcChannel('queue.stats'), invokeEvent(new FakeWebContents(1), frame), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('tells the refused caller in words what happened', async () => {
    const result = await call(ipcChannel('queue.stats'), invokeEvent(new FakeWebContents(1), null), {});
    expect(result).toMatchObject({ error: { message: expect.stringMatching(/\S/) } });
  });

  it('hands the app frame\'s raw input to dispatch and returns its result unchanged', async () => {
    const input = { staffId: 'it01', pin: '246810', unexpected: ['kept for dispatch to reject'] };
    const result = await call(ipcChannel('session.login'), invokeEvent(new FakeWebContents(1), appFrame()), input);
    expect(dispatch).toHaveBeenCalledTimes(1);
    const [operation, received] = dispatch.mock.calls[0] ?? [];
    expect(operation).toBe('session.login');
    expect(received).toBe(input);
    expect(result).toEqual({ ok: true, value: { operation: 'session.login' } });
  });

  it('dispatches every operation under its own name', async () => {
    for (const name of operationNames) await call(ipcChannel(name), invokeEvent(new FakeWebContents(1), appFrame()), {});
    expect(dispatch.mock.calls.map(([operation]) => operation)).toEqual(operationNames);
  });

  it('keeps one client context per window', async () => {
    const first = new FakeWebContents(1);
    const second = new FakeWebContents(2);
    await call(ipcChannel('session.status'), invokeEvent(first, appFrame()), {});
    await call(ipcChannel('queue.stats'), invokeEvent(first, appFrame()), {});
    await call(ipcChannel('session.status'), invokeEvent(second, appFrame()), {});
    const contexts = dispatch.mock.calls.map(([, , client]) => client);
    expect(contexts[0]).toBe(contexts[1]);
    expect(contexts[2]).not.toBe(contexts[0]);
    expect(contexts[0]).toEqual({ locale: defaultLocale, sessionId: null } satisfies ClientContext);
    expect(first.destroyedListenerCount).toBe(1);
  });

  it('forgets a window\'s context, and so its session, when the window is destroyed', async () => {
    const window = new FakeWebContents(7);
    await call(ipcChannel('session.status'), invokeEvent(window, appFrame()), {});
    const before = dispatch.mock.calls[0]?.[2];
    if (before) before.sessionId = 'session-of-the-closed-window';
    window.destroy();
    await call(ipcChannel('session.status'), invokeEvent(window, appFrame()), {});
    const after = dispatch.mock.calls[1]?.[2];
    expect(after).not.toBe(before);
    expect(after?.sessionId).toBeNull();
  });
});

describe('registerApiHandlers with a dev server', () => {
  it('accepts the configured dev server page and still refuses foreign pages', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }));
    registerApiHandlers(ipcMain, dispatch, 'http://localhost:5173');
    const handler = handlers.get(ipcChannel('session.status'));
    const sender = new FakeWebContents(1);
    await handler?.(invokeEvent(sender, { url: 'http://localhost:5173/', parent: null }), {});
    const refused = await handler?.(invokeEvent(sender, { url: 'http://localhost:5174/', parent: null }), {});
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
