// Step 1: the registrant's data, checked as it is typed with the shared schemas and rules.
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFlow } from '../flowStore';
import { EnterpriseFields } from '../form/EnterpriseFields';
import { IndividualFields } from '../form/IndividualFields';
import { useDraftCheck } from '../useDraftCheck';

export function FormStep() {
  const { t } = useTranslation();
  const kind = useFlow((state) => state.kind);
  const requiredFields = useFlow((state) => state.spec?.requiredFields ?? []);
  const showAll = useFlow((state) => state.showAll);
  const check = useDraftCheck();
  if (!check) return null;
  const required = (field: string) => requiredFields.includes(field);
  const count = Object.keys(check.issues).length;
  return (
    <Form layout="vertical" component="div" className="desk-form">
      {showAll && count > 0 && <Alert type="error" showIcon title={t('desk.fixErrors', { count })} className="desk-note" role="alert" />}
      {kind === 'enterprise' ? (
        <EnterpriseFields issues={check.issues} required={required} />
      ) : (
        <IndividualFields issues={check.issues} required={required} minor={check.minor} />
      )}
    </Form>
  );
}
