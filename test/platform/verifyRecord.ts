// Everything one record must prove before the platform keeps it, apart from its place in the chain
// (chain.ts): the payload is valid, the kiosk enrolled under this credential signed the snapshot,
// the snapshot is of this record, and the image and consent texts are the ones it names.
import { consentTextSha256 } from '../../electron/core/consent/facts';
import { decodeStrictBase64, sha256Hex, verifyText } from '../../electron/core/consent/ed25519';
import { checkImageSize, verifySignedBody, type ConsentCheck } from '../../electron/core/consent/verifyBody';
import type { ConsentSnapshotBody } from '../../electron/core/consent/body';
import { rejectionReasons, type RecordError, type WireRecord } from '../../shared/sync';
import type { EnrolledKiosk } from './enrolment';
import { checkPayload } from './payload';
import type { TextVerifier } from './signatures';

/** The canonical text hash of an agreement version the platform publishes, or null if it does not. */
export type PublishedAgreementHash = (agreementId: string, version: string) => string | null;

const snapshotReason: Partial<Record<ConsentCheck, { field: string; reason: string }>> = {
  body_hash: { field: 'snapshot.sha256', reason: rejectionReasons.snapshotHash },
  signature: { field: 'snapshot.signature', reason: rejectionReasons.snapshotSignature },
  body_format: { field: 'snapshot.body', reason: rejectionReasons.snapshotFormat },
  record: { field: 'snapshot.body', reason: rejectionReasons.snapshotMismatch },
};

function checkSnapshot(record: WireRecord, kiosk: EnrolledKiosk, verify: TextVerifier): { body: ConsentSnapshotBody | null; errors: RecordError[] } {
  const { snapshot } = record;
  const { body, failures } = verifySignedBody(
    { body: snapshot.body, sha256: snapshot.sha256, signature: snapshot.signature, keyId: snapshot.key_id },
    kiosk,
    verify,
  );
  const errors = failures.map((failure) => snapshotReason[failure.check] ?? { field: 'snapshot', reason: rejectionReasons.snapshotFormat });
  if (body && body.record_id !== record.record_id) errors.push({ field: 'snapshot.body.record_id', reason: rejectionReasons.snapshotMismatch });
  return { body, errors };
}

function checkImage(record: WireRecord, body: ConsentSnapshotBody): RecordError[] {
  const png = decodeStrictBase64(record.signature_png);
  if (!png) return [{ field: 'signature_png', reason: rejectionReasons.invalid }];
  if (sha256Hex(png) !== body.signature.sha256) return [{ field: 'signature_png', reason: rejectionReasons.signatureImage }];
  return checkImageSize(png, body.signature).map(() => ({ field: 'signature_png', reason: rejectionReasons.signatureImage }));
}

function checkConsentTexts(record: WireRecord, body: ConsentSnapshotBody): RecordError[] {
  const errors: RecordError[] = [];
  const named = new Set(body.consents.map((consent) => consent.item));
  for (const consent of body.consents) {
    const text = record.consent_texts[consent.item];
    if (text === undefined || consentTextSha256(text) !== consent.text_sha256) {
      errors.push({ field: `consent_texts.${consent.item}`, reason: rejectionReasons.consentText });
    }
  }
  for (const item of Object.keys(record.consent_texts)) {
    if (!named.has(item)) errors.push({ field: `consent_texts.${item}`, reason: rejectionReasons.consentText });
  }
  return errors;
}

/** Problems of a record that passed the wire schema and its content hash; empty when it may be kept. */
export function verifyRecord(
  record: WireRecord,
  kiosk: EnrolledKiosk,
  publishedAgreement: PublishedAgreementHash,
  verify: TextVerifier = verifyText,
): { body: ConsentSnapshotBody | null; errors: RecordError[] } {
  const errors = checkPayload(record);
  if (record.supersedes === record.record_id) errors.push({ field: 'supersedes', reason: rejectionReasons.supersedesSelf });
  const snapshot = checkSnapshot(record, kiosk, verify);
  errors.push(...snapshot.errors);
  const { body } = snapshot;
  if (body) {
    errors.push(...checkImage(record, body), ...checkConsentTexts(record, body));
    const published = publishedAgreement(body.agreement.id, body.agreement.version);
    if (published !== null && published !== body.agreement.sha256) {
      errors.push({ field: 'snapshot.body.agreement.sha256', reason: rejectionReasons.agreementHash });
    }
  }
  return { body, errors };
}
