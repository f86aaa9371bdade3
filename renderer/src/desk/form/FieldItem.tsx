// One labelled slot of the registration form. The label names the input (so it is found by its
// label, by people and by screen readers); the message under it is core's refusal if there is one,
// else the shared check's, shown once the slot was changed or after a 下一步 that found problems.
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../../../shared/i18n';
import type { ValidationIssue } from '../../../../shared/validation';
import { useFlow } from '../flowStore';

export const inputId = (slot: string): string => `desk-${slot.replace(/\./g, '-')}`;

/** The message a slot shows now, or undefined. */
export function useSlotMessage(slot: string, issue: ValidationIssue | undefined): string | undefined {
  const { t } = useTranslation();
  const server = useFlow((state) => state.serverErrors[slot]);
  const visible = useFlow((state) => state.showAll || state.touched[slot] === true);
  if (server) return server;
  return visible && issue ? t(issue.key, issue.params ?? {}) : undefined;
}

interface FieldItemProps {
  slot: string;
  label: MessageKey;
  required: boolean;
  issue: ValidationIssue | undefined;
  /** The id of the control the label names; the slot's input id by default. */
  htmlFor?: string;
  extra?: ReactNode;
  children: ReactNode;
}

export function FieldItem({ slot, label, required, issue, htmlFor, extra, children }: FieldItemProps) {
  const { t } = useTranslation();
  const message = useSlotMessage(slot, issue);
  return (
    <Form.Item
      label={t(label)}
      htmlFor={htmlFor ?? inputId(slot)}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message}
      extra={extra}
      className="desk-field"
      data-slot={slot}
    >
      {children}
    </Form.Item>
  );
}
