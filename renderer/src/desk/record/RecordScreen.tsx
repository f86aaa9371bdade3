// A registration opened from the list: its data (masked) and, while the platform has not answered
// for it, 更正 — a new registration that supersedes it, with a new reading, consents and signature —
// or 撤回 — a new record that withdraws it, with the reason. The original is never edited.
import { Alert, Button, Card, Descriptions, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalReceipt } from '../../../../shared/domain/withdrawal';
import { useClient } from '../../store/session';
import { startRegistration } from '../flowActions';
import { useShanghaiTime } from '../time';
import { RecordView, useRecord } from './RecordDetails';
import { WithdrawDialog } from './WithdrawDialog';

/** What the desk shows once a withdrawal is saved (committed): its number, time and what it withdrew. */
function WithdrawnView({ receipt, onDone }: { receipt: WithdrawalReceipt; onDone: () => void }) {
  const { t } = useTranslation();
  const time = useShanghaiTime();
  return (
    <Card className="form-card record-card">
      <Result
        status="success"
        title={<span data-testid="withdrawal-saved">{t('desk.withdraw.saved')}</span>}
        subTitle={t('desk.withdraw.savedDetail', { number: receipt.withdraws.number })}
      />
      <Descriptions column={1} bordered size="small" className="desk-record">
        <Descriptions.Item label={t('desk.withdraw.number')}>{receipt.number}</Descriptions.Item>
        <Descriptions.Item label={t('desk.withdraw.withdraws')}>{receipt.withdraws.number}</Descriptions.Item>
        <Descriptions.Item label={t('desk.withdraw.at')}>{time(receipt.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('desk.withdraw.reasonLabel')}>{receipt.reason}</Descriptions.Item>
        <Descriptions.Item label={t('desk.record.state')}>{t(`state.${receipt.state}`)}</Descriptions.Item>
      </Descriptions>
      <Space className="record-actions">
        <Button type="primary" size="large" onClick={onDone}>
          {t('desk.record.back')}
        </Button>
      </Space>
    </Card>
  );
}

export function RecordScreen({ id, onCorrect, onDone }: { id: string; onCorrect: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { record, error } = useRecord(id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState<WithdrawalReceipt | null>(null);

  async function correct() {
    if (!record?.payload) return;
    const payload = record.payload;
    let enterpriseLabel = '';
    if (payload.kind === 'individual' && payload.enterprise?.source === 'kiosk') {
      const linked = await client.call('registrations.get', { id: payload.enterprise.registrationId });
      if (linked.ok) enterpriseLabel = t('desk.enterprise.option', { name: linked.value.summary.nameMasked, code: linked.value.summary.idNumberMasked });
    }
    // The flow is loading before the screen changes to it, so the desk never sees an empty flow.
    const started = startRegistration(client, payload.kind, { correction: { id: record.summary.id, number: record.summary.number }, payload, enterpriseLabel });
    onCorrect();
    await started;
  }

  const correctable = record?.correctable === true && record.payload !== null;
  if (withdrawn) return <WithdrawnView receipt={withdrawn} onDone={onDone} />;
  return (
    <Card className="form-card record-card">
      {error && <Alert type="error" showIcon title={t('desk.record.loadFailed', { reason: error })} />}
      {!record && !error && <Spin />}
      {record && <RecordView record={record} />}
      {record && !correctable && record.payload && !record.summary.withdrawn && <Alert type="info" showIcon title={t('desk.record.closed')} className="desk-note" />}
      <Space className="record-actions">
        <Button size="large" onClick={onDone}>
          {t('desk.record.back')}
        </Button>
        {correctable && (
          <Button type="primary" size="large" onClick={() => void correct()}>
            {t('desk.record.correct')}
          </Button>
        )}
        {correctable && (
          <Button danger size="large" onClick={() => setWithdrawing(true)}>
            {t('desk.record.withdraw')}
          </Button>
        )}
      </Space>
      {record && correctable && (
        <WithdrawDialog
          record={{ id: record.summary.id, number: record.summary.number }}
          open={withdrawing}
          onCancel={() => setWithdrawing(false)}
          onWithdrawn={(receipt) => {
            setWithdrawing(false);
            setWithdrawn(receipt);
          }}
        />
      )}
    </Card>
  );
}
