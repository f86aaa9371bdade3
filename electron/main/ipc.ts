// Registers one IPC handler per contract operation. Each checks the sender frame, then hands the
// raw input to core's dispatch, which validates it; one client context per window.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { operationNames } from '../../shared/api/contract';
import { ipcChannel } from '../../shared/api/channels';
import { translate } from '../../shared/i18n';
import { newClientContext, type ClientContext } from '../core';
import type { Dispatch } from '../core/api/dispatch';
import { isTrustedSender } from './security';

export function registerApiHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, devServerUrl: string | null) {
  const clients = new Map<number, ClientContext>();
  const clientFor = (event: IpcMainInvokeEvent): ClientContext => {
    const senderId = event.sender.id;
    let client = clients.get(senderId);
    if (!client) {
      client = newClientContext();
      clients.set(senderId, client);
      // The id is read now: a destroyed webContents may no longer report it.
      event.sender.once('destroyed', () => clients.delete(senderId));
    }
    return client;
  };

  for (const operation of operationNames) {
    ipcMain.handle(ipcChannel(operation), async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return { ok: false, error: { code: 'forbidden', message: translate('zh-CN', 'errors.forbidden') } };
      }
      return dispatch(operation, input, clientFor(event));
    });
  }
}
