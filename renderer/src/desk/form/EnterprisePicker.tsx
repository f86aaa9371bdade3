// 所属企业: an enterprise registered on this kiosk, searched by name or credit code, or one
// registered elsewhere, given by its 统一社会信用代码.
import { Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseChoice } from '../../../../shared/domain/enterpriseChoice';
import type { ValidationIssue } from '../../../../shared/validation';
import { useClient } from '../../store/session';
import { useFlow } from '../flowStore';
import { FieldItem, inputId, useSlotMessage } from './FieldItem';

export function EnterprisePicker({ required, issue }: { required: boolean; issue: ValidationIssue | undefined }) {
  const { t } = useTranslation();
  const client = useClient();
  const draft = useFlow((state) => (state.draft?.kind === 'individual' ? state.draft : null));
  const setField = useFlow((state) => state.setField);
  const message = useSlotMessage('enterprise', issue);
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<EnterpriseChoice[]>([]);
  const source = draft?.enterpriseSource ?? 'kiosk';

  useEffect(() => {
    if (source !== 'kiosk') return;
    let live = true;
    void client.call('registrations.findEnterprises', { query }).then((result) => {
      if (live && result.ok) setChoices(result.value);
    });
    return () => {
      live = false;
    };
  }, [client, query, source]);

  const label = (choice: EnterpriseChoice) => t('desk.enterprise.option', { name: choice.enterpriseName, code: choice.creditCode });
  const options = choices.map((choice) => ({ value: choice.id, label: label(choice) }));
  if (draft?.enterpriseId && !options.some((option) => option.value === draft.enterpriseId)) {
    options.unshift({ value: draft.enterpriseId, label: draft.enterpriseLabel });
  }
  const controlId = source === 'kiosk' ? inputId('enterprise') : inputId('enterprise.creditCode');

  return (
    <FieldItem slot="enterprise" label="desk.field.enterprise" required={required} issue={issue} htmlFor={controlId}>
      <div className="desk-enterprise">
        <Radio.Group
          value={source}
          optionType="button"
          onChange={(event) => setField('enterprise', { enterpriseSource: event.target.value as 'kiosk' | 'code' })}
          options={[
            { value: 'kiosk', label: t('desk.enterprise.kiosk') },
            { value: 'code', label: t('desk.enterprise.code') },
          ]}
        />
        {source === 'kiosk' ? (
          <Select
            id={controlId}
            showSearch={{ filterOption: false, onSearch: setQuery }}
            value={draft?.enterpriseId || undefined}
            placeholder={t('desk.placeholder.search')}
            notFoundContent={t('desk.enterprise.none')}
            options={options}
            onChange={(id: string) => {
              const chosen = options.find((option) => option.value === id);
              setField('enterprise', { enterpriseId: id, enterpriseLabel: chosen?.label ?? '' });
            }}
            status={message ? 'error' : undefined}
          />
        ) : (
          <Input
            id={controlId}
            aria-label={t('desk.field.enterpriseCode')}
            placeholder={t('desk.field.enterpriseCode')}
            value={draft?.enterpriseCode ?? ''}
            onChange={(event) => setField('enterprise', { enterpriseCode: event.target.value })}
            status={message ? 'error' : undefined}
            autoComplete="off"
            maxLength={40}
          />
        )}
      </div>
    </FieldItem>
  );
}
