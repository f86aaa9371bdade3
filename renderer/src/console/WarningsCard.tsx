// 系统提示: the desktop shell's warnings for IT (key storage, updates, renderer recovery) and the
// update state, with the way to install a downloaded update as soon as the kiosk is idle.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShellStatus } from '../../../shared/domain/shell';
import { useClient } from '../store/session';
import { Notice, type NoticeValue } from './Notice';

export function WarningsCard() {
  const { t } = useTranslation();
  const client = useClient();
  const [shell, setShell] = useState<ShellStatus | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  useEffect(() => {
    void client.call('shell.status', {}).then((result) => {
      if (result.ok) setShell(result.value);
      else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
    });
  }, [client, t]);

  async function install() {
    const result = await client.call('shell.installUpdate', {});
    if (result.ok) setShell(result.value);
    else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
  }

  const update = shell?.update;
  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.warnings.title')}</Typography.Title>}>
      <Space orientation="vertical" className="console-section">
        {shell && shell.warnings.length === 0 && <Typography.Text data-testid="console-no-warnings">{t('console.warnings.none')}</Typography.Text>}
        {shell?.warnings.map((warning) => <Alert key={warning.code} type="warning" showIcon title={warning.message} />)}
        {shell && (
          <Typography.Text>
            {shell.version && `${t('console.warnings.version', { version: shell.version })} · `}
            {t('console.warnings.update', { state: t(`console.update.${shell.update.state}`) })}
          </Typography.Text>
        )}
        {update?.state === 'downloaded' && (
          <Space wrap>
            <Typography.Text>{t('console.warnings.updateReady', { version: update.availableVersion ?? '' })}</Typography.Text>
            {update.installRequested ? (
              <Typography.Text strong>{t('console.warnings.installRequested')}</Typography.Text>
            ) : (
              <Button size="large" onClick={() => void install()}>
                {t('console.warnings.install')}
              </Button>
            )}
          </Space>
        )}
        <Notice notice={notice} onClose={() => setNotice(null)} />
      </Space>
    </Card>
  );
}
