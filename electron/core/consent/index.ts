// Signed consent snapshots (issue 5): the kiosk's identity, checking the facts of a signing,
// building and chaining snapshots, verifying them and exporting evidence. README.md has the body
// format and how to verify a package with node:crypto alone.
//
// Submitting a registration, inside its one transaction:
//   const checked = checkConsentFacts(input, rules);                       // throws KioskError
//   const head = chainHead(db);
//   const { at, clockSuspect } = consent.clockWatch.readForSnapshot(head ? new Date(head.createdAt) : null);
//   const snapshot = buildConsentSnapshot({ ...checked, registrationId, operatorId },
//     { identity: consent.identity, signingKey: consent.signingKey, prevHash: head?.sha256 ?? GENESIS_HASH,
//       at, serverOffsetMs, clockSuspect });
//   storeConsentSnapshot(db, snapshot, checked);                            // after the registration row
// and after the commit: consent.clockWatch.snapshotStored().
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import type { Clock } from '../platform/clock';
import type { KeyStore } from '../platform/keyStore';
import type { Logger } from '../platform/logger';
import { findStoredAgreement } from './chain';
import { ClockWatch } from './clockWatch';
import { shortKeyId } from './ed25519';
import { buildEvidencePackage } from './evidence';
import type { AgreementRef } from './facts';
import { ensureKioskIdentity, idNumberHash } from './identity';
import { verifyConsentChain } from './verify';

export { GENESIS_HASH, CONSENT_SCHEMA_VERSION, signerRoles, signerIdTypes, parseSnapshotBody } from './body';
export type { ConsentSnapshotBody, SignerRole, SignerIdType } from './body';
export { chainHead, previousSnapshotHash, storeConsentSnapshot, findStoredAgreement, type ChainHead } from './chain';
export { ClockWatch, readClock, DEFAULT_DRIFT_THRESHOLD_MS, type ClockReading } from './clockWatch';
export { shortKeyId, keyIdOf, publicKeyFromRaw } from './ed25519';
export { buildEvidencePackage, writeEvidencePackage, EvidenceError, type EvidenceErrorCode } from './evidence';
export { checkConsentFacts, consentTextSha256, signerRolesFor } from './facts';
export type { AgreementRef, CheckedConsentFacts, ConsentFactsInput, ConsentItemShown, ConsentRules } from './facts';
export { ensureKioskIdentity, idNumberHash, readKioskIdentity, KioskIdentityError } from './identity';
export type { KioskIdentity, KioskIdentityErrorCode, KioskKeys } from './identity';
export { checkSignatureImage, signatureImageLimits } from './signatureImage';
export { buildConsentSnapshot, type BuiltConsentSnapshot, type ConsentSnapshotFacts, type SnapshotContext } from './snapshot';
export { shanghaiTimestamp } from './timestamps';
export { verifyConsentChain, kioskVerifyingKey, type ChainReport, type VerifyFailure } from './verify';
export type { CheckFailure, ConsentCheck } from './verifyBody';
export { readPackageDir, verifyEvidencePackage, type PackageReport } from './verifyPackage';

export interface ConsentServiceDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  keyStore: KeyStore;
  logger: Logger;
}

/** What core composes at start: the identity (created on first start) and the kiosk's own helpers. */
export function createConsentService(deps: ConsentServiceDeps) {
  const { db } = deps;
  const { identity, signingKey, idHashKey } = ensureKioskIdentity(deps);
  return {
    identity,
    /** For settings and receipts: `3f2a 91c0 5be7 0d14`. */
    shortKeyId: shortKeyId(identity.keyId),
    /** Private; pass it to buildConsentSnapshot and nowhere else. */
    signingKey,
    clockWatch: new ClockWatch(deps.clock),
    /** Keyed hash of a normalised ID number, for the signer and for duplicate checks after purge. */
    idNumberHash: (normalizedIdNumber: string) => idNumberHash(idHashKey, normalizedIdNumber),
    findAgreement: (ref: AgreementRef) => findStoredAgreement(db, ref),
    verify: () => verifyConsentChain(db),
    evidencePackage: (registrationId: string) => buildEvidencePackage(db, registrationId),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
