// The individual form (product.md, field catalogue). 性别 and 出生日期 follow a valid resident ID
// number and are cross-checked against it; a registrant under 14 gets the guardian section.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../../shared/validation';
import { documentTypes } from '../../../../shared/validation/document';
import { useFlow } from '../flowStore';
import { useReference } from '../reference';
import { DivisionSelect, RadioField, SelectField, TextField } from './controls';
import { EnterprisePicker } from './EnterprisePicker';
import { FieldItem, inputId, useSlotMessage } from './FieldItem';

function CityField({ required, issue }: { required: boolean; issue: ValidationIssue | undefined }) {
  const tree = useReference((state) => state.cities) ?? [];
  const cityCode = useFlow((state) => (state.draft?.kind === 'individual' ? state.draft.cityCode : ''));
  const setField = useFlow((state) => state.setField);
  const message = useSlotMessage('cityCode', issue);
  return (
    <FieldItem slot="cityCode" label="desk.field.city" required={required} issue={issue}>
      <DivisionSelect id={inputId('cityCode')} tree={tree} value={cityCode} onChange={(code) => setField('cityCode', { cityCode: code })} invalid={Boolean(message)} />
    </FieldItem>
  );
}

export function IndividualFields({ issues, required, minor }: {
  issues: Record<string, ValidationIssue>;
  required: (field: string) => boolean;
  minor: boolean;
}) {
  const { t } = useTranslation();
  const derived = useFlow((state) => state.draft?.kind === 'individual' && state.draft.derivedFromId);
  const field = (slot: string, profileField = slot) => ({ slot, required: required(profileField), issue: issues[slot] });
  const documents = documentTypes.map((type) => ({ value: type, label: t(`consent.idType.${type}`) }));
  return (
    <>
      <Typography.Title level={3} className="desk-section">{t('desk.section.person')}</Typography.Title>
      <div className="desk-grid">
        <TextField {...field('name')} label="desk.field.name" maxLength={60} />
        <SelectField {...field('idType')} label="desk.field.idType" options={documents} />
        <TextField {...field('idNumber')} label="desk.field.idNumber" maxLength={40} />
        <RadioField
          {...field('sex')}
          label="desk.field.sex"
          options={[
            { value: 'male', label: t('individual.sex.male') },
            { value: 'female', label: t('individual.sex.female') },
          ]}
          extra={derived ? <span data-testid="derived">{t('desk.hint.derived')}</span> : undefined}
        />
        <TextField {...field('birthDate')} label="desk.field.birthDate" inputMode="numeric" maxLength={20} extra={t('desk.hint.birthDate')} />
        <CityField required={required('city')} issue={issues.cityCode} />
      </div>
      <Typography.Title level={3} className="desk-section">{t('desk.section.contact')}</Typography.Title>
      <div className="desk-grid">
        <TextField {...field('mobile')} label="desk.field.mobile" inputMode="tel" maxLength={30} />
        <TextField {...field('email')} label="desk.field.email" inputMode="email" maxLength={300} />
      </div>
      <Typography.Title level={3} className="desk-section">{t('desk.section.work')}</Typography.Title>
      <EnterprisePicker required={required('enterprise')} issue={issues.enterprise} />
      <div className="desk-grid">
        <TextField {...field('position')} label="desk.field.position" maxLength={80} />
      </div>
      {minor && (
        <section aria-labelledby="desk-guardian-title" data-testid="guardian-section">
          <Typography.Title level={3} className="desk-section" id="desk-guardian-title">
            {t('desk.section.guardian')}
          </Typography.Title>
          <Alert type="info" showIcon title={t('desk.guardian.why')} className="desk-note" />
          <div className="desk-grid">
            <TextField slot="guardianName" required issue={issues.guardianName} label="desk.field.guardianName" maxLength={60} />
            <SelectField slot="guardianIdType" required issue={issues.guardianIdType} label="desk.field.guardianIdType" options={documents} />
            <TextField slot="guardianIdNumber" required issue={issues.guardianIdNumber} label="desk.field.guardianIdNumber" maxLength={40} />
          </div>
        </section>
      )}
    </>
  );
}
