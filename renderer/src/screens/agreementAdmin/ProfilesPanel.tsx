// The platform profiles this kiosk ships with; an IT admin picks the one the kiosk serves.
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileList } from '../../../../shared/domain/profile';
import { useSession } from '../../store/session';

interface ProfilesPanelProps {
  profiles: ProfileList | null;
  onActivate: (profileId: string) => void;
  busy: boolean;
}

export function ProfilesPanel({ profiles, onActivate, busy }: ProfilesPanelProps) {
  const { t } = useTranslation();
  const locale = useSession((state) => state.locale);
  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('agreementAdmin.profiles')}</Typography.Title>}>
      <Table<Profile>
        rowKey="id"
        loading={!profiles}
        dataSource={profiles?.profiles ?? []}
        pagination={false}
        showHeader={false}
        columns={[
          {
            key: 'name',
            render: (_value, profile) => (
              <>
                <Typography.Text strong>{profile.displayName[locale]}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t('agreementAdmin.profileAgreements', {
                    enterprise: profile.agreements.enterprise.agreementId,
                    individual: profile.agreements.individual.agreementId,
                  })}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'action',
            align: 'right',
            render: (_value, profile) =>
              profile.id === profiles?.activeId ? (
                <Tag color="green">{t('agreementAdmin.profileActive')}</Tag>
              ) : (
                <Button onClick={() => onActivate(profile.id)} disabled={busy}>
                  {t('agreementAdmin.activate')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
