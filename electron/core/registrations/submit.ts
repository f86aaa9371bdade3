// Saving a registration: every check first (the shared field rules, the facts of the signing, who
// signs, duplicates, corrections), then one BEGIN IMMEDIATE transaction that writes the record,
// its signed consent snapshot with the signature image, the audit entry and the outbox row. Only
// a committed transaction is answered with a receipt; a failure inside it leaves nothing behind.
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Locale } from '../../../shared/i18n';
import type { Profile } from '../../../shared/domain/profile';
import type { RegistrationPayload, RegistrationReceipt, RegistrationState } from '../../../shared/domain/registration';
import { checkRegistrationRules, type FieldIssues } from '../../../shared/domain/registrationRules';
import type { DuplicateMatch, RegistrationSubmission } from '../../../shared/domain/submission';
import { appendAudit } from '../audit/audit';
import {
  buildConsentSnapshot,
  chainHead,
  checkConsentFacts,
  GENESIS_HASH,
  signerRolesFor,
  storeConsentSnapshot,
  type CheckedConsentFacts,
  type ConsentRules,
  type ConsentService,
} from '../consent';
import type { Db } from '../db';
import { preparedPerDb } from '../db/prepared';
import { outbox, registrations } from '../db/schema';
import { KioskError } from '../errors';
import { shanghaiCalendarDate } from '../platform/time';
import { recordContentSha256 } from './contentHash';
import { nextRegistrationNumber } from './numbers';
import { consentItemsFor, guardianConsentItem } from './rules';

/** States in which a record may still be corrected or withdrawn: the platform has not answered for it. */
export const CORRECTABLE_STATES: readonly RegistrationState[] = ['finalized', 'queued', 'sending', 'quarantined'];

/** A draft signed on the version then in force may be saved for this long after a new one took effect. */
export const DRAFT_AGREEMENT_GRACE_MS = 60 * 60 * 1000;

export interface SubmitContext {
  db: Db;
  consent: ConsentService;
  profile: Profile;
  locale: Locale;
  now: Date;
  operatorId: string;
  /** Whether `ref` is the version in force at `moment` for this kind (the profile's agreement). */
  agreementInForce: (ref: { id: string; version: string }, moment: Date) => boolean;
  isDivision?: (code: string, level: 'city' | 'any') => boolean;
  /** Platform minus kiosk time at the last sync, or null before the first. */
  serverOffsetMs: number | null;
}

/** The statements of every submit, prepared once per database. */
const statements = preparedPerDb((db) => ({
  byDedupeKey: db
    .select({ id: registrations.id, number: registrations.number, createdAt: registrations.createdAt, state: registrations.state })
    .from(registrations)
    .where(eq(registrations.dedupeKey, sql.placeholder('dedupeKey')))
    .prepare(),
  replacedBy: db.select({ id: registrations.id }).from(registrations).where(eq(registrations.supersedes, sql.placeholder('id'))).limit(1).prepare(),
  kindOf: db.select({ kind: registrations.kind }).from(registrations).where(eq(registrations.id, sql.placeholder('id'))).prepare(),
  original: db
    .select({ kind: registrations.kind, state: registrations.state, withdrawalReason: registrations.withdrawalReason })
    .from(registrations)
    .where(eq(registrations.id, sql.placeholder('id')))
    .prepare(),
  insertRegistration: db
    .insert(registrations)
    .values({
      id: sql.placeholder('id'),
      number: sql.placeholder('number'),
      kind: sql.placeholder('kind'),
      state: sql.placeholder('state'),
      payload: sql.placeholder('payload'),
      supersedes: sql.placeholder('supersedes'),
      operatorId: sql.placeholder('operatorId'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('createdAt'),
      contentSha256: sql.placeholder('contentSha256'),
      dedupeKey: sql.placeholder('dedupeKey'),
    })
    .prepare(),
  enqueue: db
    .insert(outbox)
    .values({ registrationId: sql.placeholder('id'), enqueuedAt: sql.placeholder('at'), nextAttemptAt: sql.placeholder('at') })
    .prepare(),
}));

/** The keyed hash that finds the same person or enterprise again, also after retention. */
export function dedupeKeyOf(payload: RegistrationPayload, consent: ConsentService): string | null {
  if (payload.kind === 'enterprise') return payload.creditCode ? consent.idNumberHash(`USCC:${payload.creditCode}`) : null;
  return payload.idNumber ? consent.idNumberHash(`${payload.idType}:${payload.idNumber}`) : null;
}

/** Earlier records with the same key that no later record replaced. */
export function findDuplicates(db: Db, dedupeKey: string): DuplicateMatch[] {
  const { byDedupeKey, replacedBy } = statements(db);
  return byDedupeKey.all({ dedupeKey }).filter((row) => replacedBy.get({ id: row.id }) === undefined);
}

function fail(issues: FieldIssues): never {
  throw new KioskError('invalid_input', {}, issues);
}

function prefixed(prefix: string, issues: FieldIssues): FieldIssues {
  return Object.fromEntries(Object.entries(issues).map(([path, issue]) => [`${prefix}.${path}`, issue]));
}

/** The signer must be the person the registration names for the role they sign in. */
function checkSignerIdentity(payload: RegistrationPayload, facts: CheckedConsentFacts, consent: ConsentService): FieldIssues {
  const { signer } = facts;
  const same = (name: string | undefined, idType: string, idNumber: string | undefined) =>
    name === signer.name && idType === signer.idType && idNumber !== undefined && consent.idNumberHash(idNumber) === signer.idHash;
  if (payload.kind === 'individual') {
    if (signer.role === 'self' && !same(payload.name, payload.idType, payload.idNumber)) {
      return { 'signing.signer': { key: 'registration.signer.notSelf' } };
    }
    const guardian = payload.guardian;
    if (signer.role === 'guardian' && !same(guardian?.name, guardian?.idType ?? '', guardian?.idNumber)) {
      return { 'signing.signer': { key: 'registration.signer.notGuardian' } };
    }
    return {};
  }
  if (signer.role === 'agent' && !same(payload.agentName, 'resident_id', payload.agentIdNumber)) {
    return { 'signing.signer': { key: 'registration.signer.notAgent' } };
  }
  if (signer.role === 'legal_representative' && payload.legalRepresentative !== signer.name) {
    return { 'signing.signer': { key: 'registration.signer.notLegalRepresentative' } };
  }
  return {};
}

function checkEnterpriseLink(db: Db, payload: RegistrationPayload): FieldIssues {
  if (payload.kind !== 'individual' || payload.enterprise?.source !== 'kiosk') return {};
  const row = statements(db).kindOf.get({ id: payload.enterprise.registrationId });
  return row?.kind === 'enterprise' ? {} : { 'registration.enterprise': { key: 'registration.enterprise.unknown' } };
}

function checkSupersedes(db: Db, supersedes: string | undefined, kind: string): FieldIssues {
  if (supersedes === undefined) return {};
  const original = statements(db).original.get({ id: supersedes });
  if (!original) return { supersedes: { key: 'registration.supersedes.unknown' } };
  if (original.withdrawalReason !== null) return { supersedes: { key: 'withdrawal.notARegistration' } };
  if (original.kind !== kind) return { supersedes: { key: 'registration.supersedes.kind' } };
  const replaced = statements(db).replacedBy.get({ id: supersedes });
  if (replaced || !CORRECTABLE_STATES.includes(original.state as RegistrationState)) {
    return { supersedes: { key: 'registration.supersedes.closed' } };
  }
  return {};
}

interface CheckedSubmission {
  payload: RegistrationPayload;
  facts: CheckedConsentFacts;
  dedupeKey: string | null;
}

/** Every check of a submission that needs no write. Throws KioskError('invalid_input') with all field issues. */
export function checkSubmission(input: RegistrationSubmission, ctx: SubmitContext): CheckedSubmission {
  const { db, consent, profile, locale, now } = ctx;
  const kind = input.registration.kind;
  const today = shanghaiCalendarDate(now);
  const rules = checkRegistrationRules(input.registration, {
    today,
    requiredFields: profile.requiredFields[kind],
    ...(ctx.isDivision ? { isDivision: ctx.isDivision } : {}),
  });
  const issues: FieldIssues = rules.ok ? {} : prefixed('registration', rules.issues);
  const payload = rules.ok ? rules.value : input.registration;
  const consentItems = consentItemsFor(profile, kind, locale);
  if (rules.minor) consentItems.push(guardianConsentItem(locale));
  const roles = signerRolesFor(kind).filter((role) => (kind === 'individual' ? (role === 'guardian') === rules.minor : true));
  // The version a draft was signed on stays acceptable if it was in force when the registrant gave
  // the consents; a version that changed before that must be shown again (issue 3, item 5).
  const consentedAt = Math.max(...input.signing.consents.map((c) => Date.parse(c.at) || 0), Date.parse(input.signing.reading.openedAt) || 0);
  const draftMoment = new Date(Math.min(now.getTime(), Math.max(consentedAt, now.getTime() - DRAFT_AGREEMENT_GRACE_MS)));
  const consentRules: ConsentRules = {
    now,
    findAgreement: (ref) => consent.findAgreement(ref),
    isAgreementAcceptable: (ref) => ctx.agreementInForce(ref, now) || ctx.agreementInForce(ref, draftMoment),
    consentItems,
    signerRoles: roles,
    hashIdNumber: (normalized) => consent.idNumberHash(normalized),
  };
  let facts: CheckedConsentFacts | null = null;
  try {
    facts = checkConsentFacts(
      { ...input.signing, signaturePng: Buffer.from(input.signing.signaturePng, 'base64') },
      consentRules,
    );
  } catch (error) {
    if (!(error instanceof KioskError) || !error.fieldIssues) throw error;
    Object.assign(issues, prefixed('signing', error.fieldIssues));
  }
  if (rules.ok && facts) Object.assign(issues, checkSignerIdentity(payload, facts, consent));
  Object.assign(issues, checkEnterpriseLink(db, payload), checkSupersedes(db, input.supersedes, kind));
  const dedupeKey = rules.ok ? dedupeKeyOf(payload, consent) : null;
  if (dedupeKey && !input.duplicateReason) {
    const earlier = findDuplicates(db, dedupeKey).filter((match) => match.id !== input.supersedes);
    if (earlier.length > 0) issues.duplicateReason = { key: 'registration.duplicate.reasonRequired' };
  }
  if (Object.keys(issues).length > 0 || !facts) fail(issues);
  return { payload, facts, dedupeKey };
}

/**
 * Writes a checked submission in one transaction and returns its receipt. Runs inside
 * `sqlite.transaction(...).immediate()` of the caller, so the chain head read here cannot move.
 */
export function writeSubmission(
  input: RegistrationSubmission,
  checked: CheckedSubmission,
  ctx: SubmitContext & { agreementTitle: string },
): RegistrationReceipt {
  const { db, consent, now, operatorId } = ctx;
  const { payload, facts, dedupeKey } = checked;
  const id = uuidv7({ msecs: now.getTime() });
  const createdAt = now.toISOString();
  const number = nextRegistrationNumber(db, now);
  const supersedes = input.supersedes ?? null;
  const head = chainHead(db);
  const { at, clockSuspect } = consent.clockWatch.readForSnapshot(head ? new Date(head.createdAt) : null);
  const snapshot = buildConsentSnapshot(
    { ...facts, registrationId: id, operatorId },
    {
      identity: consent.identity,
      signingKey: consent.signingKey,
      prevHash: head?.sha256 ?? GENESIS_HASH,
      at,
      serverOffsetMs: ctx.serverOffsetMs,
      clockSuspect,
    },
  );
  const contentSha256 = recordContentSha256({
    record_id: id,
    kind: payload.kind,
    number,
    created_at: createdAt,
    supersedes,
    payload,
    snapshot_sha256: snapshot.sha256,
  });
  const state: RegistrationState = 'queued';
  const { insertRegistration, enqueue } = statements(db);
  insertRegistration.run({
    id,
    number,
    kind: payload.kind,
    state,
    payload: JSON.stringify(payload),
    supersedes,
    operatorId,
    createdAt,
    contentSha256,
    dedupeKey,
  });
  storeConsentSnapshot(db, snapshot, facts);
  appendAudit(db, {
    at: createdAt,
    actor: operatorId,
    action: supersedes ? 'registration.correct' : 'registration.submit',
    subject: id,
    details: {
      kind: payload.kind,
      number,
      snapshot: snapshot.sha256,
      ...(supersedes ? { supersedes } : {}),
      ...(input.duplicateReason ? { duplicateReason: input.duplicateReason } : {}),
    },
  });
  enqueue.run({ id, at: createdAt });
  return {
    id,
    number,
    kind: payload.kind,
    state,
    createdAt,
    agreement: { id: facts.agreement.id, version: facts.agreement.version, title: ctx.agreementTitle, sha256: facts.agreement.sha256 },
    snapshotSha256: snapshot.sha256,
    supersedes,
  };
}
