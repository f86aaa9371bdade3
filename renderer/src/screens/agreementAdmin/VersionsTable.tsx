// The stored agreement versions, newest first per agreement, with where each stands today.
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementVersionSummary, VersionStatus } from '../../../../shared/domain/agreement';

const statusColor: Record<VersionStatus, string> = { active: 'green', scheduled: 'blue', superseded: 'default' };

export function VersionsTable({ versions, loading }: { versions: AgreementVersionSummary[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('agreementAdmin.versions')}</Typography.Title>}>
      <Table<AgreementVersionSummary>
        rowKey={(v) => `${v.agreementId}@${v.version}`}
        loading={loading}
        dataSource={versions}
        pagination={false}
        locale={{ emptyText: t('agreementAdmin.noVersions') }}
        columns={[
          { title: t('agreementAdmin.column.agreementId'), dataIndex: 'agreementId' },
          { title: t('agreementAdmin.column.version'), dataIndex: 'version' },
          { title: t('agreementAdmin.column.title'), dataIndex: 'title' },
          {
            title: t('agreementAdmin.column.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            render: (at: string) => time.format(new Date(at)),
          },
          {
            title: t('agreementAdmin.column.status'),
            dataIndex: 'status',
            render: (status: VersionStatus) => <Tag color={statusColor[status]}>{t(`agreements.status.${status}`)}</Tag>,
          },
          {
            title: t('agreementAdmin.column.hash'),
            dataIndex: 'canonicalSha256',
            render: (hash: string) => <Typography.Text code>{hash.slice(0, 12)}</Typography.Text>,
          },
          { title: t('agreementAdmin.column.warnings'), dataIndex: 'warningCount' },
        ]}
      />
    </Card>
  );
}
