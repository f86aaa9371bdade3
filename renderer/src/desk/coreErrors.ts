// Where a refusal from core belongs: core keys its field messages by the path of the submission
// (`registration.<field>`, `signing.<fact>`, `duplicateReason`, `supersedes`); the flow shows each
// at its step and field, and goes back to the earliest step that has one.
import { slotOf } from './validate';
import { stepIds, type StepId } from './flowStore';

export function stepOfPath(path: string): StepId {
  if (path.startsWith('registration.')) return 'form';
  if (path === 'duplicateReason') return 'duplicates';
  if (path.startsWith('signing.agreement') || path.startsWith('signing.reading')) return 'agreement';
  if (path.startsWith('signing.consents')) return 'consents';
  if (path.startsWith('signing.signer') || path.startsWith('signing.signaturePng')) return 'signature';
  return 'review';
}

/** Core's messages keyed by form slot (registration fields) or by their own path (everything else). */
export function placeCoreErrors(fields: Record<string, string>): { step: StepId; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let step: StepId = 'review';
  for (const [path, message] of Object.entries(fields)) {
    const key = path.startsWith('registration.') ? slotOf(path.slice('registration.'.length)) : path;
    errors[key] ??= message;
    const at = stepOfPath(path);
    if (stepIds.indexOf(at) < stepIds.indexOf(step)) step = at;
  }
  return { step, errors };
}
