import { Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationKind, RegistrationSummary } from '../../../shared/domain/registration';
import { AgreementShortcuts } from '../components/AgreementShortcuts';
import { ConsoleShortcut } from '../console/ConsoleShortcut';
import { NetworkState } from '../desk/NetworkState';
import { useShanghaiTime } from '../desk/time';
import { useClient, useSession } from '../store/session';

interface HomeScreenProps {
  onStart: (kind: RegistrationKind) => void;
  onOpenRecord: (id: string) => void;
  onOpenAgreement: () => void;
  onOpenAgreementAdmin: () => void;
  onOpenConsole: () => void;
}

/** The start screen: the two registration kinds, the queue badge, the network state and this kiosk's records. */
export function HomeScreen({ onStart, onOpenRecord, onOpenAgreement, onOpenAgreementAdmin, onOpenConsole }: HomeScreenProps) {
  const { t } = useTranslation();
  const client = useClient();
  const queue = useSession((state) => state.queue);
  const setQueue = useSession((state) => state.setQueue);
  const [rows, setRows] = useState<RegistrationSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const time = useShanghaiTime();

  const refresh = useCallback(async () => {
    const [list, stats] = await Promise.all([
      client.call('registrations.list', { limit: 50, offset: 0 }),
      client.call('queue.stats', {}),
    ]);
    if (list.ok) setRows(list.value.items);
    if (stats.ok) setQueue(stats.value);
    setLoading(false);
  }, [client, setQueue]);

  useEffect(() => {
    void refresh();
    return client.subscribe((event) => {
      if (event.type === 'queue.changed') void refresh();
    });
  }, [client, refresh]);

  const pending = (queue?.byState.queued ?? 0) + (queue?.byState.sending ?? 0) + (queue?.byState.finalized ?? 0);
  const attention = queue?.byState.quarantined ?? 0;

  return (
    <Space orientation="vertical" size="large" className="page">
      <Space size="large" wrap>
        <Button type="primary" size="large" className="start-button" onClick={() => onStart('enterprise')}>
          {t('home.enterprise')}
        </Button>
        <Button type="primary" size="large" className="start-button" onClick={() => onStart('individual')}>
          {t('home.individual')}
        </Button>
        <AgreementShortcuts onRead={onOpenAgreement} onManage={onOpenAgreementAdmin} />
        <ConsoleShortcut onOpen={onOpenConsole} />
      </Space>
      <Space size="middle" wrap aria-live="polite">
        <Badge status="processing" text={<span data-testid="queue-pending">{t('home.queuePending', { count: pending })}</span>} />
        <Badge
          status={attention > 0 ? 'error' : 'default'}
          text={<span data-testid="queue-attention">{t('home.queueAttention', { count: attention })}</span>}
        />
        <NetworkState />
      </Space>
      <Card title={<Typography.Title level={2} className="section-title">{t('home.recent')}</Typography.Title>}>
        <Table<RegistrationSummary>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('home.empty') }}
          columns={[
            { title: t('list.number'), dataIndex: 'number' },
            {
              title: t('desk.home.kind'),
              dataIndex: 'kind',
              render: (kind: RegistrationKind, row) =>
                row.withdrawal ? t('desk.withdraw.listKind', { number: row.withdrawal.withdrawsNumber }) : t(`desk.kind.${kind}`),
            },
            { title: t('list.name'), dataIndex: 'nameMasked' },
            { title: t('list.idNumber'), dataIndex: 'idNumberMasked' },
            { title: t('list.mobile'), dataIndex: 'mobileMasked' },
            {
              title: t('list.state'),
              dataIndex: 'state',
              render: (state: string, row) => (
                <Space size="small" wrap>
                  {t(`state.${state}`)}
                  {row.withdrawn && <Tag color="orange">{t('desk.withdraw.tag')}</Tag>}
                </Space>
              ),
            },
            { title: t('list.createdAt'), dataIndex: 'createdAt', render: (at: string) => time(at) },
            {
              title: t('desk.home.actions'),
              key: 'open',
              render: (_value, row) => (
                <Button onClick={() => onOpenRecord(row.id)} aria-label={`${t('desk.home.open')} ${row.number}`}>
                  {t('desk.home.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
