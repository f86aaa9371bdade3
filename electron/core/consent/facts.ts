// Core's check of what the renderer sends for a signing: the agreement shown, how it was read, the
// consent choices, the signer and the signature image. The renderer is not trusted to have
// enforced the rules (a page can be edited); everything the snapshot asserts is checked here.
import { checkPersonName, type ValidationIssue } from '../../../shared/validation';
import { checkDocumentNumber } from '../../../shared/validation/document';
import { KioskError } from '../errors';
import { shanghaiCalendarDate } from '../platform/time';
import { signerIdTypes, type SignerIdType, type SignerRole } from './body';
import { sha256Hex } from './ed25519';
import { checkSignatureImage } from './signatureImage';
import { parseTimestamp, shanghaiTimestamp } from './timestamps';

/** What the renderer reports. Times are ISO 8601 with an offset, from the renderer's clock. */
export interface ConsentFactsInput {
  /** The version shown and the canonical SHA-256 the renderer received with its text. */
  agreement: { id: string; version: string; sha256: string };
  reading: { openedAt: string; reachedEndAt: string | null; durationMs: number };
  consents: ReadonlyArray<{ item: string; granted: boolean; at: string }>;
  signer: { name: string; role: string; idType: string; idNumber: string };
  signaturePng: Uint8Array;
}

export interface AgreementRef {
  id: string;
  version: string;
}

/** A consent as the profile defines it, with the text shown in the registrant's language. */
export interface ConsentItemShown {
  item: string;
  required: boolean;
  separate: boolean;
  text: string;
}

export interface ConsentRules {
  now: Date;
  /** The stored version's canonical hash and language, or null when the kiosk has no such version. */
  findAgreement(ref: AgreementRef): { canonicalSha256: string; locale: string } | null;
  /** Whether this version may be signed now: the one in force, or the one the draft began with. */
  isAgreementAcceptable(ref: AgreementRef): boolean;
  /** The consents asked for this kind of registration, in the order shown. */
  consentItems: readonly ConsentItemShown[];
  /** The roles that may sign this kind of registration (`signerRolesFor`). */
  signerRoles: readonly SignerRole[];
  /** The kiosk's keyed hash (`idNumberHash`). */
  hashIdNumber(normalizedIdNumber: string): string;
}

export interface CheckedConsent {
  item: string;
  required: boolean;
  separate: boolean;
  granted: boolean;
  /** The text shown, kept as a blob so an evidence package can carry it. */
  text: string;
  textSha256: string;
  at: string;
}

/** Facts that passed every check; times are in the snapshot's format. */
export interface CheckedConsentFacts {
  agreement: { id: string; version: string; locale: string; sha256: string };
  reading: { openedAt: string; reachedEndAt: string; durationMs: number };
  consents: CheckedConsent[];
  signer: { name: string; role: SignerRole; idType: SignerIdType; idHash: string };
  signaturePng: { sha256: string; width: number; height: number; bytes: Buffer };
}

/** How far ahead of core's clock a renderer time may be (both read the same machine's clock). */
export const FUTURE_TOLERANCE_MS = 5_000;
/** The renderer measures reading time with its own monotonic clock; allow for rounding. */
export const DURATION_TOLERANCE_MS = 1_000;

export function signerRolesFor(kind: 'individual' | 'enterprise'): readonly SignerRole[] {
  return kind === 'enterprise' ? ['legal_representative', 'agent'] : ['self', 'guardian'];
}

/** SHA-256 of a consent text as shown (NFC, UTF-8). */
export function consentTextSha256(text: string): string {
  return sha256Hex(text.normalize('NFC'));
}

type Issues = Record<string, ValidationIssue>;

function checkAgreement(input: ConsentFactsInput['agreement'], rules: ConsentRules, issues: Issues) {
  const stored = rules.findAgreement(input);
  if (!stored) issues.agreement = { key: 'consent.agreement.unknown' };
  else if (!rules.isAgreementAcceptable(input)) issues.agreement = { key: 'consent.agreement.notCurrent' };
  else if (stored.canonicalSha256 !== input.sha256) issues.agreement = { key: 'consent.agreement.textChanged' };
  else return { id: input.id, version: input.version, locale: stored.locale, sha256: stored.canonicalSha256 };
  return null;
}

function checkReading(input: ConsentFactsInput['reading'], latest: number, issues: Issues) {
  if (input.reachedEndAt === null) {
    issues.reading = { key: 'consent.reading.notFinished' };
    return null;
  }
  const opened = parseTimestamp(input.openedAt);
  const reachedEnd = parseTimestamp(input.reachedEndAt);
  const span = opened && reachedEnd ? reachedEnd.getTime() - opened.getTime() : -1;
  const { durationMs } = input;
  if (
    !opened ||
    !reachedEnd ||
    span < 0 ||
    reachedEnd.getTime() > latest ||
    !Number.isInteger(durationMs) ||
    durationMs < 0 ||
    durationMs > span + DURATION_TOLERANCE_MS
  ) {
    issues.reading = { key: 'consent.reading.times' };
    return null;
  }
  return { opened, reachedEnd, durationMs };
}

function checkConsents(
  input: ConsentFactsInput['consents'],
  reading: { opened: Date; reachedEnd: Date } | null,
  latest: number,
  rules: ConsentRules,
  issues: Issues,
): CheckedConsent[] {
  const shown = new Set(rules.consentItems.map((item) => item.item));
  const given = input.map((choice) => choice.item);
  if (new Set(given).size !== given.length || given.some((item) => !shown.has(item)) || given.length !== shown.size) {
    issues.consents = { key: 'consent.item.mismatch' };
    return [];
  }
  const checked: CheckedConsent[] = [];
  for (const item of rules.consentItems) {
    const choice = input.find((candidate) => candidate.item === item.item);
    const at = choice ? parseTimestamp(choice.at) : null;
    if (!choice || !at) {
      issues[`consents.${item.item}`] = { key: 'consent.item.time' };
      continue;
    }
    if (item.required && !choice.granted) {
      issues[`consents.${item.item}`] = { key: 'consent.item.required' };
      continue;
    }
    // The agree controls unlock only once the text was read to the end (product.md, step 4).
    const earliest = choice.granted ? reading?.reachedEnd : reading?.opened;
    if (at.getTime() > latest || (earliest && at < earliest)) {
      issues[`consents.${item.item}`] = { key: 'consent.item.time' };
      continue;
    }
    const { required, separate, text } = item;
    const normalized = text.normalize('NFC');
    checked.push({ item: item.item, required, separate, granted: choice.granted, text: normalized, textSha256: consentTextSha256(normalized), at: shanghaiTimestamp(at) });
  }
  return checked;
}

function checkSigner(input: ConsentFactsInput['signer'], rules: ConsentRules, issues: Issues) {
  const name = checkPersonName(input.name);
  if (!name.ok) issues['signer.name'] = name.issue;
  const role = rules.signerRoles.find((candidate) => candidate === input.role);
  if (!role) issues['signer.role'] = { key: 'consent.signer.role' };
  const idType = signerIdTypes.find((candidate) => candidate === input.idType);
  if (!idType) {
    issues['signer.idType'] = { key: 'consent.signer.idType' };
    return null;
  }
  let idNumber: string | null = null;
  const id = checkDocumentNumber(idType, input.idNumber, shanghaiCalendarDate(rules.now));
  if (id.ok) idNumber = id.value;
  else issues['signer.idNumber'] = idType === 'resident_id' ? id.issue : { key: 'consent.signer.idNumber' };
  if (!name.ok || !role || idNumber === null) return null;
  return { name: name.value, role, idType, idHash: rules.hashIdNumber(idNumber) };
}

function checkSignature(bytes: Uint8Array, issues: Issues) {
  const image = checkSignatureImage(bytes);
  if (image.ok) return { sha256: image.sha256, width: image.width, height: image.height, bytes: Buffer.from(bytes) };
  issues.signaturePng = { key: `consent.signature.${image.problem}`, params: image.params };
  return null;
}

/**
 * Checks the facts of a signing against the kiosk's own records. Throws
 * KioskError('invalid_input') with one issue per field at fault (all of them, not the first).
 */
export function checkConsentFacts(input: ConsentFactsInput, rules: ConsentRules): CheckedConsentFacts {
  const issues: Issues = {};
  const latest = rules.now.getTime() + FUTURE_TOLERANCE_MS;
  const agreement = checkAgreement(input.agreement, rules, issues);
  const reading = checkReading(input.reading, latest, issues);
  const consents = checkConsents(input.consents, reading, latest, rules, issues);
  const signer = checkSigner(input.signer, rules, issues);
  const signaturePng = checkSignature(input.signaturePng, issues);
  if (!agreement || !reading || !signer || !signaturePng || Object.keys(issues).length > 0) {
    throw new KioskError('invalid_input', {}, issues);
  }
  return {
    agreement,
    reading: { openedAt: shanghaiTimestamp(reading.opened), reachedEndAt: shanghaiTimestamp(reading.reachedEnd), durationMs: reading.durationMs },
    consents,
    signer,
    signaturePng,
  };
}
