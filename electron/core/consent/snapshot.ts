// Builds a signed consent snapshot from checked facts. Pure: keys, the previous hash and the clock
// reading are passed in, so the caller can build it inside the transaction that stores it and a
// test can build a thousand without a database.
import type { KeyObject } from 'node:crypto';
import { canonicalJson, CONSENT_SCHEMA_VERSION, type ConsentSnapshotBody } from './body';
import type { ClockReading } from './clockWatch';
import { keyIdOf, rawPublicKey, sha256Hex, signText } from './ed25519';
import type { CheckedConsentFacts } from './facts';
import type { KioskIdentity } from './identity';
import { shanghaiTimestamp } from './timestamps';

/** Checked facts plus the record they belong to. */
export interface ConsentSnapshotFacts extends CheckedConsentFacts {
  registrationId: string;
  operatorId: string;
}

export interface SnapshotContext {
  identity: Pick<KioskIdentity, 'kioskId' | 'keyId'>;
  signingKey: KeyObject;
  /** SHA-256 of the kiosk's previous snapshot (`previousSnapshotHash`), or GENESIS_HASH. */
  prevHash: string;
  /** When the snapshot is taken (`ClockWatch.readForSnapshot`). */
  at: ClockReading;
  /** Platform time minus kiosk time at the last sync, or null when the kiosk never synced. */
  serverOffsetMs: number | null;
  clockSuspect: boolean;
}

export interface BuiltConsentSnapshot {
  registrationId: string;
  /** Canonical JSON; exactly these UTF-8 bytes are hashed and signed. */
  body: string;
  sha256: string;
  /** Base64 Ed25519 signature over the body's bytes. */
  signature: string;
  keyId: string;
  prevHash: string;
  /** The snapshot's wall time as a UTC ISO string, for the row's `created_at`. */
  createdAt: string;
  signaturePng: { sha256: string; width: number; height: number };
}

export function buildConsentSnapshot(facts: ConsentSnapshotFacts, context: SnapshotContext): BuiltConsentSnapshot {
  const { identity, signingKey, prevHash, at } = context;
  // A key that does not match the identity would sign snapshots nobody can verify.
  if (keyIdOf(rawPublicKey(signingKey)) !== identity.keyId) throw new Error('the signing key does not belong to this kiosk identity');
  if (!/^[0-9a-f]{64}$/.test(prevHash)) throw new Error('prevHash must be 64 lowercase hex digits');
  const { agreement, reading, signer, signaturePng } = facts;
  const body: ConsentSnapshotBody = {
    schema_version: CONSENT_SCHEMA_VERSION,
    record_id: facts.registrationId,
    kiosk_id: identity.kioskId,
    key_id: identity.keyId,
    operator_id: facts.operatorId,
    agreement: { id: agreement.id, version: agreement.version, locale: agreement.locale, sha256: agreement.sha256 },
    reading: { opened_at: reading.openedAt, reached_end_at: reading.reachedEndAt, duration_ms: reading.durationMs },
    consents: facts.consents.map((consent) => ({
      item: consent.item,
      required: consent.required,
      separate: consent.separate,
      granted: consent.granted,
      text_sha256: consent.textSha256,
      at: consent.at,
    })),
    signer: { name: signer.name, role: signer.role, id_type: signer.idType, id_hash: signer.idHash },
    signature: { sha256: signaturePng.sha256, width: signaturePng.width, height: signaturePng.height },
    time: {
      wall: shanghaiTimestamp(at.wall),
      // performance.now() has a fraction; whole milliseconds keep the body free of float spellings.
      monotonic_ms: Math.max(0, Math.round(at.monotonicMs)),
      server_offset_ms: context.serverOffsetMs === null ? null : Math.round(context.serverOffsetMs),
      clock_suspect: context.clockSuspect,
    },
    prev_hash: prevHash,
  };
  const text = canonicalJson(body);
  return {
    registrationId: facts.registrationId,
    body: text,
    sha256: sha256Hex(text),
    signature: signText(signingKey, text),
    keyId: identity.keyId,
    prevHash,
    createdAt: at.wall.toISOString(),
    signaturePng: { sha256: signaturePng.sha256, width: signaturePng.width, height: signaturePng.height },
  };
}
