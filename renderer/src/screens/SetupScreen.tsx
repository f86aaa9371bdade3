import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorNameSchema, PinSchema, StaffIdSchema } from '../../../shared/domain/operator';
import { schemaRule, showFieldErrors } from '../forms';
import { useClient, useSession } from '../store/session';

interface SetupValues {
  staffId: string;
  name: string;
  pin: string;
}

/** First run: the kiosk has no accounts, so the first IT administrator is created here. */
export function SetupScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useSession((state) => state.locale);
  const loggedIn = useSession((state) => state.loggedIn);
  const [form] = Form.useForm<SetupValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: SetupValues) {
    setBusy(true);
    const result = await client.call('setup.createFirstAdmin', values);
    setBusy(false);
    if (result.ok) return loggedIn(result.value);
    setError(result.error.message);
    showFieldErrors(form, result.error.fields);
  }

  return (
    <Card className="narrow-card" title={<h1 className="card-title">{t('setup.title')}</h1>}>
      <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="staffId" label={t('login.staffId')} rules={[schemaRule(StaffIdSchema, locale)]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item name="name" label={t('operator.name')} rules={[schemaRule(OperatorNameSchema, locale)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="pin" label={t('login.pin')} rules={[schemaRule(PinSchema, locale)]}>
          <Input.Password inputMode="numeric" autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </Card>
  );
}
