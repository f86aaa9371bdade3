// 设置: batch size, retention and the two idle timeouts, each with the bounds core checks (from
// `settings.get`); the platform address is shown here and changed by enrolling again; receipts
// print through the system print dialog, so the printer is the operating system's choice.
import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleSettingKeys, type ConsoleSettings, type SettingsUpdate } from '../../../shared/domain/kioskSettings';
import { useClient } from '../store/session';
import { Notice, type NoticeValue } from './Notice';

export function SettingsCard({ platformUrl }: { platformUrl: string | null }) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm<SettingsUpdate>();
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    void client.call('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
    });
  }, [client, t]);

  useEffect(() => {
    if (settings) form.setFieldsValue(Object.fromEntries(consoleSettingKeys.map((key) => [key, settings[key].value])));
  }, [form, settings]);

  async function save(values: SettingsUpdate) {
    setBusy(true);
    setFieldErrors({});
    const result = await client.call('settings.update', values);
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.error.fields ?? {});
      setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
      return;
    }
    setSettings(result.value);
    setNotice({ type: 'success', text: t('console.settings.saved') });
  }

  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.settings.title')}</Typography.Title>}>
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)} requiredMark={false} className="console-settings">
        <Form.Item label={t('console.settings.platform')} extra={t('console.settings.platformHint')}>
          <Typography.Text data-testid="console-settings-platform">{platformUrl ?? t('console.status.none')}</Typography.Text>
        </Form.Item>
        {settings &&
          consoleSettingKeys.map((key) => (
            <Form.Item
              key={key}
              name={key}
              label={t(`console.settings.${key}`)}
              extra={t('console.settings.range', settings[key])}
              validateStatus={fieldErrors[key] ? 'error' : undefined}
              help={fieldErrors[key]}
            >
              <InputNumber size="large" min={settings[key].min} max={settings[key].max} precision={0} className="console-number" />
            </Form.Item>
          ))}
        <Form.Item label={t('console.settings.printer')}>
          <Typography.Text>{t('console.settings.printerHint')}</Typography.Text>
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={!settings}>
          {t('console.settings.save')}
        </Button>
      </Form>
      <Notice notice={notice} onClose={() => setNotice(null)} />
    </Card>
  );
}
