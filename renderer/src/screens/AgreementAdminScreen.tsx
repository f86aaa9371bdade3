// 协议管理 for IT admins: import a new agreement version (with preview), the stored versions, and
// the platform profile this kiosk serves.
import { Alert, Button, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementVersionSummary } from '../../../shared/domain/agreement';
import type { ProfileList } from '../../../shared/domain/profile';
import { useClient, useSession } from '../store/session';
import { ImportPanel } from './agreementAdmin/ImportPanel';
import { ProfilesPanel } from './agreementAdmin/ProfilesPanel';
import { VersionsTable } from './agreementAdmin/VersionsTable';

export function AgreementAdminScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useSession((state) => state.locale);
  const [versions, setVersions] = useState<AgreementVersionSummary[]>([]);
  const [profiles, setProfiles] = useState<ProfileList | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const refresh = useCallback(async () => {
    const [listed, profileList] = await Promise.all([client.call('agreements.list', {}), client.call('profiles.list', {})]);
    if (listed.ok) setVersions(listed.value);
    if (profileList.ok) setProfiles(profileList.value);
    setLoading(false);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function activate(profileId: string) {
    setBusy(true);
    const result = await client.call('profiles.activate', { profileId });
    setBusy(false);
    setNotice(
      result.ok
        ? { type: 'success', text: t('agreementAdmin.activated', { name: result.value.displayName[locale] }) }
        : { type: 'error', text: result.error.message },
    );
    await refresh();
  }

  const knownIds = [...new Set(versions.map((v) => v.agreementId))];
  return (
    <Space orientation="vertical" size="large" className="admin-page">
      <Space className="admin-header" align="center">
        <h1 className="card-title">{t('agreementAdmin.title')}</h1>
        <Button onClick={onDone}>{t('agreementAdmin.back')}</Button>
      </Space>
      {notice && <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} />}
      <ProfilesPanel profiles={profiles} onActivate={activate} busy={busy} />
      <ImportPanel knownIds={knownIds} onSaved={() => void refresh()} />
      <VersionsTable versions={versions} loading={loading} />
    </Space>
  );
}
