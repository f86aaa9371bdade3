// 批次记录: the batches this kiosk sent or wrote to USB, newest first, with their outcome counts;
// 查看记录 lists each record of a batch with the platform's outcome and, if refused, the reason.
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDetail, BatchItemView, BatchSummary, SyncOutcome } from '../../../shared/domain/sync';
import { useShanghaiTime } from '../desk/time';
import { useClient } from '../store/session';
import { Notice, type NoticeValue } from './Notice';
import { RecordReason } from './RecordReason';
import { shortId } from './shortId';

const outcomeColor: Record<SyncOutcome, string> = { accepted: 'green', duplicate: 'blue', conflict: 'red', rejected: 'red' };

export function OutcomeTag({ outcome }: { outcome: SyncOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return <Tag>{t('console.outcome.none')}</Tag>;
  return <Tag color={outcomeColor[outcome]}>{t(`console.outcome.${outcome}`)}</Tag>;
}

export function BatchHistoryCard({ version }: { version: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const time = useShanghaiTime();
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [detail, setDetail] = useState<BatchDetail | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  const load = useCallback(async () => {
    const result = await client.call('sync.batches', { limit: 20, offset: 0 });
    setLoading(false);
    if (result.ok) setBatches(result.value.items);
    else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
  }, [client, t]);

  const open = useCallback(
    async (id: string) => {
      const result = await client.call('sync.batch', { id });
      if (result.ok) setDetail(result.value);
      else setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
    },
    [client, t],
  );

  useEffect(() => {
    void load();
  }, [load, version]);

  // An open batch's records change when its receipt arrives.
  const openId = detail?.batch.id;
  useEffect(() => {
    if (openId) void open(openId);
  }, [open, openId, version]);

  return (
    <Card
      title={<Typography.Title level={2} className="section-title">{t('console.batches.title')}</Typography.Title>}
      extra={<Button onClick={() => void load()}>{t('console.batches.refresh')}</Button>}
    >
      <div data-testid="console-batches">
      <Table<BatchSummary>
        rowKey="id"
        loading={loading}
        dataSource={batches}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('console.batches.empty') }}
        columns={[
          { title: t('console.batches.createdAt'), dataIndex: 'createdAt', render: (at: string) => time(at) },
          { title: t('console.batches.transport'), dataIndex: 'transport', render: (via: BatchSummary['transport']) => t(`console.batches.transport.${via}`) },
          { title: t('console.batches.state'), dataIndex: 'state', render: (state: BatchSummary['state']) => t(`console.batches.state.${state}`) },
          { title: t('console.batches.records'), dataIndex: 'recordCount' },
          { title: t('console.batches.outcomes'), key: 'outcomes', render: (_value, row) => t('console.batches.outcomeCounts', row.outcomes) },
          {
            title: '',
            key: 'view',
            render: (_value, row) => (
              <Button onClick={() => void open(row.id)} aria-label={`${t('console.batches.view')} ${shortId(row.id)}`}>
                {t('console.batches.view')}
              </Button>
            ),
          },
        ]}
      />
      </div>
      {detail && (
        <div className="console-detail" data-testid="console-batch-detail">
          <Typography.Title level={3} className="section-title">
            {t('console.batches.detailTitle', { batch: shortId(detail.batch.id) })}
          </Typography.Title>
          <Table<BatchItemView>
            rowKey="registrationId"
            dataSource={detail.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('console.batches.number'), dataIndex: 'number' },
              { title: t('console.batches.kind'), dataIndex: 'kind', render: (kind: BatchItemView['kind']) => t(`desk.kind.${kind}`) },
              { title: t('console.batches.outcome'), dataIndex: 'outcome', render: (outcome: SyncOutcome | null) => <OutcomeTag outcome={outcome} /> },
              {
                title: t('console.batches.reason'),
                key: 'reason',
                render: (_value, item) => <RecordReason message={item.message} fields={item.fields} />,
              },
            ]}
          />
        </div>
      )}
      <Notice notice={notice} onClose={() => setNotice(null)} />
    </Card>
  );
}
