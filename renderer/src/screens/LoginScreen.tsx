import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinSchema, StaffIdSchema } from '../../../shared/domain/operator';
import { schemaRule, showFieldErrors } from '../forms';
import { useClient, useSession } from '../store/session';

interface LoginValues {
  staffId: string;
  pin: string;
}

export function LoginScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useSession((state) => state.locale);
  const loggedIn = useSession((state) => state.loggedIn);
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: LoginValues) {
    setBusy(true);
    const result = await client.call('session.login', values);
    setBusy(false);
    if (result.ok) return loggedIn(result.value);
    form.setFieldValue('pin', '');
    setError(result.error.message);
    showFieldErrors(form, result.error.fields);
  }

  return (
    <Card className="narrow-card" title={<h1 className="card-title">{t('login.title')}</h1>}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="staffId" label={t('login.staffId')} rules={[schemaRule(StaffIdSchema, locale)]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="pin" label={t('login.pin')} rules={[schemaRule(PinSchema, locale)]}>
          <Input.Password inputMode="numeric" autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
