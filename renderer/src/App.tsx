import { Button, Layout, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n';
import { KioskTheme } from './KioskTheme';
import { AgreementAdminScreen } from './screens/AgreementAdminScreen';
import { AgreementScreen } from './screens/AgreementScreen';
import { ConsoleScreen } from './console/ConsoleScreen';
import { DeskScreen } from './desk/DeskScreen';
import { startRegistration } from './desk/flowActions';
import { useFlow } from './desk/flowStore';
import { RecordScreen } from './desk/record/RecordScreen';
import type { RegistrationKind } from '../../shared/domain/registration';
import { HomeScreen } from './screens/HomeScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { useClient, useSession } from './store/session';

type Screen = { name: 'home' | 'desk' | 'agreement' | 'agreementAdmin' | 'console' } | { name: 'record'; id: string };

function Header() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const operator = useSession((state) => state.operator);
  const locale = useSession((state) => state.locale);
  const setLocale = useSession((state) => state.setLocale);
  const loggedOut = useSession((state) => state.loggedOut);
  const largeText = useSession((state) => state.largeText);
  const setLargeText = useSession((state) => state.setLargeText);

  async function switchLanguage() {
    const next: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    await client.call('session.setLocale', { locale: next });
    await i18n.changeLanguage(next);
    setLocale(next);
  }

  async function logout() {
    // Nothing of a registrant outlives the operator's session.
    useFlow.getState().wipe();
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
        <Button onClick={() => setLargeText(!largeText)} aria-pressed={largeText} type={largeText ? 'primary' : 'default'}>
          {t('desk.largeText')}
        </Button>
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
  const client = useSession((state) => state.client);
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const home = useCallback(() => setScreen({ name: 'home' }), []);

  useEffect(() => {
    if (phase !== 'ready') setScreen({ name: 'home' });
  }, [phase]);

  function start(kind: RegistrationKind) {
    if (!client) return;
    // The flow is loading before the screen changes to it, so the desk never sees an empty flow.
    void startRegistration(client, kind);
    setScreen({ name: 'desk' });
  }

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
      switch (screen.name) {
        case 'desk':
          return <DeskScreen onDone={home} />;
        case 'record':
          return <RecordScreen id={screen.id} onCorrect={() => setScreen({ name: 'desk' })} onDone={home} />;
        case 'agreement':
          return <AgreementScreen onDone={home} />;
        case 'agreementAdmin':
          return <AgreementAdminScreen onDone={home} />;
        case 'console':
          return <ConsoleScreen onDone={home} onOpenRecord={(id) => setScreen({ name: 'record', id })} />;
        case 'home':
          return (
            <HomeScreen
              onStart={start}
              onOpenRecord={(id) => setScreen({ name: 'record', id })}
              onOpenAgreement={() => setScreen({ name: 'agreement' })}
              onOpenAgreementAdmin={() => setScreen({ name: 'agreementAdmin' })}
              onOpenConsole={() => setScreen({ name: 'console' })}
            />
          );
      }
  }
}

export function App({ onRetry }: { onRetry: () => void }) {
  const locale = useSession((state) => state.locale);
  const client = useSession((state) => state.client);
  const largeText = useSession((state) => state.largeText);
  return (
    <KioskTheme locale={locale} large={largeText}>
      <Layout className={largeText ? 'app large-text' : 'app'}>
        {client && <Header />}
        <Layout.Content className="app-content">{client ? <Body onRetry={onRetry} /> : <Spin size="large" />}</Layout.Content>
      </Layout>
    </KioskTheme>
  );
}
