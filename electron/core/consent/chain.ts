// The kiosk's snapshot chain in the database: where the next snapshot links to, and storing one
// with the blobs it refers to. Call these inside the transaction that writes the registration, so
// two submits can never link to the same previous snapshot.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedPerDb } from '../db/prepared';
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

const statements = preparedPerDb((db) => ({
  head: db
    .select({ seq: consentSnapshots.seq, sha256: consentSnapshots.sha256, createdAt: consentSnapshots.createdAt })
    .from(consentSnapshots)
    .orderBy(desc(consentSnapshots.seq))
    .limit(1)
    .prepare(),
  agreement: db
    .select({ canonicalSha256: agreementVersions.canonicalSha256, locale: agreementVersions.locale })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, sql.placeholder('id')), eq(agreementVersions.version, sql.placeholder('version'))))
    .prepare(),
  blob: db
    .select({ emptied: sql<number>`${blobs.bytes} IS NULL` })
    .from(blobs)
    .where(eq(blobs.sha256, sql.placeholder('sha256')))
    .prepare(),
  insertBlob: db
    .insert(blobs)
    .values({
      sha256: sql.placeholder('sha256'),
      mediaType: sql.placeholder('mediaType'),
      size: sql.placeholder('size'),
      bytes: sql.placeholder('bytes'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
  refillBlob: db
    .update(blobs)
    .set({ bytes: sql`${sql.placeholder('bytes')}`, purgedAt: null })
    .where(and(eq(blobs.sha256, sql.placeholder('sha256')), isNull(blobs.bytes)))
    .prepare(),
  insertSnapshot: db
    .insert(consentSnapshots)
    .values({
      registrationId: sql.placeholder('registrationId'),
      seq: sql.placeholder('seq'),
      sha256: sql.placeholder('sha256'),
      prevHash: sql.placeholder('prevHash'),
      keyId: sql.placeholder('keyId'),
      signature: sql.placeholder('signature'),
      body: sql.placeholder('body'),
      signaturePngSha256: sql.placeholder('signaturePngSha256'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
}));

/** The kiosk's latest snapshot, or null before the first. */
export function chainHead(db: Db): ChainHead | null {
  return statements(db).head.get() ?? null;
}

/** What the next snapshot's `prev_hash` is: the hash of the snapshot with the highest seq, or 64 zeros. */
export function previousSnapshotHash(db: Db): string {
  return chainHead(db)?.sha256 ?? GENESIS_HASH;
}

/** A stored agreement version's canonical hash and language (for `ConsentRules.findAgreement`). */
export function findStoredAgreement(db: Db, ref: AgreementRef): { canonicalSha256: string; locale: string } | null {
  return statements(db).agreement.get({ id: ref.id, version: ref.version }) ?? null;
}

/** Content-addressed: stores the bytes once, and again if retention had emptied the row. */
function putBlob(db: Db, bytes: Buffer, mediaType: string, createdAt: string): string {
  const sha256 = sha256Hex(bytes);
  const { blob, insertBlob, refillBlob } = statements(db);
  const existing = blob.get({ sha256 });
  if (!existing) insertBlob.run({ sha256, mediaType, size: bytes.length, bytes, createdAt });
  else if (existing.emptied) refillBlob.run({ sha256, bytes });
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
  statements(db).insertSnapshot.run({
    registrationId: snapshot.registrationId,
    seq,
    sha256: snapshot.sha256,
    prevHash: snapshot.prevHash,
    keyId: snapshot.keyId,
    signature: snapshot.signature,
    body: snapshot.body,
    signaturePngSha256: snapshot.signaturePng.sha256,
    createdAt: snapshot.createdAt,
  });
  return seq;
}
