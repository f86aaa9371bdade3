// 平台登记: the platform address and the one-time code the platform gave. Enrolling again (a new
// platform, or a new code) is the way to change the platform address.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain/sync';
import { useShanghaiTime } from '../desk/time';
import { useClient } from '../store/session';
import { Notice, type NoticeValue } from './Notice';

interface EnrolValues {
  platformUrl: string;
  code: string;
}

export function EnrolCard({ status, onEnrolled }: { status: SyncStatus | null; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const time = useShanghaiTime();
  const [form] = Form.useForm<EnrolValues>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function enrol(values: EnrolValues) {
    setBusy(true);
    setNotice(null);
    setFieldErrors({});
    const result = await client.call('sync.enrol', { platformUrl: values.platformUrl ?? '', code: values.code ?? '' });
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.error.fields ?? {});
      setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
      return;
    }
    form.resetFields(['code']);
    setNotice({ type: 'success', text: t('console.enrol.done', { kioskId: result.value.kioskId, key: result.value.platformShortKeyId }) });
    onEnrolled();
  }

  const enrolled = status?.enrolled && status.platformUrl && status.enrolledAt;
  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.enrol.title')}</Typography.Title>}>
      {enrolled && (
        <Typography.Paragraph data-testid="console-enrolled">
          {t('console.enrol.enrolled', { url: status.platformUrl ?? '', at: time(status.enrolledAt ?? '') })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void enrol(values)} requiredMark={false}>
        <Form.Item
          name="platformUrl"
          label={t('console.enrol.url')}
          extra={t('console.enrol.urlHint')}
          validateStatus={fieldErrors.platformUrl ? 'error' : undefined}
          help={fieldErrors.platformUrl}
        >
          <Input size="large" autoComplete="off" inputMode="url" />
        </Form.Item>
        <Form.Item name="code" label={t('console.enrol.code')} validateStatus={fieldErrors.code ? 'error' : undefined} help={fieldErrors.code}>
          <Input size="large" autoComplete="off" />
        </Form.Item>
        <Button type={enrolled ? 'default' : 'primary'} size="large" htmlType="submit" loading={busy}>
          {enrolled ? t('console.enrol.reenrol') : t('console.enrol.submit')}
        </Button>
      </Form>
      <Notice notice={notice} onClose={() => setNotice(null)} />
    </Card>
  );
}
