// 作废 needs a second IT administrator: their staff id and PIN, typed here by them. Core checks that
// it is another account with the it_admin role and audits both names.
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantinedRecord } from '../../../shared/domain/sync';
import { useClient } from '../store/session';

interface DiscardValues {
  confirmStaffId: string;
  confirmPin: string;
}

interface DiscardDialogProps {
  record: QuarantinedRecord | null;
  onClose: () => void;
  onDiscarded: (record: QuarantinedRecord) => void;
}

export function DiscardDialog({ record, onClose, onDiscarded }: DiscardDialogProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm<DiscardValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    form.resetFields();
    setError(null);
    onClose();
  }

  async function discard(values: DiscardValues) {
    if (!record) return;
    setBusy(true);
    const result = await client.call('sync.discard', {
      registrationId: record.registrationId,
      confirmStaffId: values.confirmStaffId ?? '',
      confirmPin: values.confirmPin ?? '',
    });
    setBusy(false);
    // The PIN never stays on screen, whatever the answer.
    form.setFieldValue('confirmPin', '');
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    form.resetFields();
    setError(null);
    onDiscarded(record);
  }

  return (
    <Modal
      open={record !== null}
      title={record ? t('console.discard.title', { number: record.number }) : ''}
      okText={t('console.discard.confirm')}
      cancelText={t('console.discard.cancel')}
      okButtonProps={{ danger: true, loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('console.discard.explain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void discard(values)} requiredMark={false}>
        <Form.Item name="confirmStaffId" label={t('console.discard.staffId')}>
          <Input size="large" autoComplete="off" />
        </Form.Item>
        <Form.Item name="confirmPin" label={t('console.discard.pin')} validateStatus={error ? 'error' : undefined} help={error}>
          <Input.Password size="large" autoComplete="off" inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
