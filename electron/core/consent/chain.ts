// The kiosk's snapshot chain in the database: where the next snapshot links to, and storing one
// with the blobs it refers to. Call these inside the transaction that writes the registration, so
// two submits can never link to the same previous snapshot.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { agreementVersions, blobs, consentSnapshots } from '../db/schema';
import { GENESIS_HASH } from './body';
import { sha256Hex } from './ed25519';
import type { AgreementRef, CheckedConsentFacts } from './facts';
import type { BuiltConsentSnapshot } from './snapshot';

export const PNG_MEDIA_TYPE = 'image/png';
export const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';

export interface ChainHead {
  seq: number;
  sha256: string;
  /** The wall time of that snapshot (UTC ISO), for `ClockWatch.readForSnapshot`. */
  createdAt: string;
}

/** The kiosk's latest snapshot, or null before the first. */
export function chainHead(db: Db): ChainHead | null {
  const row = db
    .select({ seq: consentSnapshots.seq, sha256: consentSnapshots.sha256, createdAt: consentSnapshots.createdAt })
    .from(consentSnapshots)
    .orderBy(desc(consentSnapshots.seq))
    .limit(1)
    .get();
  return row ?? null;
}

/** What the next snapshot's `prev_hash` is: the hash of the snapshot with the highest seq, or 64 zeros. */
export function previousSnapshotHash(db: Db): string {
  return chainHead(db)?.sha256 ?? GENESIS_HASH;
}

/** A stored agreement version's canonical hash and language (for `ConsentRules.findAgreement`). */
export function findStoredAgreement(db: Db, ref: AgreementRef): { canonicalSha256: string; locale: string } | null {
  const row = db
    .select({ canonicalSha256: agreementVersions.canonicalSha256, locale: agreementVersions.locale })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, ref.id), eq(agreementVersions.version, ref.version)))
    .get();
  return row ?? null;
}

/** Content-addressed: stores the bytes once, and again if retention had emptied the row. */
function putBlob(db: Db, bytes: Buffer, mediaType: string, createdAt: string): string {
  const sha256 = sha256Hex(bytes);
  const existing = db.select({ sha256: blobs.sha256 }).from(blobs).where(eq(blobs.sha256, sha256)).get();
  if (!existing) {
    db.insert(blobs).values({ sha256, mediaType, size: bytes.length, bytes, createdAt }).run();
  } else {
    db.update(blobs)
      .set({ bytes, purgedAt: null })
      .where(and(eq(blobs.sha256, sha256), isNull(blobs.bytes)))
      .run();
  }
  return sha256;
}

/**
 * Stores a built snapshot as the next link of the chain, with its signature image and the consent
 * texts shown (so an evidence package can carry them). The registration row must exist already.
 * Refuses a snapshot built on another head than the current one. Returns its seq.
 */
export function storeConsentSnapshot(db: Db, snapshot: BuiltConsentSnapshot, facts: CheckedConsentFacts): number {
  const head = chainHead(db);
  if ((head?.sha256 ?? GENESIS_HASH) !== snapshot.prevHash) {
    throw new Error('the consent snapshot was built on a previous hash that is no longer the chain head');
  }
  const imageHash = putBlob(db, facts.signaturePng.bytes, PNG_MEDIA_TYPE, snapshot.createdAt);
  if (imageHash !== snapshot.signaturePng.sha256) throw new Error('the signature image is not the one the snapshot names');
  for (const consent of facts.consents) {
    if (putBlob(db, Buffer.from(consent.text, 'utf8'), TEXT_MEDIA_TYPE, snapshot.createdAt) !== consent.textSha256) {
      throw new Error(`the text of consent ${consent.item} is not the one the snapshot names`);
    }
  }
  const seq = (head?.seq ?? 0) + 1;
  db.insert(consentSnapshots)
    .values({
      registrationId: snapshot.registrationId,
      seq,
      sha256: snapshot.sha256,
      prevHash: snapshot.prevHash,
      keyId: snapshot.keyId,
      signature: snapshot.signature,
      body: snapshot.body,
      signaturePngSha256: snapshot.signaturePng.sha256,
      createdAt: snapshot.createdAt,
    })
    .run();
  return seq;
}
