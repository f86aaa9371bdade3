// Step 3: the agreement in force, read to the end. The first time its end is on screen is what the
// consent record keeps; 下一步 stays refused until then.
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgreementReader } from '../../components/AgreementReader';
import { useClient } from '../../store/session';
import { useFlow } from '../flowStore';

export function AgreementStep() {
  const { t } = useTranslation();
  const client = useClient();
  const agreement = useFlow((state) => state.agreement);
  const kind = useFlow((state) => state.kind);
  const reading = useFlow((state) => state.reading);
  const setReading = useFlow((state) => state.setReading);
  const reloadAgreement = useFlow((state) => state.reloadAgreement);
  const showAll = useFlow((state) => state.showAll);
  const refusal = useFlow((state) => state.serverErrors['signing.agreement'] ?? state.serverErrors['signing.reading']);
  if (!agreement || !kind) return null;

  async function reopen() {
    if (!kind) return;
    const result = await client.call('agreements.current', { kind });
    if (result.ok) reloadAgreement(result.value);
  }

  return (
    <>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal}
          action={<Button onClick={() => void reopen()}>{t('desk.agreement.reopen')}</Button>}
          className="desk-note"
        />
      )}
      <Typography.Text type="secondary" data-testid="agreement-meta">
        {t('desk.agreement.meta', { version: agreement.version, hash: agreement.canonicalSha256.slice(0, 12) })}
      </Typography.Text>
      <AgreementReader key={agreement.canonicalSha256} document={agreement.document} onReachedEnd={setReading} actions={() => null} />
      {showAll && !reading && <Alert type="error" showIcon role="alert" title={t('desk.agreement.readFirst')} className="desk-note" />}
    </>
  );
}
