// The current form's check, recomputed when the draft changes; the same function the actions use.
import { useMemo } from 'react';
import { parseIsoDate } from '../../../shared/validation/calendar';
import type { RegistrationFormSpec } from '../../../shared/domain/submission';
import type { Draft } from './draft';
import { useFlow } from './flowStore';
import { useReference } from './reference';
import { checkDraft, type DraftCheck } from './validate';

export function draftCheck(draft: Draft, spec: RegistrationFormSpec, isDivision = useReference.getState().isDivision): DraftCheck {
  return checkDraft(draft, {
    today: parseIsoDate(spec.today),
    requiredFields: spec.requiredFields,
    ...(isDivision ? { isDivision } : {}),
  });
}

export function useDraftCheck(): DraftCheck | null {
  const draft = useFlow((state) => state.draft);
  const spec = useFlow((state) => state.spec);
  const isDivision = useReference((state) => state.isDivision);
  return useMemo(() => (draft && spec ? draftCheck(draft, spec, isDivision) : null), [draft, spec, isDivision]);
}
