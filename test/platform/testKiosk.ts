// A kiosk for the platform's tests: its own Ed25519 identity and chain, and records built the way
// the kiosk builds them (the consent snapshot builder of electron/core/consent), so the platform is
// tested against real snapshots rather than hand-made ones. Not the sync engine: no queue, no retry.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { GENESIS_HASH } from '../../electron/core/consent/body';
import { keyIdOf, rawPublicKey, signText } from '../../electron/core/consent/ed25519';
import { checkConsentFacts, type CheckedConsentFacts } from '../../electron/core/consent/facts';
import { buildConsentSnapshot } from '../../electron/core/consent/snapshot';
import { RegistrationPayloadSchema } from '../../shared/domain/registrationPayload';
import {
  contentFieldsOf,
  contentHashMaterial,
  recordSignatureMaterial,
  WITHDRAWAL_TYPE,
  withdrawalContentMaterial,
  withdrawalSignatureMaterial,
  type WireRecord,
  type WireWithdrawal,
} from '../../shared/sync';
import { factsInput, fixedRules, type ShownAgreement } from '../support/consent';
import { sampleIndividual } from '../support/core';
import { signaturePng } from '../support/png';

export const testAgreement: ShownAgreement = { id: 'test-registration', version: '1.0', sha256: 'a'.repeat(64) };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Recomputes content_sha256 (and, given a key, record_signature) after a test changed a record. */
export function withContentHash(record: WireRecord, signingKey?: KeyObject): WireRecord {
  const hashed = { ...record, content_sha256: sha256(contentHashMaterial(contentFieldsOf(record))) };
  return signingKey ? { ...hashed, record_signature: signText(signingKey, recordSignatureMaterial(hashed)) } : hashed;
}

/** Recomputes a withdrawal's content_sha256 and record_signature (with the key given) after a test changed it. */
export function signedWithdrawal(withdrawal: WireWithdrawal, signingKey: KeyObject): WireWithdrawal {
  const content_sha256 = sha256(withdrawalContentMaterial(withdrawal));
  return { ...withdrawal, content_sha256, record_signature: signText(signingKey, withdrawalSignatureMaterial({ content_sha256 })) };
}

export interface RecordOptions {
  payload?: Record<string, unknown>;
  supersedes?: string | null;
  /** Another record's id, to build a second version of it (a conflict). */
  recordId?: string;
}

export class TestKiosk {
  readonly kioskId = uuidv7();
  readonly signingKey: KeyObject;
  readonly publicKey: string;
  readonly keyId: string;
  private facts: CheckedConsentFacts;
  private head = GENESIS_HASH;
  private seq = 0;
  private wall: number;

  constructor(start = new Date('2026-12-04T09:00:00+08:00')) {
    this.signingKey = generateKeyPairSync('ed25519').privateKey;
    const raw = rawPublicKey(this.signingKey);
    this.publicKey = raw.toString('base64');
    this.keyId = keyIdOf(raw);
    this.wall = start.getTime();
    // Decoding the PNG is the slow part of the checks: once per kiosk, reused for every record.
    this.facts = checkConsentFacts(factsInput(testAgreement, start, { signaturePng: signaturePng() }), fixedRules(start, [testAgreement]));
  }

  /** The next record in this kiosk's chain, signed, with its content hash. */
  record(options: RecordOptions = {}): WireRecord {
    this.wall += 60_000;
    this.seq += 1;
    const recordId = options.recordId ?? uuidv7({ msecs: this.wall });
    const snapshot = buildConsentSnapshot(
      { ...this.facts, registrationId: recordId, operatorId: 'op01' },
      {
        identity: { kioskId: this.kioskId, keyId: this.keyId },
        signingKey: this.signingKey,
        prevHash: this.head,
        at: { wall: new Date(this.wall), monotonicMs: this.seq * 60_000 },
        serverOffsetMs: null,
        clockSuspect: false,
      },
    );
    this.head = snapshot.sha256;
    const payload = options.payload ?? (RegistrationPayloadSchema.parse(sampleIndividual) as Record<string, unknown>);
    const kind = payload.kind === 'enterprise' ? 'enterprise' : 'individual';
    return withContentHash({
      record_id: recordId,
      kind,
      number: `T-${String(this.seq).padStart(6, '0')}`,
      created_at: new Date(this.wall).toISOString(),
      supersedes: options.supersedes ?? null,
      payload,
      content_sha256: '',
      record_signature: '',
      snapshot: { body: snapshot.body, sha256: snapshot.sha256, signature: snapshot.signature, key_id: snapshot.keyId, seq: this.seq },
      signature_png: this.facts.signaturePng.bytes.toString('base64'),
      consent_texts: Object.fromEntries(this.facts.consents.map((consent) => [consent.item, consent.text])),
    }, this.signingKey);
  }

  /** A withdrawal of `withdraws` (a record of this kiosk, or any id a test chooses), signed. */
  withdrawal(withdraws: string, options: { kind?: 'individual' | 'enterprise'; reason?: string; recordId?: string } = {}): WireWithdrawal {
    this.wall += 60_000;
    return signedWithdrawal(
      {
        type: WITHDRAWAL_TYPE,
        record_id: options.recordId ?? uuidv7({ msecs: this.wall }),
        withdraws,
        kind: options.kind ?? 'individual',
        number: `W-${String(this.wall % 1_000_000).padStart(6, '0')}`,
        created_at: new Date(this.wall).toISOString(),
        operator_id: 'op01',
        reason: options.reason ?? '本人要求撤回',
        content_sha256: '',
        record_signature: '',
      },
      this.signingKey,
    );
  }

  records(count: number): WireRecord[] {
    return Array.from({ length: count }, () => this.record());
  }
}
