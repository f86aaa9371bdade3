// A registration opened from the list: its data (masked) and, while the platform has not answered
// for it, 更正 — a new registration that supersedes it, with a new reading, consents and signature.
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationState } from '../../../../shared/domain/registration';
import { useClient } from '../../store/session';
import { startRegistration } from '../flowActions';
import { RecordView, useRecord } from './RecordDetails';

/** States in which core still accepts a correction (electron/core/registrations/submit.ts). */
const CORRECTABLE: readonly RegistrationState[] = ['finalized', 'queued', 'sending', 'quarantined'];

export function RecordScreen({ id, onCorrect, onDone }: { id: string; onCorrect: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { record, error } = useRecord(id);

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

  const correctable = record?.payload && !record.replacedBy && CORRECTABLE.includes(record.summary.state);
  return (
    <Card className="form-card record-card">
      {error && <Alert type="error" showIcon title={t('desk.record.loadFailed', { reason: error })} />}
      {!record && !error && <Spin />}
      {record && <RecordView record={record} />}
      {record && !correctable && record.payload && <Alert type="info" showIcon title={t('desk.record.closed')} className="desk-note" />}
      <Space className="record-actions">
        <Button size="large" onClick={onDone}>
          {t('desk.record.back')}
        </Button>
        {correctable && (
          <Button type="primary" size="large" onClick={() => void correct()}>
            {t('desk.record.correct')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
