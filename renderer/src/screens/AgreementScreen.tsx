// The active profile's registration agreement in the reader, with 我已阅读 unlocking at the end. The
// registration flow will embed the same reader; until then this screen lets staff and registrants
// read the text in force.
import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentAgreement } from '../../../shared/domain/agreement';
import type { RegistrationKind } from '../../../shared/domain/registration';
import { AgreementReader, type ReadingRecord } from '../components/AgreementReader';
import { useClient } from '../store/session';

interface AgreementScreenProps {
  kind?: RegistrationKind;
  onDone: () => void;
}

export function AgreementScreen({ kind = 'individual', onDone }: AgreementScreenProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [agreement, setAgreement] = useState<CurrentAgreement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<ReadingRecord | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('agreements.current', { kind }).then((result) => {
      if (!live) return;
      if (result.ok) setAgreement(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, kind]);

  if (error) {
    return (
      <Result
        status="warning"
        title={t('agreementView.loadFailed')}
        subTitle={error}
        extra={<Button onClick={onDone}>{t('agreementView.back')}</Button>}
      />
    );
  }
  if (!agreement) return <Spin size="large" />;

  if (confirmed && reading) {
    return (
      <Result
        status="success"
        title={t('agreementView.confirmed')}
        subTitle={t('agreementView.confirmedDetail', {
          title: agreement.title,
          version: agreement.version,
          seconds: Math.round(reading.durationMs / 1000),
        })}
        extra={
          <Button size="large" onClick={onDone}>
            {t('agreementView.back')}
          </Button>
        }
      />
    );
  }

  const effective = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  return (
    <Card
      className="reader-card"
      title={<h1 className="card-title">{agreement.title}</h1>}
      extra={
        <Space size="middle">
          <Typography.Text type="secondary" data-testid="agreement-meta">
            {t('agreementView.meta', {
              version: agreement.version,
              effectiveFrom: effective.format(new Date(agreement.effectiveFrom)),
              hash: agreement.canonicalSha256.slice(0, 12),
            })}
          </Typography.Text>
          <Button onClick={onDone}>{t('agreementView.back')}</Button>
        </Space>
      }
    >
      <AgreementReader
        key={agreement.canonicalSha256}
        document={agreement.document}
        onReachedEnd={setReading}
        actions={(reachedEnd) => (
          <Button type="primary" size="large" disabled={!reachedEnd} onClick={() => setConfirmed(true)}>
            {t('agreementView.confirm')}
          </Button>
        )}
      />
    </Card>
  );
}
