// Everything about the registrant at the counter lives here and only here: the form, the duplicate
// reason, the reading, the consent choices, the signer and the signature. `wipe` replaces it all
// with the empty state (after a submit, on cancel, on the idle timeout), so nothing of the previous
// registrant stays reachable in memory or on screen.
import { create } from 'zustand';
import type { CurrentAgreement } from '../../../shared/domain/agreement';
import type { RegistrationKind, RegistrationReceipt } from '../../../shared/domain/registration';
import type { DuplicateMatch, RegistrationFormSpec, SignerRole } from '../../../shared/domain/submission';
import { checkIdNumber } from '../../../shared/validation';
import type { DocumentType } from '../../../shared/validation/document';
import type { ReadingRecord } from '../components/AgreementReader';
import type { Draft, IndividualDraft } from './draft';

export const stepIds = ['form', 'duplicates', 'agreement', 'consents', 'signature', 'review'] as const;
export type StepId = (typeof stepIds)[number];

export interface ConsentChoice {
  granted: boolean;
  /** When the choice was made; an item never touched gets the time the consents were confirmed. */
  at: string | null;
}

/** The handwritten signature: the PNG core receives and the strokes, so undo can redraw. */
export interface DrawnSignature {
  png: string;
  strokes: unknown[];
  /** Long and wide enough to be a signature rather than a tap (`signature/ink.ts`). */
  substantial: boolean;
}

export interface SignerChoice {
  role: SignerRole;
  /** Only a legal representative types their document here; other signers' come from the form. */
  idType: DocumentType;
  idNumber: string;
}

export interface Correction {
  id: string;
  number: string;
}

interface FlowData {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  kind: RegistrationKind | null;
  correction: Correction | null;
  spec: RegistrationFormSpec | null;
  agreement: CurrentAgreement | null;
  step: StepId;
  draft: Draft | null;
  /** Slots the operator has changed; their problems show as they type. */
  touched: Record<string, boolean>;
  /** After a Next that found problems, every slot shows its problem. */
  showAll: boolean;
  /** Messages core returned with a refusal, keyed by form slot or submission path. */
  serverErrors: Record<string, string>;
  duplicates: DuplicateMatch[];
  duplicateReason: string;
  reading: ReadingRecord | null;
  consents: Record<string, ConsentChoice>;
  signer: SignerChoice | null;
  signature: DrawnSignature | null;
  /** The signature was dropped because the registrant's data changed after signing. */
  resign: boolean;
  busy: boolean;
  /** A refusal or failure without a field to show it at. */
  alert: string | null;
  /** The last saved registration's receipt: no personal data, shown until a new registration or the idle timeout. */
  receipt: RegistrationReceipt | null;
}

interface FlowActions {
  loading(kind: RegistrationKind, correction: Correction | null): void;
  loaded(spec: RegistrationFormSpec, agreement: CurrentAgreement, draft: Draft): void;
  failed(reason: string): void;
  goTo(step: StepId): void;
  setField(slot: string, patch: Partial<Draft>): void;
  touch(slot: string): void;
  showAllIssues(): void;
  setDuplicates(matches: DuplicateMatch[]): void;
  setDuplicateReason(reason: string): void;
  setReading(reading: ReadingRecord): void;
  reloadAgreement(agreement: CurrentAgreement): void;
  choose(item: string, granted: boolean, at: string): void;
  confirmConsents(items: readonly string[], at: string): void;
  setSigner(signer: SignerChoice): void;
  setSignature(signature: DrawnSignature | null): void;
  setBusy(busy: boolean): void;
  refused(step: StepId, fields: Record<string, string>, alert: string | null): void;
  saved(receipt: RegistrationReceipt): void;
  wipe(): void;
}

const empty: FlowData = {
  status: 'idle',
  loadError: null,
  kind: null,
  correction: null,
  spec: null,
  agreement: null,
  step: 'form',
  draft: null,
  touched: {},
  showAll: false,
  serverErrors: {},
  duplicates: [],
  duplicateReason: '',
  reading: null,
  consents: {},
  signer: null,
  signature: null,
  resign: false,
  busy: false,
  alert: null,
  receipt: null,
};

/** Sex and birth date follow a valid resident ID number until the operator sets them otherwise. */
function followId(draft: IndividualDraft, patch: Partial<IndividualDraft>): Partial<IndividualDraft> {
  const next = { ...draft, ...patch };
  if ('sex' in patch || 'birthDate' in patch) return { ...patch, derivedFromId: false };
  if (next.idType !== 'resident_id') return patch;
  const id = checkIdNumber(next.idNumber);
  const blank = next.sex === '' && next.birthDate.trim() === '';
  if (!id.ok || !(next.derivedFromId || blank)) return patch;
  return { ...patch, sex: id.sex, birthDate: id.birthDate, derivedFromId: true };
}

export const useFlow = create<FlowData & FlowActions>((set, get) => ({
  ...empty,
  loading: (kind, correction) => set({ ...empty, status: 'loading', kind, correction }),
  loaded: (spec, agreement, draft) =>
    set({
      status: 'ready',
      spec,
      agreement,
      draft,
      signer: { role: draft.kind === 'enterprise' ? 'agent' : 'self', idType: 'resident_id', idNumber: '' },
    }),
  failed: (reason) => set({ status: 'failed', loadError: reason }),
  goTo: (step) => set({ step, alert: null }),
  setField: (slot, patch) => {
    const { draft, serverErrors, signature, touched } = get();
    if (!draft) return;
    const applied = draft.kind === 'individual' ? followId(draft, patch as Partial<IndividualDraft>) : patch;
    const { [slot]: _cleared, ...remaining } = serverErrors;
    set({
      draft: { ...draft, ...applied } as Draft,
      touched: { ...touched, [slot]: true },
      serverErrors: remaining,
      // What was signed is no longer what would be sent: the registrant signs again.
      signature: null,
      resign: signature !== null || get().resign,
    });
  },
  touch: (slot) => set({ touched: { ...get().touched, [slot]: true } }),
  showAllIssues: () => set({ showAll: true }),
  setDuplicates: (duplicates) => set({ duplicates }),
  setDuplicateReason: (duplicateReason) => {
    const { duplicateReason: _cleared, ...serverErrors } = get().serverErrors;
    set({ duplicateReason, serverErrors });
  },
  setReading: (reading) => {
    // The first time the end was reached is the record; reopening the text does not move it.
    if (!get().reading) set({ reading });
  },
  reloadAgreement: (agreement) =>
    set({ agreement, reading: null, consents: {}, signature: null, serverErrors: {}, alert: null, step: 'agreement' }),
  choose: (item, granted, at) => {
    const { [`signing.consents.${item}`]: _cleared, 'signing.consents': _all, ...serverErrors } = get().serverErrors;
    set({ consents: { ...get().consents, [item]: { granted, at } }, serverErrors });
  },
  confirmConsents: (items, at) => {
    const consents = { ...get().consents };
    for (const item of items) consents[item] = { granted: consents[item]?.granted ?? false, at: consents[item]?.at ?? at };
    set({ consents });
  },
  setSigner: (signer) => {
    const serverErrors = Object.fromEntries(Object.entries(get().serverErrors).filter(([path]) => !path.startsWith('signing.signer')));
    set({ signer, serverErrors, signature: null });
  },
  setSignature: (signature) => {
    const { 'signing.signaturePng': _cleared, ...serverErrors } = get().serverErrors;
    set({ signature, serverErrors, resign: false });
  },
  setBusy: (busy) => set({ busy }),
  refused: (step, fields, alert) => set({ step, serverErrors: fields, alert, busy: false, showAll: true }),
  saved: (receipt) => set({ ...empty, receipt }),
  wipe: () => set({ ...empty }),
}));
