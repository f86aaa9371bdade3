// Renderer entry: pick the transport (Electron bridge or loopback HTTP), connect, render.
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { bridgeTransport } from './api/bridge';
import { exchangeStartToken, httpTransport } from './api/http';
import { App } from './App';
import { initI18n } from './i18n';
import { useSession } from './store/session';
import './styles.css';

async function connect(): Promise<void> {
  const session = useSession.getState();
  try {
    if (!window.kiosk) await exchangeStartToken(window.location, window.history);
    const client = createApiClient(window.kiosk ? bridgeTransport(window.kiosk) : httpTransport());
    session.attach(client);
    const status = await client.call('session.status', {});
    if (!status.ok) return session.unreachable(status.error.message);
    session.applyStatus(status.value);
  } catch (error) {
    session.unreachable(error instanceof Error ? error.message : String(error));
  }
}

async function start(): Promise<void> {
  const i18n = await initI18n(useSession.getState().locale);
  const applyLanguage = () => {
    document.title = i18n.t('app.title');
    document.documentElement.lang = i18n.language;
  };
  applyLanguage();
  i18n.on('languageChanged', applyLanguage);
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  createRoot(container).render(<App onRetry={() => void connect()} />);
  await connect();
}

void start();
