// 运维控制台 for IT administrators: one page with everything sync needs from a person (status and
// 立即同步, enrolment, the quarantine, batch history, USB transfer), the kiosk's settings and the
// shell's warnings. Core checks the it_admin role again on every call.
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BatchHistoryCard } from './BatchHistoryCard';
import './console.css';
import { EnrolCard } from './EnrolCard';
import { QuarantineCard } from './QuarantineCard';
import { SettingsCard } from './SettingsCard';
import { SyncStatusCard } from './SyncStatusCard';
import { UsbCard } from './UsbCard';
import { useSyncLive } from './useSyncLive';
import { WarningsCard } from './WarningsCard';

interface ConsoleScreenProps {
  onDone: () => void;
  /** Opens a record at the front desk, whose correct button starts a superseding record. */
  onOpenRecord: (id: string) => void;
}

export function ConsoleScreen({ onDone, onOpenRecord }: ConsoleScreenProps) {
  const { t } = useTranslation();
  const live = useSyncLive();
  const refresh = () => void live.refresh();
  return (
    <Space orientation="vertical" size="large" className="console-page">
      <Space className="admin-header" align="center">
        <h1 className="card-title">{t('console.title')}</h1>
        <Button size="large" onClick={onDone}>
          {t('console.back')}
        </Button>
      </Space>
      <SyncStatusCard live={live} />
      <EnrolCard status={live.status} onEnrolled={refresh} />
      <QuarantineCard version={live.version} onOpenRecord={onOpenRecord} onChanged={refresh} />
      <BatchHistoryCard version={live.version} />
      <UsbCard onChanged={refresh} />
      <SettingsCard platformUrl={live.status?.platformUrl ?? null} />
      <WarningsCard />
    </Space>
  );
}
