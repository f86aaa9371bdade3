// Bridges shared zod schemas to antd form rules, so the form shows the same Chinese messages core
// would return, as the user types.
import type { Rule } from 'antd/es/form';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { fieldMessages } from '../../shared/api/issues';
import type { Locale } from '../../shared/i18n';

export function schemaRule(schema: z.ZodType, locale: Locale): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (result.success) return;
      const messages = Object.values(fieldMessages(result.error, locale));
      throw new Error(messages[0]);
    },
  };
}

/** Puts the per-field messages of a refused call next to their inputs. */
export function showFieldErrors(form: FormInstance, fields: Record<string, string> | undefined): void {
  if (!fields) return;
  form.setFields(
    Object.entries(fields)
      .filter(([name]) => name !== '_')
      .map(([name, message]) => ({ name, errors: [message] })),
  );
}
