// One stored registration as it is opened from the list or from a duplicate warning: its number,
// state and time, and its data with the sensitive values masked.
import { Alert, Descriptions, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { useClient } from '../../store/session';
import { payloadRows } from '../payloadRows';
import { useReference } from '../reference';
import { useShanghaiTime } from '../time';

export type OpenedRecord = OperationOutput<'registrations.get'>;

export function useRecord(id: string): { record: OpenedRecord | null; error: string | null } {
  const client = useClient();
  const [record, setRecord] = useState<OpenedRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('registrations.get', { id }).then((result) => {
      if (!live) return;
      if (result.ok) setRecord(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, id]);
  return { record, error };
}

export function RecordView({ record }: { record: OpenedRecord }) {
  const { t } = useTranslation();
  const tree = useReference((state) => state.divisions) ?? [];
  const time = useShanghaiTime();
  const { summary, payload } = record;
  return (
    <>
      <Typography.Title level={2} className="section-title">
        {t('desk.record.title', { number: summary.number })}
      </Typography.Title>
      <Descriptions column={1} bordered size="small" className="desk-record">
        <Descriptions.Item label={t('desk.record.kind')}>
          {summary.withdrawal ? t('desk.withdraw.kind', { kind: t(`desk.kind.${summary.kind}`) }) : t(`desk.kind.${summary.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.record.state')}>{t(`state.${summary.state}`)}</Descriptions.Item>
        <Descriptions.Item label={t('desk.record.createdAt')}>{time(summary.createdAt)}</Descriptions.Item>
        {summary.withdrawal && <Descriptions.Item label={t('desk.withdraw.withdraws')}>{summary.withdrawal.withdrawsNumber}</Descriptions.Item>}
        {record.withdrawalReason !== null && (
          <Descriptions.Item label={t('desk.withdraw.reasonLabel')}>{record.withdrawalReason || t('desk.withdraw.reasonPurged')}</Descriptions.Item>
        )}
        {record.supersedes && !summary.withdrawal && <Descriptions.Item label={t('desk.record.supersedes')}>{record.supersedes}</Descriptions.Item>}
        {payload &&
          payloadRows(payload, t, tree)
            .filter((row) => row.value !== '')
            .map((row) => (
              <Descriptions.Item key={row.label} label={t(row.label)}>
                {row.value}
              </Descriptions.Item>
            ))}
      </Descriptions>
      {summary.withdrawn && <Alert type="warning" showIcon title={t('desk.record.withdrawn')} className="desk-note" />}
      {!payload && !summary.withdrawal && <Alert type="info" showIcon title={t('desk.record.purged')} />}
    </>
  );
}

export function RecordDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const { record, error } = useRecord(id);
  if (error) return <Alert type="error" showIcon title={t('desk.record.loadFailed', { reason: error })} />;
  return record ? <RecordView record={record} /> : <Spin />;
}
