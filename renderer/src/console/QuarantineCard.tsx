// 需处理记录: records the platform answered with conflict or rejected (or the kiosk could not send),
// with the reason and the fields it named. 重新发送 puts one back in the queue; 打开更正 opens it at the
// front desk, where 更正 makes a new record that supersedes it; 作废 needs a second IT admin.
import { Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantinedRecord } from '../../../shared/domain/sync';
import { useShanghaiTime } from '../desk/time';
import { useClient } from '../store/session';
import { OutcomeTag } from './BatchHistoryCard';
import { DiscardDialog } from './DiscardDialog';
import { Notice, type NoticeValue } from './Notice';
import { RecordReason } from './RecordReason';

interface QuarantineCardProps {
  version: number;
  onOpenRecord: (id: string) => void;
  onChanged: () => void;
}

export function QuarantineCard({ version, onOpenRecord, onChanged }: QuarantineCardProps) {
  const { t } = useTranslation();
  const client = useClient();
  const time = useShanghaiTime();
  const [records, setRecords] = useState<QuarantinedRecord[]>([]);
  const [loading, setLoading] = useState(true);
  const [discarding, setDiscarding] = useState<QuarantinedRecord | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  const load = useCallback(async () => {
    const result = await client.call('sync.quarantine', {});
    setLoading(false);
    if (result.ok) setRecords(result.value);
    else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
  }, [client, t]);

  useEffect(() => {
    void load();
  }, [load, version]);

  async function retry(record: QuarantinedRecord) {
    const result = await client.call('sync.retry', { registrationId: record.registrationId });
    setNotice(
      result.ok
        ? { type: 'success', text: t('console.quarantine.retried', { number: record.number }) }
        : { type: 'error', text: t('console.failed', { reason: result.error.message }) },
    );
    await load();
    onChanged();
  }

  async function discarded(record: QuarantinedRecord) {
    setDiscarding(null);
    setNotice({ type: 'success', text: t('console.quarantine.discarded', { number: record.number }) });
    await load();
    onChanged();
  }

  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.quarantine.title')}</Typography.Title>}>
      <div data-testid="console-quarantine">
        <Table<QuarantinedRecord>
          rowKey="registrationId"
          loading={loading}
          dataSource={records}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('console.quarantine.empty') }}
          columns={[
            { title: t('console.batches.number'), dataIndex: 'number' },
            { title: t('console.batches.kind'), dataIndex: 'kind', render: (kind: QuarantinedRecord['kind']) => t(`desk.kind.${kind}`) },
            { title: t('list.createdAt'), dataIndex: 'createdAt', render: (at: string) => time(at) },
            { title: t('console.batches.outcome'), dataIndex: 'outcome', render: (outcome: QuarantinedRecord['outcome']) => <OutcomeTag outcome={outcome} /> },
            { title: t('console.batches.reason'), key: 'reason', render: (_value, row) => <RecordReason message={row.message} fields={row.fields} /> },
            {
              title: t('desk.home.actions'),
              key: 'actions',
              render: (_value, row) => (
                <Space wrap>
                  <Button onClick={() => void retry(row)} aria-label={`${t('console.quarantine.retry')} ${row.number}`}>
                    {t('console.quarantine.retry')}
                  </Button>
                  <Button onClick={() => onOpenRecord(row.registrationId)} aria-label={`${t('console.quarantine.correct')} ${row.number}`}>
                    {t('console.quarantine.correct')}
                  </Button>
                  <Button danger onClick={() => setDiscarding(row)} aria-label={`${t('console.quarantine.discard')} ${row.number}`}>
                    {t('console.quarantine.discard')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <Notice notice={notice} onClose={() => setNotice(null)} />
      <DiscardDialog record={discarding} onClose={() => setDiscarding(null)} onDiscarded={(record) => void discarded(record)} />
    </Card>
  );
}
