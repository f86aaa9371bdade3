// An imported agreement's structure as a collapsible tree (number, heading, paragraph count): what IT
// staff compare with the original before saving a new version.
import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { AgreementDocument, AgreementSection } from '../../../shared/domain/agreement';

export function AgreementOutlineTree({ document }: { document: AgreementDocument }) {
  const { t } = useTranslation();

  const node = (section: AgreementSection, key: string): DataNode => ({
    key,
    title: (
      <span className="outline-node">
        {section.number !== null && <span className="clause-number">{section.number}</span>}
        {section.heading !== null && <strong>{section.heading}</strong>}
        <span className="outline-count">{t('agreementAdmin.paragraphs', { count: section.paragraphs.length })}</span>
      </span>
    ),
    children: section.sections.map((child, index) => node(child, `${key}.${index}`)),
  });

  const treeData: DataNode[] = [
    ...(document.preamble.length > 0
      ? [
          {
            key: 'preamble',
            title: (
              <span className="outline-node">
                <strong>{t('reader.preamble')}</strong>
                <span className="outline-count">{t('agreementAdmin.paragraphs', { count: document.preamble.length })}</span>
              </span>
            ),
          },
        ]
      : []),
    ...document.sections.map((section, index) => node(section, String(index))),
  ];

  return <Tree className="outline-tree" treeData={treeData} defaultExpandAll selectable={false} aria-label={t('agreementAdmin.outline')} />;
}
