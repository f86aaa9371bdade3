// The one API contract: operation name → input schema, output schema, required role.
// Both transports (Electron IPC, loopback HTTP) and the renderer's client are derived from this table;
// adding an operation here is the only way to add one.
import { z } from 'zod';
import { locales } from '../i18n/catalog';
import {
  OperatorNameSchema,
  OperatorViewSchema,
  PinSchema,
  RoleSchema,
  StaffIdSchema,
} from '../domain/operator';
import {
  QueueStatsSchema,
  RegistrationPayloadSchema,
  RegistrationReceiptSchema,
  RegistrationSummarySchema,
} from '../domain/registration';
import {
  AgreementFileSchema,
  AgreementIdSchema,
  AgreementImportOutcomeSchema,
  AgreementPreviewSchema,
  AgreementVersionSummarySchema,
  CurrentAgreementSchema,
  EffectiveFromSchema,
  VersionLabelSchema,
} from '../domain/agreement';
import { ProfileIdSchema, ProfileListSchema, ProfileSchema } from '../domain/profile';
import { registrationKinds } from '../domain/registration';
import {
  DuplicateMatchSchema,
  RegistrationFormSpecSchema,
  RegistrationSubmissionSchema,
} from '../domain/submission';
import { ReceiptOutputSchema, ShellStatusSchema } from '../domain/shell';
import {
  BatchDetailSchema,
  BatchSummarySchema,
  DiscardInputSchema,
  EnrolInputSchema,
  EnrolmentViewSchema,
  ExportedBatchSchema,
  ImportedReceiptSchema,
  ImportReceiptInputSchema,
  ListPageSchema,
  QuarantinedRecordSchema,
  RetryInputSchema,
  SyncPassOutcomeSchema,
  SyncStatusSchema,
} from '../domain/sync';
import { ConsoleSettingsSchema, SettingsUpdateSchema } from '../domain/kioskSettings';
import { DivisionNodeSchema } from '../domain/division';
import { EnterpriseChoiceSchema, EnterpriseQuerySchema } from '../domain/enterpriseChoice';
import { WithdrawalReceiptSchema, WithdrawalRequestSchema } from '../domain/withdrawal';

/** Who may call an operation. `it_admin` may also do everything an `operator` may. */
export type RequiredRole = 'none' | 'operator' | 'it_admin';

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  role: RequiredRole;
  input: I;
  output: O;
}

function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

const NoInput = z.object({}).strict();

export const SessionStatusSchema = z.object({
  setupRequired: z.boolean(),
  operator: OperatorViewSchema.nullable(),
  locale: z.enum(locales),
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const contract = {
  'session.status': operation({ role: 'none', input: NoInput, output: SessionStatusSchema }),
  'session.setLocale': operation({
    role: 'none',
    input: z.object({ locale: z.enum(locales, { error: 'validation.invalidType' }) }).strict(),
    output: z.null(),
  }),
  'session.login': operation({
    role: 'none',
    input: z.object({ staffId: StaffIdSchema, pin: PinSchema }).strict(),
    output: OperatorViewSchema,
  }),
  'session.logout': operation({ role: 'none', input: NoInput, output: z.null() }),
  'setup.createFirstAdmin': operation({
    role: 'none',
    input: z.object({ staffId: StaffIdSchema, name: OperatorNameSchema, pin: PinSchema }).strict(),
    output: OperatorViewSchema,
  }),
  'operators.list': operation({ role: 'it_admin', input: NoInput, output: z.array(OperatorViewSchema) }),
  'operators.add': operation({
    role: 'it_admin',
    input: z
      .object({ staffId: StaffIdSchema, name: OperatorNameSchema, role: RoleSchema, pin: PinSchema })
      .strict(),
    output: OperatorViewSchema,
  }),
  'operators.unlock': operation({
    role: 'it_admin',
    input: z.object({ staffId: StaffIdSchema }).strict(),
    output: OperatorViewSchema,
  }),
  'registrations.prepare': operation({
    role: 'operator',
    input: z.object({ kind: z.enum(registrationKinds, { error: 'validation.invalidType' }) }).strict(),
    output: RegistrationFormSpecSchema,
  }),
  'registrations.findDuplicates': operation({
    role: 'operator',
    input: z.object({ registration: RegistrationPayloadSchema }).strict(),
    output: z.array(DuplicateMatchSchema),
  }),
  'registrations.submit': operation({
    role: 'operator',
    input: RegistrationSubmissionSchema,
    output: RegistrationReceiptSchema,
  }),
  'registrations.get': operation({
    role: 'operator',
    input: z.object({ id: z.uuid({ error: 'validation.invalidType' }) }).strict(),
    output: z.object({
      summary: RegistrationSummarySchema,
      payload: RegistrationPayloadSchema.nullable(),
      supersedes: z.string().nullable(),
      /** The correction or withdrawal that replaced this record, if any. */
      replacedBy: z.string().nullable(),
      /** For a withdrawal: the reason recorded; null for every other record. */
      withdrawalReason: z.string().nullable(),
      /** Whether it may still be corrected or withdrawn (core's rule, so the desk never guesses). */
      correctable: z.boolean(),
    }),
  }),
  'registrations.withdraw': operation({
    role: 'operator',
    input: WithdrawalRequestSchema,
    output: WithdrawalReceiptSchema,
  }),
  'registrations.list': operation({
    role: 'operator',
    input: z
      .object({
        limit: z.number({ error: 'validation.invalidType' }).int().min(1).max(200).default(50),
        offset: z.number({ error: 'validation.invalidType' }).int().min(0).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(RegistrationSummarySchema), total: z.number().int().nonnegative() }),
  }),
  'queue.stats': operation({ role: 'operator', input: NoInput, output: QueueStatsSchema }),
  // The front desk's reference data: the GB/T 2260 cascader tree, and the enterprises on this kiosk
  // an individual can be linked to (by name or credit code).
  'reference.divisions': operation({ role: 'operator', input: NoInput, output: z.array(DivisionNodeSchema) }),
  'registrations.findEnterprises': operation({
    role: 'operator',
    input: z.object({ query: EnterpriseQuerySchema.default('') }).strict(),
    output: z.array(EnterpriseChoiceSchema),
  }),
  'agreements.list': operation({
    role: 'operator',
    input: z.object({ agreementId: AgreementIdSchema.optional() }).strict(),
    output: z.array(AgreementVersionSummarySchema),
  }),
  'agreements.current': operation({
    role: 'operator',
    input: z.object({ kind: z.enum(registrationKinds, { error: 'validation.invalidType' }) }).strict(),
    output: CurrentAgreementSchema,
  }),
  'agreements.preview': operation({
    role: 'it_admin',
    input: z.object(AgreementFileSchema).strict(),
    output: AgreementPreviewSchema,
  }),
  'agreements.import': operation({
    role: 'it_admin',
    input: z
      .object({
        ...AgreementFileSchema,
        agreementId: AgreementIdSchema,
        version: VersionLabelSchema,
        effectiveFrom: EffectiveFromSchema,
        supersedes: VersionLabelSchema.nullable().optional(),
      })
      .strict(),
    output: AgreementImportOutcomeSchema,
  }),
  'profiles.list': operation({ role: 'operator', input: NoInput, output: ProfileListSchema }),
  'profiles.activate': operation({
    role: 'it_admin',
    input: z.object({ profileId: ProfileIdSchema }).strict(),
    output: ProfileSchema,
  }),
  // The desktop shell, for the IT console: lockdown, key storage, updates, warnings.
  'shell.status': operation({ role: 'it_admin', input: NoInput, output: ShellStatusSchema }),
  'shell.outputReceipt': operation({
    role: 'operator',
    input: z
      .object({ registrationId: z.uuid({ error: 'validation.invalidType' }), pdf: z.boolean({ error: 'validation.invalidType' }) })
      .strict(),
    output: ReceiptOutputSchema,
  }),
  // Install the downloaded update as soon as the kiosk is idle, without waiting for the quiet hours.
  'shell.installUpdate': operation({ role: 'it_admin', input: NoInput, output: ShellStatusSchema }),
  // Sync with the central platform (docs/sync-protocol.md): the status badge for every operator,
  // the rest for the IT console.
  'sync.status': operation({ role: 'operator', input: NoInput, output: SyncStatusSchema }),
  'sync.enrol': operation({ role: 'it_admin', input: EnrolInputSchema, output: EnrolmentViewSchema }),
  // Starts a pass, or joins the one running; answers when it is done.
  'sync.runNow': operation({ role: 'it_admin', input: NoInput, output: SyncPassOutcomeSchema }),
  'sync.batches': operation({
    role: 'it_admin',
    input: ListPageSchema,
    output: z.object({ items: z.array(BatchSummarySchema), total: z.number().int().nonnegative() }),
  }),
  'sync.batch': operation({
    role: 'it_admin',
    input: z.object({ id: z.uuid({ error: 'validation.invalidType' }) }).strict(),
    output: BatchDetailSchema,
  }),
  'sync.quarantine': operation({ role: 'it_admin', input: NoInput, output: z.array(QuarantinedRecordSchema) }),
  'sync.retry': operation({ role: 'it_admin', input: RetryInputSchema, output: z.null() }),
  // Needs a second IT admin's staff id and PIN; audited with both.
  'sync.discard': operation({ role: 'it_admin', input: DiscardInputSchema, output: z.null() }),
  'sync.exportBatch': operation({ role: 'it_admin', input: NoInput, output: ExportedBatchSchema }),
  'sync.importReceipt': operation({ role: 'it_admin', input: ImportReceiptInputSchema, output: ImportedReceiptSchema }),
  // The settings the IT console changes (batch size, retention, idle timeouts), with core's bounds.
  'settings.get': operation({ role: 'it_admin', input: NoInput, output: ConsoleSettingsSchema }),
  'settings.update': operation({ role: 'it_admin', input: SettingsUpdateSchema, output: ConsoleSettingsSchema }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}
