import { Button, Layout, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n';
import { KioskTheme } from './KioskTheme';
import { AgreementAdminScreen } from './screens/AgreementAdminScreen';
import { AgreementScreen } from './screens/AgreementScreen';
import { HomeScreen } from './screens/HomeScreen';
import { IndividualScreen } from './screens/IndividualScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { useClient, useSession } from './store/session';

type Screen = 'home' | 'individual' | 'agreement' | 'agreementAdmin';

function Header() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const operator = useSession((state) => state.operator);
  const locale = useSession((state) => state.locale);
  const setLocale = useSession((state) => state.setLocale);
  const loggedOut = useSession((state) => state.loggedOut);

  async function switchLanguage() {
    const next: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    await client.call('session.setLocale', { locale: next });
    await i18n.changeLanguage(next);
    setLocale(next);
  }

  async function logout() {
    await client.call('session.logout', {});
    loggedOut();
  }

  return (
    <Layout.Header className="app-header">
      <Typography.Title level={1} className="app-title">
        {t('app.title')}
      </Typography.Title>
      <Space size="middle">
        {operator && (
          <Typography.Text className="header-text">
            {t('home.greeting', { name: operator.name, role: t(`operator.role.${operator.role}`) })}
          </Typography.Text>
        )}
        <Button onClick={switchLanguage} lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
          {t('app.language')}
        </Button>
        {operator && <Button onClick={logout}>{t('home.logout')}</Button>}
      </Space>
    </Layout.Header>
  );
}

function Body({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const phase = useSession((state) => state.phase);
  const connectError = useSession((state) => state.connectError);
  const [screen, setScreen] = useState<Screen>('home');

  useEffect(() => {
    if (phase !== 'ready') setScreen('home');
  }, [phase]);

  switch (phase) {
    case 'connecting':
      return <Spin size="large" description={t('app.connecting')} />;
    case 'unreachable':
      return (
        <Result
          status="warning"
          title={t('app.connectFailed', { reason: connectError ?? '' })}
          extra={<Button onClick={onRetry}>{t('app.retry')}</Button>}
        />
      );
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen />;
    case 'ready':
      if (screen === 'agreement') return <AgreementScreen onDone={() => setScreen('home')} />;
      if (screen === 'agreementAdmin') return <AgreementAdminScreen onDone={() => setScreen('home')} />;
      return screen === 'individual' ? (
        <IndividualScreen onDone={() => setScreen('home')} />
      ) : (
        <HomeScreen
          onStartIndividual={() => setScreen('individual')}
          onOpenAgreement={() => setScreen('agreement')}
          onOpenAgreementAdmin={() => setScreen('agreementAdmin')}
        />
      );
  }
}

export function App({ onRetry }: { onRetry: () => void }) {
  const locale = useSession((state) => state.locale);
  const client = useSession((state) => state.client);
  return (
    <KioskTheme locale={locale}>
      <Layout className="app">
        {client && <Header />}
        <Layout.Content className="app-content">{client ? <Body onRetry={onRetry} /> : <Spin size="large" />}</Layout.Content>
      </Layout>
    </KioskTheme>
  );
}
