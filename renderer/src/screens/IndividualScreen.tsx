import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationReceipt } from '../../../shared/domain/registration';
import { IndividualRegistrationSchema } from '../../../shared/domain/registration';
import { checkIdNumber } from '../../../shared/validation';
import { schemaRule, showFieldErrors } from '../forms';
import { useClient, useSession } from '../store/session';

interface IndividualValues {
  name: string;
  idNumber: string;
  mobile: string;
}

const fields = IndividualRegistrationSchema.shape;

/** Sex and date of birth read from a valid ID number, shown so the operator can check them. */
function DerivedFromId({ idNumber }: { idNumber: string | undefined }) {
  const { t } = useTranslation();
  const check = idNumber ? checkIdNumber(idNumber) : null;
  if (!check?.ok) return null;
  return (
    <Typography.Text type="secondary" data-testid="derived">
      {t('individual.derived', { sex: t(`individual.sex.${check.sex}`), birthDate: check.birthDate })}
    </Typography.Text>
  );
}

export function IndividualScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useSession((state) => state.locale);
  const [form] = Form.useForm<IndividualValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null);

  async function submit(values: IndividualValues) {
    setSaving(true);
    setError(null);
    const result = await client.call('registrations.submit', { kind: 'individual', ...values });
    setSaving(false);
    if (result.ok) {
      // Only a committed record comes back ok; now the form may be wiped.
      form.resetFields();
      setReceipt(result.value);
      return;
    }
    setError(result.error.message);
    showFieldErrors(form, result.error.fields);
  }

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('individual.saved')}
        subTitle={t('individual.savedDetail', { number: receipt.number })}
        extra={[
          <Button key="again" type="primary" size="large" onClick={() => setReceipt(null)}>
            {t('individual.another')}
          </Button>,
          <Button key="home" size="large" onClick={onDone}>
            {t('individual.backHome')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Card className="form-card" title={<h1 className="card-title">{t('individual.title')}</h1>}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="name" label={t('individual.name')} rules={[schemaRule(fields.name, locale)]}>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('individual.idNumber')}
          rules={[schemaRule(fields.idNumber, locale)]}
          extra={<DerivedFromId idNumber={idNumber} />}
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="mobile" label={t('individual.mobile')} rules={[schemaRule(fields.mobile, locale)]}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t('individual.saveFailed')} description={error} className="form-alert" />}
        <Space>
          <Button type="primary" htmlType="submit" size="large" loading={saving}>
            {saving ? t('individual.saving') : t('individual.submit')}
          </Button>
          <Button size="large" onClick={onDone} disabled={saving}>
            {t('individual.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
