// zod field types built on the shared validators, so the form and core enforce the same rules.
// A failed check carries its catalogue key as the zod message and its parameters in `params`.
import { z } from 'zod';
import type { ValidationIssue } from '../validation/issue';

type Check = (raw: string) => { ok: true; value: string } | { ok: false; issue: ValidationIssue };

/** A string field that normalises with `check` and reports its issue by catalogue key. */
export function checkedString(check: Check, maxLength = 200) {
  return z
    .string({ error: 'validation.invalidType' })
    .max(maxLength, { error: 'validation.tooLong' })
    .transform((raw, ctx) => {
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.issue.key, params: result.issue.params ?? {} });
      return z.NEVER;
    });
}
