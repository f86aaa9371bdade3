import { defaultLocale, type Locale } from '../../../shared/i18n/catalog';

/**
 * What a transport keeps per connected client (an Electron window, a browser session): its
 * language and its operator session. Handlers read and update it; transports only hold it.
 */
export interface ClientContext {
  locale: Locale;
  sessionId: string | null;
}

export function newClientContext(locale: Locale = defaultLocale): ClientContext {
  return { locale, sessionId: null };
}
