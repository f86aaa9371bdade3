// Renders a screen with i18n and a scripted transport in place of the kiosk service.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { OperationName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { createApiClient } from '../src/api/client';
import { initI18n } from '../src/i18n';
import { KioskTheme } from '../src/KioskTheme';
import { useSession } from '../src/store/session';

export type Responder = (operation: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

export async function renderScreen(screen: ReactElement, respond: Responder) {
  await initI18n('zh-CN');
  const calls: { operation: OperationName; input: unknown }[] = [];
  useSession.getState().attach(
    createApiClient({
      call: (operation, input) => {
        calls.push({ operation, input });
        return respond(operation, input);
      },
      subscribe: () => () => undefined,
    }),
  );
  return { ...render(<KioskTheme locale="zh-CN">{screen}</KioskTheme>), calls };
}
