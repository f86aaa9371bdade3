// 撤回登记: the operator records why (one tap for the usual reasons, or their own words), confirms,
// and core saves a new record that withdraws this one. The dialog closes only once core answered;
// a refusal stays in the dialog with its message, and nothing was saved.
import { Alert, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalReceipt } from '../../../../shared/domain/withdrawal';
import { withdrawalPresetReasons } from '../../../../shared/domain/withdrawal';
import { WITHDRAWAL_REASON_MAX } from '../../../../shared/sync/withdrawal';
import { useClient } from '../../store/session';

const OTHER = 'other';

export function WithdrawDialog({
  record,
  open,
  onCancel,
  onWithdrawn,
}: {
  record: { id: string; number: string };
  open: boolean;
  onCancel: () => void;
  onWithdrawn: (receipt: WithdrawalReceipt) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [choice, setChoice] = useState<string>(withdrawalPresetReasons[0]);
  const [other, setOther] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);

  async function confirm() {
    const reason = choice === OTHER ? other : t(`desk.withdraw.reason.${choice}`);
    setSaving(true);
    setError(null);
    const result = await client.call('registrations.withdraw', { id: record.id, reason });
    setSaving(false);
    if (result.ok) onWithdrawn(result.value);
    else setError({ message: result.error.message, field: result.error.fields?.reason ?? result.error.fields?.id ?? null });
  }

  return (
    <Modal
      open={open}
      title={t('desk.withdraw.title', { number: record.number })}
      okText={t('desk.withdraw.confirm')}
      cancelText={t('desk.withdraw.cancel')}
      okButtonProps={{ danger: true, size: 'large', loading: saving }}
      cancelButtonProps={{ size: 'large', disabled: saving }}
      onOk={() => void confirm()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" className="withdraw-dialog">
        <Alert type="warning" showIcon title={t('desk.withdraw.explain')} />
        <Form layout="vertical">
          <Form.Item label={t('desk.withdraw.reasonLabel')} required>
            <Radio.Group
              value={choice}
              onChange={(event) => {
                setChoice(String(event.target.value));
                setError(null);
              }}
              className="withdraw-reasons"
            >
              <Space orientation="vertical">
                {withdrawalPresetReasons.map((preset) => (
                  <Radio key={preset} value={preset}>
                    {t(`desk.withdraw.reason.${preset}`)}
                  </Radio>
                ))}
                <Radio value={OTHER}>{t('desk.withdraw.reason.other')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {choice === OTHER && (
            <Form.Item
              label={t('desk.withdraw.otherLabel')}
              htmlFor="withdraw-other"
              validateStatus={error?.field ? 'error' : undefined}
              help={error?.field ?? undefined}
            >
              <Input.TextArea id="withdraw-other" value={other} maxLength={WITHDRAWAL_REASON_MAX} showCount autoSize={{ minRows: 2 }} onChange={(event) => {
                  setOther(event.target.value);
                  setError(null);
                }} />
            </Form.Item>
          )}
        </Form>
        {error && !(choice === OTHER && error.field) && <Alert type="error" showIcon title={error.field ?? error.message} />}
      </Space>
    </Modal>
  );
}
