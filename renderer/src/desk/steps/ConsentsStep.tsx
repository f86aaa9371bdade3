// Step 4: each consent its own control, unticked until the registrant ticks it (PIPL art. 14, 29;
// 网络数据安全管理条例 art. 62(7)). Required ones say why; refusing an optional one never blocks.
import { Alert, Checkbox, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_CONSENT, SENSITIVE_CONSENT } from '../../../../shared/domain/profile';
import { GUARDIAN_CONSENT, type ConsentItemView } from '../../../../shared/domain/submission';
import type { MessageKey } from '../../../../shared/i18n';
import { useFlow } from '../flowStore';
import { consentItems } from '../signing';
import { useDraftCheck } from '../useDraftCheck';

function whyKey(item: ConsentItemView): MessageKey {
  if (!item.required) return 'desk.consents.why.optional';
  if (item.item === GUARDIAN_CONSENT) return 'desk.consents.why.guardian';
  if (item.item === SENSITIVE_CONSENT) return 'desk.consents.why.sensitive';
  return item.item === AGREEMENT_CONSENT ? 'desk.consents.why.agreement' : 'desk.consents.why.optional';
}

function ConsentControl({ item }: { item: ConsentItemView }) {
  const { t } = useTranslation();
  const choice = useFlow((state) => state.consents[item.item]);
  const choose = useFlow((state) => state.choose);
  const showAll = useFlow((state) => state.showAll);
  const server = useFlow((state) => state.serverErrors[`signing.consents.${item.item}`]);
  const granted = choice?.granted ?? false;
  const message = server ?? (showAll && item.required && !granted ? t('consent.item.required') : undefined);
  const describedBy = `consent-${item.item}-why`;
  return (
    <li className={`consent-item${message ? ' consent-item-error' : ''}`} data-consent={item.item}>
      <Checkbox
        checked={granted}
        onChange={(event) => choose(item.item, event.target.checked, new Date().toISOString())}
        aria-describedby={describedBy}
        aria-invalid={message ? true : undefined}
      >
        {item.text}
      </Checkbox>
      <div className="consent-meta" id={describedBy}>
        <Tag color={item.required ? 'red' : 'default'}>{t(item.required ? 'desk.consents.required' : 'desk.consents.optional')}</Tag>
        {item.separate && <Tag color="blue">{t('desk.consents.separate')}</Tag>}
        <Typography.Text type="secondary">{t(whyKey(item))}</Typography.Text>
        {item.clause && <Typography.Text type="secondary">{t('desk.consents.clause', { clause: item.clause })}</Typography.Text>}
      </div>
      {message && (
        <div className="consent-error" role="alert">
          {message}
        </div>
      )}
    </li>
  );
}

export function ConsentsStep() {
  const { t } = useTranslation();
  const spec = useFlow((state) => state.spec);
  const mismatch = useFlow((state) => state.serverErrors['signing.consents']);
  const check = useDraftCheck();
  if (!spec) return null;
  return (
    <>
      <Typography.Paragraph>{t('desk.consents.intro')}</Typography.Paragraph>
      {mismatch && <Alert type="error" showIcon role="alert" title={mismatch} className="desk-note" />}
      <ul className="consent-list">
        {consentItems(spec, check?.minor ?? false).map((item) => (
          <ConsentControl key={item.item} item={item} />
        ))}
      </ul>
    </>
  );
}
