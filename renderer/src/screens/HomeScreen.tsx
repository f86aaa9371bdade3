import { Badge, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationSummary } from '../../../shared/domain/registration';
import { AgreementShortcuts } from '../components/AgreementShortcuts';
import { useClient, useSession } from '../store/session';

interface HomeScreenProps {
  onStartIndividual: () => void;
  onOpenAgreement: () => void;
  onOpenAgreementAdmin: () => void;
}

/** The start screen: the two registration kinds, the queue badge and this kiosk's records. */
export function HomeScreen({ onStartIndividual, onOpenAgreement, onOpenAgreementAdmin }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queue = useSession((state) => state.queue);
  const setQueue = useSession((state) => state.setQueue);
  const [rows, setRows] = useState<RegistrationSummary[]>([]);
  const [loading, setLoading] = useState(true);

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
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

  return (
    <Space orientation="vertical" size="large" className="page">
      <Space size="large" wrap>
        <Tooltip title={t('home.enterpriseSoon')}>
          <Button size="large" className="start-button" disabled>
            {t('home.enterprise')}
          </Button>
        </Tooltip>
        <Button type="primary" size="large" className="start-button" onClick={onStartIndividual}>
          {t('home.individual')}
        </Button>
        <AgreementShortcuts onRead={onOpenAgreement} onManage={onOpenAgreementAdmin} />
      </Space>
      <Space size="middle" wrap aria-live="polite">
        <Badge status="processing" text={<span data-testid="queue-pending">{t('home.queuePending', { count: pending })}</span>} />
        <Badge status={attention > 0 ? 'error' : 'default'} text={t('home.queueAttention', { count: attention })} />
        <Tag>{t('home.network.offline')}</Tag>
      </Space>
      <Card title={<Typography.Title level={2} className="section-title">{t('home.recent')}</Typography.Title>}>
        <Table<RegistrationSummary>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('home.empty') }}
          columns={[
            { title: t('list.number'), dataIndex: 'number' },
            { title: t('list.name'), dataIndex: 'nameMasked' },
            { title: t('list.idNumber'), dataIndex: 'idNumberMasked' },
            { title: t('list.mobile'), dataIndex: 'mobileMasked' },
            { title: t('list.state'), dataIndex: 'state', render: (state: string) => t(`state.${state}`) },
            { title: t('list.createdAt'), dataIndex: 'createdAt', render: (at: string) => time.format(new Date(at)) },
          ]}
        />
      </Card>
    </Space>
  );
}
