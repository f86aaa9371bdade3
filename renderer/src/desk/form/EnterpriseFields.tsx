// The enterprise form (product.md, field catalogue): the enterprise, its legal representative and
// agent, and how to reach it. The active profile marks which are required.
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enterpriseTypes } from '../../../../shared/domain/registrationPayload';
import type { ValidationIssue } from '../../../../shared/validation';
import { useFlow } from '../flowStore';
import { useReference } from '../reference';
import { DivisionSelect, SelectField, TextField } from './controls';
import { FieldItem, inputId, useSlotMessage } from './FieldItem';

function AddressField({ required, issue }: { required: boolean; issue: ValidationIssue | undefined }) {
  const { t } = useTranslation();
  const tree = useReference((state) => state.divisions) ?? [];
  const draft = useFlow((state) => (state.draft?.kind === 'enterprise' ? state.draft : null));
  const setField = useFlow((state) => state.setField);
  const message = useSlotMessage('registeredAddress', issue);
  return (
    <FieldItem slot="registeredAddress" label="desk.field.registeredAddress" required={required} issue={issue}>
      <div className="desk-address">
        <DivisionSelect
          id={inputId('registeredAddress')}
          tree={tree}
          value={draft?.divisionCode ?? ''}
          onChange={(code) => setField('registeredAddress', { divisionCode: code })}
          invalid={Boolean(message)}
        />
        <Input
          id={inputId('registeredAddress.street')}
          aria-label={t('desk.field.street')}
          placeholder={t('desk.field.street')}
          value={draft?.street ?? ''}
          onChange={(event) => setField('registeredAddress', { street: event.target.value })}
          status={message ? 'error' : undefined}
          autoComplete="off"
          maxLength={200}
        />
      </div>
    </FieldItem>
  );
}

export function EnterpriseFields({ issues, required }: { issues: Record<string, ValidationIssue>; required: (field: string) => boolean }) {
  const { t } = useTranslation();
  const field = (slot: string) => ({ slot, required: required(slot), issue: issues[slot] });
  return (
    <>
      <Typography.Title level={3} className="desk-section">{t('desk.section.enterprise')}</Typography.Title>
      <div className="desk-grid">
        <TextField {...field('enterpriseName')} label="desk.field.enterpriseName" />
        <TextField {...field('creditCode')} label="desk.field.creditCode" maxLength={40} />
        <SelectField
          {...field('enterpriseType')}
          label="desk.field.enterpriseType"
          options={enterpriseTypes.map((type) => ({ value: type, label: t(`desk.enterpriseType.${type}`) }))}
        />
      </div>
      <AddressField required={required('registeredAddress')} issue={issues.registeredAddress} />
      <Typography.Title level={3} className="desk-section">{t('desk.section.agent')}</Typography.Title>
      <div className="desk-grid">
        <TextField {...field('legalRepresentative')} label="desk.field.legalRepresentative" maxLength={60} />
        <TextField {...field('agentName')} label="desk.field.agentName" maxLength={60} />
        <TextField {...field('agentIdNumber')} label="desk.field.agentIdNumber" maxLength={40} />
        <TextField {...field('agentMobile')} label="desk.field.agentMobile" inputMode="tel" maxLength={30} />
      </div>
      <Typography.Title level={3} className="desk-section">{t('desk.section.contact')}</Typography.Title>
      <div className="desk-grid">
        <TextField {...field('phone')} label="desk.field.phone" inputMode="tel" maxLength={40} extra={t('desk.hint.phone')} />
        <TextField {...field('email')} label="desk.field.email" inputMode="email" maxLength={300} />
      </div>
    </>
  );
}
