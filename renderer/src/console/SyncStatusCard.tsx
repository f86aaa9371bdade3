// 同步状态 and 立即同步: connection, last success, next attempt, the queue with its oldest record's
// age (amber past 24 h, red past 72 h), a progress bar of records sent in the running pass, and each
// batch's outcomes as the platform answers it.
import { Alert, Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPassOutcome } from '../../../shared/domain/sync';
import { useShanghaiTime } from '../desk/time';
import { useClient } from '../store/session';
import { Notice, type NoticeValue } from './Notice';
import { AMBER_AFTER_HOURS, RED_AFTER_HOURS, ageLevel, ageText } from './pendingAge';
import { shortId } from './shortId';
import type { SyncLive } from './useSyncLive';

const connectivityColor = { online: 'green', offline: 'orange', unknown: 'default' } as const;

function outcomeParams(outcome: SyncPassOutcome) {
  return { batches: outcome.batches, pending: outcome.pending, error: outcome.error ?? '', ...outcome.outcomes };
}

export function SyncStatusCard({ live }: { live: SyncLive }) {
  const { t } = useTranslation();
  const client = useClient();
  const time = useShanghaiTime();
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [asked, setAsked] = useState(false);
  const { status, running, progress, batches } = live;

  async function runNow() {
    setAsked(true);
    setNotice(null);
    const result = await client.call('sync.runNow', {});
    setAsked(false);
    if (!result.ok) setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
    else if (result.value.error === 'busy') setNotice({ type: 'info', text: t('console.run.busy') });
    else
      setNotice({
        type: result.value.error ? 'error' : 'success',
        text: t(result.value.error ? 'console.run.stopped' : 'console.run.done', outcomeParams(result.value)),
      });
    await live.refresh();
  }

  const age = status?.oldestPendingAgeSeconds ?? null;
  const level = ageLevel(age);
  const ageWords = age === null ? null : ageText(age);
  const ageLabel = ageWords ? t(ageWords.key, ageWords.params) : t('console.status.none');
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;

  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.status.title')}</Typography.Title>}>
      <Space orientation="vertical" size="middle" className="console-section">
        {status && !status.enrolled && <Alert type="warning" showIcon title={t('console.status.notEnrolled')} />}
        {status && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('console.status.connectivity')}>
              <Tag color={connectivityColor[status.connectivity]} data-testid="console-connectivity">
                {t(`console.status.${status.connectivity}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('console.status.platform')}>{status.platformUrl ?? t('console.status.none')}</Descriptions.Item>
            <Descriptions.Item label={t('console.status.lastSuccess')}>
              {status.lastSuccessAt ? time(status.lastSuccessAt) : t('console.status.never')}
            </Descriptions.Item>
            <Descriptions.Item label={t('console.status.nextAttempt')}>
              {status.nextAttemptAt ? time(status.nextAttemptAt) : running ? t('console.status.running') : t('console.status.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('console.status.pending')}>
              <span data-testid="console-pending">{status.pendingCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('console.status.oldestPending')}>
              <span className={`console-age console-age-${level}`} data-testid="console-oldest-age" data-level={level}>
                {ageLabel}
                {level === 'amber' && ` · ${t('console.status.ageAmber', { hours: AMBER_AFTER_HOURS })}`}
                {level === 'red' && ` · ${t('console.status.ageRed', { hours: RED_AFTER_HOURS })}`}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('console.status.quarantined')}>{status.quarantinedCount}</Descriptions.Item>
            <Descriptions.Item label={t('console.status.kioskId')}>{status.kioskId}</Descriptions.Item>
            <Descriptions.Item label={t('console.status.keyId')}>
              <span data-testid="console-key-id">{status.kioskShortKeyId}</span>
            </Descriptions.Item>
            {status.lastError && <Descriptions.Item label={t('console.status.lastError')}>{status.lastError}</Descriptions.Item>}
          </Descriptions>
        )}
        <Space wrap align="center">
          <Button type="primary" size="large" onClick={() => void runNow()} loading={asked} disabled={!status?.enrolled}>
            {t('console.run.button')}
          </Button>
          {(running || asked) && progress && (
            <div className="console-progress">
              <Progress percent={percent} status="active" aria-label={t('console.run.progress', progress)} />
              <Typography.Text data-testid="console-progress">{t('console.run.progress', progress)}</Typography.Text>
            </div>
          )}
        </Space>
        {batches.length > 0 && (
          <div aria-live="polite">
            <Typography.Text strong>{t('console.run.live')}</Typography.Text>
            <ul className="console-live" data-testid="console-live-batches">
              {batches.map((batch) => (
                <li key={batch.batchId}>{t('console.run.batchResult', { batch: shortId(batch.batchId), ...batch.outcomes })}</li>
              ))}
            </ul>
          </div>
        )}
        <Notice notice={notice} onClose={() => setNotice(null)} />
      </Space>
    </Card>
  );
}
