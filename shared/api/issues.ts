// Turns zod issues into per-field messages in the caller's locale. Custom checks carry their
// catalogue key as the message; zod's own issues are mapped to generic keys.
import type { z } from 'zod';
import { isMessageKey, translate, type Locale, type MessageKey, type MessageParams } from '../i18n';

function keyForIssue(issue: z.core.$ZodIssue): { key: MessageKey; params: MessageParams } {
  if (isMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
    return { key: issue.message, params: params ?? {} };
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: {} };
    case 'too_big':
      return { key: 'validation.tooLong', params: {} };
    case 'too_small':
      return { key: 'validation.required', params: {} };
    default:
      return { key: 'validation.invalidType', params: {} };
  }
}

export function fieldMessages(error: z.ZodError, locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (Object.hasOwn(fields, path)) continue;
    const { key, params } = keyForIssue(issue);
    fields[path] = translate(locale, key, params);
  }
  return fields;
}
