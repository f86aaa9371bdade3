// The form's controls, each bound to one draft field of the flow store and labelled by its slot.
import { Cascader, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { divisionPath, type DivisionNode } from '../../../../shared/domain/division';
import type { MessageKey } from '../../../../shared/i18n';
import type { ValidationIssue } from '../../../../shared/validation';
import type { Draft } from '../draft';
import { useFlow } from '../flowStore';
import { FieldItem, inputId, useSlotMessage } from './FieldItem';

function useDraftValue(field: string): string {
  return useFlow((state) => {
    const value = (state.draft as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' ? value : '';
  });
}

interface FieldProps {
  slot: string;
  /** The draft field the control edits; the slot's name by default. */
  field?: string;
  label: MessageKey;
  required: boolean;
  issue: ValidationIssue | undefined;
  extra?: ReactNode;
}

export function TextField({ slot, field = slot, label, required, issue, extra, inputMode, maxLength = 200 }: FieldProps & {
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  maxLength?: number;
}) {
  const value = useDraftValue(field);
  const setField = useFlow((state) => state.setField);
  const message = useSlotMessage(slot, issue);
  return (
    <FieldItem slot={slot} label={label} required={required} issue={issue} extra={extra}>
      <Input
        id={inputId(slot)}
        value={value}
        onChange={(event) => setField(slot, { [field]: event.target.value } as Partial<Draft>)}
        status={message ? 'error' : undefined}
        aria-invalid={message ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        inputMode={inputMode}
        maxLength={maxLength}
      />
    </FieldItem>
  );
}

export function SelectField({ slot, field = slot, label, required, issue, options }: FieldProps & {
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const value = useDraftValue(field);
  const setField = useFlow((state) => state.setField);
  const message = useSlotMessage(slot, issue);
  return (
    <FieldItem slot={slot} label={label} required={required} issue={issue}>
      <Select
        id={inputId(slot)}
        value={value === '' ? undefined : value}
        placeholder={t('desk.placeholder.select')}
        onChange={(next: string) => setField(slot, { [field]: next } as Partial<Draft>)}
        options={options}
        status={message ? 'error' : undefined}
        aria-invalid={message ? true : undefined}
      />
    </FieldItem>
  );
}

export function RadioField({ slot, field = slot, label, required, issue, options, extra }: FieldProps & {
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const value = useDraftValue(field);
  const setField = useFlow((state) => state.setField);
  return (
    <FieldItem slot={slot} label={label} required={required} issue={issue} htmlFor={inputId(slot)} extra={extra}>
      <Radio.Group
        id={inputId(slot)}
        aria-label={t(label)}
        value={value === '' ? undefined : value}
        onChange={(event) => setField(slot, { [field]: event.target.value as string } as Partial<Draft>)}
        options={options}
        optionType="button"
        buttonStyle="solid"
      />
    </FieldItem>
  );
}

function searchPath(input: string, path: DivisionNode[]): boolean {
  const query = input.trim();
  return path.some((node) => node.name.includes(query) || node.code.startsWith(query));
}

/** A province → city (→ district) cascader from the GB/T 2260 tree; stores the code of the level chosen last. */
export function DivisionSelect({ id, tree, value, onChange, invalid, ariaLabel }: {
  id: string;
  tree: DivisionNode[];
  value: string;
  onChange: (code: string) => void;
  invalid: boolean;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const path = value ? divisionPath(tree, value).map((node) => node.code) : [];
  return (
    <Cascader<DivisionNode>
      id={id}
      aria-label={ariaLabel}
      options={tree}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={path.length > 0 ? path : undefined}
      onChange={(codes) => onChange(codes && codes.length > 0 ? String(codes[codes.length - 1]) : '')}
      showSearch={{ filter: searchPath, limit: 30 }}
      placeholder={t('desk.placeholder.select')}
      status={invalid ? 'error' : undefined}
      className="desk-cascader"
      expandTrigger="click"
    />
  );
}
