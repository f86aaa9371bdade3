import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { factsInput, fixedRules } from '../../../test/support/consent';
import { canonicalJson, GENESIS_HASH, parseSnapshotBody } from './body';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex } from './ed25519';
import { checkConsentFacts } from './facts';
import { buildConsentSnapshot, type SnapshotContext } from './snapshot';

const now = new Date('2026-01-15T09:30:00+08:00');
const agreement = { id: 'test-agreement', version: '2.0', sha256: sha256Hex('协议全文\n') };
const checked = checkConsentFacts(factsInput(agreement, now), fixedRules(now, [agreement]));
const facts = { ...checked, registrationId: '0194b1c2-0000-7000-8000-000000000001', operatorId: 'op01' };

function kioskContext(overrides: Partial<SnapshotContext> = {}): SnapshotContext {
  const { privateKey } = generateKeyPairSync('ed25519');
  const identity = { kioskId: '0194b1c2-0000-7000-8000-0000000000aa', keyId: keyIdOf(rawPublicKey(privateKey)) };
  return { identity, signingKey: privateKey, prevHash: GENESIS_HASH, at: { wall: now, monotonicMs: 123_456.7 }, serverOffsetMs: -1500, clockSuspect: false, ...overrides };
}

describe('a consent snapshot', () => {
  it('has exactly the fields of issue 5, as canonical JSON', () => {
    const context = kioskContext();
    const snapshot = buildConsentSnapshot(facts, context);
    const body = JSON.parse(snapshot.body) as Record<string, unknown>;
    expect(body).toEqual({
      schema_version: 1,
      record_id: facts.registrationId,
      kiosk_id: context.identity.kioskId,
      key_id: context.identity.keyId,
      operator_id: 'op01',
      agreement: { id: 'test-agreement', version: '2.0', locale: 'zh-CN', sha256: agreement.sha256 },
      reading: { opened_at: '2026-01-15T09:28:00.000+08:00', reached_end_at: '2026-01-15T09:29:00.000+08:00', duration_ms: 58_500 },
      consents: checked.consents.map((c) => ({ item: c.item, required: c.required, separate: c.separate, granted: c.granted, text_sha256: c.textSha256, at: c.at })),
      signer: { name: '张三丰', role: 'self', id_type: 'resident_id', id_hash: checked.signer.idHash },
      signature: { sha256: checked.signaturePng.sha256, width: 400, height: 160 },
      time: { wall: '2026-01-15T09:30:00.000+08:00', monotonic_ms: 123_457, server_offset_ms: -1500, clock_suspect: false },
      prev_hash: GENESIS_HASH,
    });
    // RFC 8785: sorted keys, no whitespace.
    expect(snapshot.body.startsWith('{"agreement":{"id":"test-agreement","locale":"zh-CN","sha256":"')).toBe(true);
    expect(parseSnapshotBody(snapshot.body).ok).toBe(true);
    expect(snapshot).toMatchObject({
      registrationId: facts.registrationId,
      keyId: context.identity.keyId,
      prevHash: GENESIS_HASH,
      createdAt: now.toISOString(),
      signaturePng: { sha256: checked.signaturePng.sha256, width: 400, height: 160 },
    });
  });

  it('is hashed and signed over the exact body bytes', () => {
    const context = kioskContext();
    const snapshot = buildConsentSnapshot(facts, context);
    const bytes = Buffer.from(snapshot.body, 'utf8');
    expect(snapshot.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const publicKey = publicKeyFromRaw(rawPublicKey(context.signingKey));
    expect(verify(null, bytes, publicKey, Buffer.from(snapshot.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(`${snapshot.body} `), publicKey, Buffer.from(snapshot.signature, 'base64'))).toBe(false);
  });

  it('is the same for the same facts, key, link and time', () => {
    const context = kioskContext();
    expect(buildConsentSnapshot(facts, context)).toEqual(buildConsentSnapshot(facts, context));
    expect(buildConsentSnapshot(facts, { ...context, prevHash: 'a'.repeat(64) }).sha256).not.toBe(buildConsentSnapshot(facts, context).sha256);
  });

  it('records an unknown server offset and a suspect clock', () => {
    const snapshot = buildConsentSnapshot(facts, kioskContext({ serverOffsetMs: null, clockSuspect: true }));
    expect(JSON.parse(snapshot.body)).toMatchObject({ time: { server_offset_ms: null, clock_suspect: true } });
  });

  it('refuses a signing key that is not the identity\'s, and a malformed previous hash', () => {
    const context = kioskContext();
    expect(() => buildConsentSnapshot(facts, { ...context, signingKey: generateKeyPairSync('ed25519').privateKey })).toThrow(/does not belong/);
    expect(() => buildConsentSnapshot(facts, { ...context, prevHash: 'ABC' })).toThrow(/prevHash/);
  });

  it('body reader refuses other spellings and other fields', () => {
    const { body } = buildConsentSnapshot(facts, kioskContext());
    const value = JSON.parse(body) as Record<string, unknown>;
    expect(parseSnapshotBody(JSON.stringify(value, null, 1))).toEqual({ ok: false, reason: 'not in canonical form' });
    expect(parseSnapshotBody('{')).toEqual({ ok: false, reason: 'not JSON' });
    expect(parseSnapshotBody(canonicalJson({ ...value, note: 'x' }))).toEqual({ ok: false, reason: 'unexpected fields or values: (body)' });
    expect(parseSnapshotBody(canonicalJson({ ...value, schema_version: 2 }))).toEqual({ ok: false, reason: 'unexpected fields or values: schema_version' });
  });
});
