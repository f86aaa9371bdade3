// Moving through the registration: starting one (new or a correction), 下一步 with each step's
// check, 上一步, and 提交. Only a committed record comes back ok; then the flow is wiped and only
// the receipt stays.
import type { RegistrationKind } from '../../../shared/domain/registration';
import type { RegistrationPayload } from '../../../shared/domain/registrationPayload';
import { checkDocumentNumber } from '../../../shared/validation/document';
import { parseIsoDate } from '../../../shared/validation/calendar';
import type { ApiClient } from '../api/client';
import { placeCoreErrors } from './coreErrors';
import { draftOf, emptyDraft } from './draft';
import { stepIds, useFlow, type Correction, type StepId } from './flowStore';
import { useReference } from './reference';
import { consentItems, submissionOf } from './signing';
import { draftCheck } from './useDraftCheck';

export interface CorrectionStart {
  correction: Correction;
  payload: RegistrationPayload;
  enterpriseLabel?: string;
}

export async function startRegistration(client: ApiClient, kind: RegistrationKind, from?: CorrectionStart): Promise<void> {
  const flow = useFlow.getState();
  flow.loading(kind, from?.correction ?? null);
  const [spec, agreement] = await Promise.all([
    client.call('registrations.prepare', { kind }),
    client.call('agreements.current', { kind }),
    useReference.getState().load(client),
  ]);
  if (!spec.ok) return flow.failed(spec.error.message);
  if (!agreement.ok) return flow.failed(agreement.error.message);
  flow.loaded(spec.value, agreement.value, from ? draftOf(from.payload, from.enterpriseLabel) : emptyDraft(kind));
}

function focusFirstProblem(): void {
  // After React has rendered the messages: the first field marked in red gets the focus.
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('.desk-field.ant-form-item-has-error input, .desk-field.ant-form-item-has-error [tabindex="0"]');
    field?.focus();
  });
}

async function leaveForm(client: ApiClient): Promise<void> {
  const flow = useFlow.getState();
  if (!flow.draft || !flow.spec) return;
  const check = draftCheck(flow.draft, flow.spec);
  if (!check.payload) {
    flow.showAllIssues();
    focusFirstProblem();
    return;
  }
  flow.setBusy(true);
  const found = await client.call('registrations.findDuplicates', { registration: check.payload });
  flow.setBusy(false);
  if (!found.ok) {
    useFlow.setState({ alert: found.error.message });
    return;
  }
  // A correction replaces its original, which is therefore no duplicate of it.
  const matches = found.value.filter((match) => match.id !== flow.correction?.id);
  flow.setDuplicates(matches);
  flow.goTo(matches.length > 0 ? 'duplicates' : 'agreement');
}

function signatureReady(): boolean {
  const { signer, signature, spec } = useFlow.getState();
  if (!signature?.substantial || !signer || !spec) return false;
  if (signer.role !== 'legal_representative') return true;
  return checkDocumentNumber(signer.idType, signer.idNumber, parseIsoDate(spec.today)).ok;
}

/** Next: checks the step; moves on when it passes, otherwise shows why it does not. */
export async function nextStep(client: ApiClient): Promise<void> {
  const flow = useFlow.getState();
  const refuse = () => flow.showAllIssues();
  switch (flow.step) {
    case 'form':
      return leaveForm(client);
    case 'duplicates':
      return flow.duplicateReason.trim() === '' ? refuse() : flow.goTo('agreement');
    case 'agreement':
      return flow.reading ? flow.goTo('consents') : refuse();
    case 'consents': {
      if (!flow.draft || !flow.spec) return;
      const items = consentItems(flow.spec, draftCheck(flow.draft, flow.spec).minor);
      if (items.some((item) => item.required && !flow.consents[item.item]?.granted)) return refuse();
      flow.confirmConsents(
        items.map((item) => item.item),
        new Date().toISOString(),
      );
      return flow.goTo('signature');
    }
    case 'signature':
      return signatureReady() ? flow.goTo('review') : refuse();
    case 'review':
      return submitRegistration(client);
  }
}

export function previousStep(): void {
  const flow = useFlow.getState();
  const index = stepIds.indexOf(flow.step);
  let previous: StepId = stepIds[Math.max(0, index - 1)] ?? 'form';
  if (previous === 'duplicates' && flow.duplicates.length === 0) previous = 'form';
  flow.goTo(previous);
}

export async function submitRegistration(client: ApiClient): Promise<void> {
  const flow = useFlow.getState();
  const { draft, spec, agreement, reading, signer, signature } = flow;
  if (!draft || !spec || !agreement || !reading || !signer || !signature || flow.busy) return;
  const check = draftCheck(draft, spec);
  if (!check.payload) return flow.goTo('form');
  flow.setBusy(true);
  const submission = submissionOf({
    payload: check.payload,
    minor: check.minor,
    spec,
    agreement,
    reading,
    consents: flow.consents,
    signer,
    signature,
    duplicateReason: flow.duplicateReason,
    correction: flow.correction,
    hasDuplicates: flow.duplicates.length > 0,
  });
  const result = await client.call('registrations.submit', submission);
  if (result.ok) {
    useFlow.getState().saved(result.value);
    return;
  }
  const { step, errors } = placeCoreErrors(result.error.fields ?? {});
  const hasFields = Object.keys(errors).length > 0;
  useFlow.getState().refused(hasFields ? step : 'review', errors, result.error.message);
}
