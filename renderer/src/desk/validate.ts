// The form's checks: the shared payload schemas field by field, then the same registration rules
// core runs at submit (`checkRegistrationRules`: what the profile requires, the ID-derived 性别 /
// 出生日期, the under-14 guardian, division codes). Every problem is reported at once, keyed by the
// form slot that shows it.
import type { DivisionLevel } from '../../../shared/domain/division';
import { RegistrationPayloadSchema, type RegistrationPayload, type RegistrationPayloadInput } from '../../../shared/domain/registrationPayload';
import { checkRegistrationRules, type FieldIssues } from '../../../shared/domain/registrationRules';
import { isMessageKey } from '../../../shared/i18n';
import type { CalendarDate, ValidationIssue, ValidationKey } from '../../../shared/validation';
import { payloadOf, type Draft } from './draft';

export interface DraftContext {
  today: CalendarDate;
  requiredFields: readonly string[];
  isDivision?: (code: string, level: DivisionLevel) => boolean;
}

export interface DraftCheck {
  /** Problems keyed by form slot (see `slotOf`). */
  issues: Record<string, ValidationIssue>;
  /** The checked payload to send, when there is no problem. */
  payload: RegistrationPayload | null;
  /** Under 14 on the capture date: a guardian fills in, consents and signs. */
  minor: boolean;
}

/** The form slot that shows a problem at a payload path (also core's `registration.<path>`). */
export function slotOf(path: string): string {
  if (path === 'city') return 'cityCode';
  if (path === 'registeredAddress' || path.startsWith('registeredAddress.')) return 'registeredAddress';
  if (path === 'enterprise' || path.startsWith('enterprise.')) return 'enterprise';
  if (path === 'guardian' || path === 'guardian.name') return 'guardianName';
  if (path === 'guardian.idType') return 'guardianIdType';
  if (path === 'guardian.idNumber') return 'guardianIdNumber';
  return path;
}

type Mutable = Record<string, unknown>;

function removeAt(input: Mutable, path: readonly PropertyKey[], wholeField: boolean): void {
  const [head, ...rest] = path.map(String);
  if (head === undefined) return;
  const child = input[head];
  if (wholeField || rest.length === 0 || typeof child !== 'object' || child === null) {
    delete input[head];
    return;
  }
  removeAt(child as Mutable, rest, rest.length === 1 ? false : wholeField);
}

function issueFromZod(message: string, params: unknown): ValidationIssue {
  const key: ValidationKey = isMessageKey(message) ? (message as ValidationKey) : 'validation.invalidType';
  return params && typeof params === 'object' ? { key, params: params as Record<string, string | number> } : { key };
}

/** Parses field by field: a field that fails is reported and left out, so the others are still checked. */
function parseFields(input: RegistrationPayloadInput): { value: RegistrationPayload | null; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const remaining = structuredClone(input) as Mutable;
  const seen = new Set<string>();
  for (let round = 0; round < 32; round += 1) {
    const parsed = RegistrationPayloadSchema.safeParse(remaining);
    if (parsed.success) return { value: parsed.data, issues };
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (path === '' || path === 'kind') return { value: null, issues };
      if (!issues[path]) issues[path] = issueFromZod(issue.message, 'params' in issue ? issue.params : undefined);
      // A required part of a field (an address's division) cannot be left out alone: drop the field.
      removeAt(remaining, issue.path, seen.has(path));
      seen.add(path);
    }
  }
  return { value: null, issues };
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function ruleIssues(value: RegistrationPayload, ctx: DraftContext) {
  return checkRegistrationRules(value, {
    today: ctx.today,
    requiredFields: ctx.requiredFields,
    ...(ctx.isDivision ? { isDivision: ctx.isDivision } : {}),
  });
}

export function checkDraft(draft: Draft, ctx: DraftContext): DraftCheck {
  // The age decides whether a guardian belongs in the payload, so the rules run once without one first.
  const first = parseFields(payloadOf(draft, false));
  const minor = first.value ? ruleIssues(first.value, ctx).minor : false;
  const { value, issues: fieldIssues } = minor ? parseFields(payloadOf(draft, true)) : first;
  const outcome = value ? ruleIssues(value, ctx) : null;
  const issues: Record<string, ValidationIssue> = {};
  for (const [path, issue] of Object.entries(fieldIssues)) {
    const slot = slotOf(path);
    issues[slot] ??= issue;
  }
  if (outcome && !outcome.ok) {
    for (const [path, issue] of Object.entries(outcome.issues)) {
      if (Object.keys(fieldIssues).some((fieldPath) => overlaps(fieldPath, path))) continue;
      const slot = slotOf(path);
      issues[slot] ??= issue;
    }
  }
  const ok = Object.keys(issues).length === 0 && outcome?.ok === true;
  return { issues, payload: ok && outcome.ok ? outcome.value : null, minor: outcome?.minor ?? minor };
}
