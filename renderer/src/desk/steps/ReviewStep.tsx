// Step 6: everything that will be saved, sensitive values masked, each part with a link back to
// the step that changes it. 提交 is the flow's last button.
import { Alert, Button, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlow, type StepId } from '../flowStore';
import { payloadRows } from '../payloadRows';
import { useReference } from '../reference';
import { consentItems, signerOf } from '../signing';
import { useDraftCheck } from '../useDraftCheck';

function Section({ title, step, children }: { title: string; step?: StepId; children: ReactNode }) {
  const { t } = useTranslation();
  const goTo = useFlow((state) => state.goTo);
  const id = `review-${title}`;
  return (
    <section className="review-section" aria-labelledby={id} data-section={step ?? 'agreement'}>
      <div className="review-head">
        <Typography.Title level={3} className="desk-section" id={id}>
          {title}
        </Typography.Title>
        {step && (
          <Button onClick={() => goTo(step)} aria-label={`${t('desk.review.edit')} ${title}`}>
            {t('desk.review.edit')}
          </Button>
        )}
      </div>
      {children}
    </section>
  );
}

export function ReviewStep() {
  const { t } = useTranslation();
  const check = useDraftCheck();
  const tree = useReference((state) => state.divisions) ?? [];
  const state = useFlow();
  const { spec, agreement, reading, signer: choice, signature, draft } = state;
  if (!check?.payload || !spec || !agreement || !reading || !choice || !signature || !draft) return null;
  const signer = signerOf(check.payload, choice, check.minor);
  const enterpriseLabel = draft.kind === 'individual' ? draft.enterpriseLabel : '';
  const otherErrors = Object.entries(state.serverErrors).filter(([path]) => path === 'supersedes');

  return (
    <div className="review">
      <Typography.Paragraph>{t('desk.review.intro')}</Typography.Paragraph>
      {otherErrors.map(([path, message]) => (
        <Alert key={path} type="error" showIcon role="alert" title={message} className="desk-note" />
      ))}
      {state.correction && (
        <Descriptions column={1} size="small" bordered className="desk-record">
          <Descriptions.Item label={t('desk.review.supersedes')}>{state.correction.number}</Descriptions.Item>
        </Descriptions>
      )}
      <Section title={t('desk.review.data')} step="form">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="review-data">
          {payloadRows(check.payload, t, tree, enterpriseLabel).map((row) => (
            <Descriptions.Item key={row.label} label={t(row.label)}>
              {row.value || <Typography.Text type="secondary">{t('desk.review.empty')}</Typography.Text>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Section>
      {state.duplicates.length > 0 && (
        <Section title={t('desk.review.duplicateReason')} step="duplicates">
          <Typography.Paragraph>{state.duplicateReason}</Typography.Paragraph>
        </Section>
      )}
      <Section title={t('desk.review.agreement')}>
        <Typography.Paragraph>
          {t('desk.review.agreementValue', {
            title: agreement.title,
            version: agreement.version,
            hash: agreement.canonicalSha256.slice(0, 12),
            seconds: Math.round(reading.durationMs / 1000),
          })}
        </Typography.Paragraph>
      </Section>
      <Section title={t('desk.review.consents')} step="consents">
        <ul className="review-consents" data-testid="review-consents">
          {consentItems(spec, check.minor).map((item) => {
            const granted = state.consents[item.item]?.granted ?? false;
            return (
              <li key={item.item}>
                <strong className={granted ? 'consent-granted' : 'consent-refused'}>
                  {t(granted ? 'desk.consents.granted' : 'desk.consents.refused')}
                </strong>
                {item.text}
              </li>
            );
          })}
        </ul>
      </Section>
      <Section title={t('desk.review.signature')} step="signature">
        <Typography.Paragraph>{t('desk.review.signedBy', { name: signer.name, role: t(`consent.role.${signer.role}`) })}</Typography.Paragraph>
        <img className="review-signature" src={`data:image/png;base64,${signature.png}`} alt={t('desk.review.signatureImage')} />
      </Section>
    </div>
  );
}
