// Issue 5, item 6: any change to a snapshot is detected. Byte flips, deletions, insertions and
// reorderings aimed at every member of the body, semantic reorderings (swapped values, swapped
// consents, other key order), and changes to every column of a stored row.
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/core';
import { factsInput, fixedRules, signRegistrations } from '../../../test/support/consent';
import { canonicalSpans } from '../../../test/support/jsonSpans';
import { canonicalJson, GENESIS_HASH } from './body';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex } from './ed25519';
import { checkConsentFacts } from './facts';
import { buildConsentSnapshot } from './snapshot';
import { verifyConsentChain } from './verify';
import { verifySignedBody, type VerifyingKey } from './verifyBody';

const now = new Date('2026-01-15T09:30:00+08:00');
const agreement = { id: 'test-agreement', version: '2.0', sha256: sha256Hex('协议全文\n') };
const checked = checkConsentFacts(factsInput(agreement, now), fixedRules(now, [agreement]));
const { privateKey } = generateKeyPairSync('ed25519');
const raw = rawPublicKey(privateKey);
const key: VerifyingKey = { kioskId: '0194b1c2-0000-7000-8000-0000000000aa', keyId: keyIdOf(raw), publicKey: publicKeyFromRaw(raw) };
const snapshot = buildConsentSnapshot(
  { ...checked, registrationId: '0194b1c2-0000-7000-8000-000000000001', operatorId: 'op01' },
  { identity: key, signingKey: privateKey, prevHash: 'ab'.repeat(32), at: { wall: now, monotonicMs: 5000 }, serverOffsetMs: 250, clockSuspect: false },
);
const bodyBytes = Buffer.from(snapshot.body, 'utf8');
const { text, members } = canonicalSpans(JSON.parse(snapshot.body));

const detected = (body: string) => verifySignedBody({ ...snapshot, body }, key).failures.length > 0;

type Mutation = 'flip' | 'delete' | 'insert' | 'swap';

function mutate(bytes: Buffer, kind: Mutation, offset: number, value: number): Buffer {
  const out = Buffer.from(bytes);
  switch (kind) {
    case 'flip':
      out[offset] = (out[offset] ?? 0) ^ value;
      return out;
    case 'delete':
      return Buffer.concat([bytes.subarray(0, offset), bytes.subarray(offset + 1)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, offset), Buffer.from([value]), bytes.subarray(offset)]);
    case 'swap': {
      const next = Math.min(offset + 1, bytes.length - 1);
      out[offset] = bytes[next] ?? 0;
      out[next] = bytes[offset] ?? 0;
      return out;
    }
  }
}

describe('tampering with a snapshot body', () => {
  it('the span map covers the real body', () => {
    expect(text).toBe(snapshot.body);
    // Every field of issue 5's list is there, down to each consent's members.
    expect(members.map((m) => m.path)).toEqual(
      expect.arrayContaining(['record_id', 'schema_version', 'kiosk_id', 'key_id', 'operator_id', 'agreement.sha256', 'reading.duration_ms', 'consents.2.granted', 'signer.id_hash', 'signature.width', 'time.clock_suspect', 'time.server_offset_ms', 'prev_hash']),
    );
  });

  it.each(members.map((m) => [m.path, m] as const))('detects every byte change aimed at %s', (_path, member) => {
    fc.assert(
      fc.property(
        fc.constantFrom<Mutation>('flip', 'delete', 'insert', 'swap'),
        fc.integer({ min: member.start, max: member.end - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (kind, offset, value) => {
          const changed = mutate(bodyBytes, kind, offset, value);
          fc.pre(!changed.equals(bodyBytes));
          expect(detected(changed.toString('utf8'))).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('detects swapped values, swapped consents and another key order', () => {
    const body = JSON.parse(snapshot.body) as {
      reading: Record<string, string>;
      consents: unknown[];
      agreement: Record<string, string>;
      signature: Record<string, string>;
    };
    const swapped = structuredClone(body);
    [swapped.reading.opened_at, swapped.reading.reached_end_at] = [body.reading.reached_end_at ?? '', body.reading.opened_at ?? ''];
    expect(detected(canonicalJson(swapped))).toBe(true);
    const hashes = structuredClone(body);
    [hashes.agreement.sha256, hashes.signature.sha256] = [body.signature.sha256 ?? '', body.agreement.sha256 ?? ''];
    expect(detected(canonicalJson(hashes))).toBe(true);
    const consents = structuredClone(body);
    consents.consents.reverse();
    expect(detected(canonicalJson(consents))).toBe(true);
    // The same content in another member order is another byte sequence, and not canonical.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()));
    expect(JSON.parse(reordered)).toEqual(body);
    expect(detected(reordered)).toBe(true);
  });

  it('detects a changed hash, signature or key id next to an untouched body', () => {
    fc.assert(
      fc.property(fc.constantFrom('sha256', 'signature', 'keyId') as fc.Arbitrary<'sha256' | 'signature' | 'keyId'>, fc.nat(), fc.integer({ min: 1, max: 127 }), (field, at, value) => {
        const original = snapshot[field];
        const offset = at % original.length;
        const changed = original.slice(0, offset) + String.fromCharCode(original.charCodeAt(offset) ^ value) + original.slice(offset + 1);
        expect(verifySignedBody({ ...snapshot, [field]: changed }, key).failures.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });
});

describe('tampering with stored snapshots', () => {
  let kiosk: TestCore;
  beforeAll(() => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 3);
    // Someone editing the file with the key can switch the foreign keys off; so do we.
    kiosk.core.database.sqlite.pragma('foreign_keys = OFF');
  });
  afterAll(() => kiosk.dispose());

  const columns = ['body', 'sha256', 'prev_hash', 'key_id', 'signature', 'signature_png_sha256', 'created_at', 'registration_id'] as const;

  it('detects a byte changed in any column of any row, and names the row', () => {
    const { sqlite, db } = kiosk.core.database;
    expect(verifyConsentChain(db).ok).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.integer({ min: 1, max: 3 }), fc.nat(), fc.integer({ min: 1, max: 127 }), (column, seq, at, value) => {
        const original = sqlite.prepare(`SELECT ${column} AS v FROM consent_snapshots WHERE seq = ?`).pluck().get(seq) as string;
        const offset = at % original.length;
        const changed = original.slice(0, offset) + String.fromCharCode(original.charCodeAt(offset) ^ value) + original.slice(offset + 1);
        sqlite.prepare(`UPDATE consent_snapshots SET ${column} = ? WHERE seq = ?`).run(changed, seq);
        try {
          const report = verifyConsentChain(db);
          expect(report.ok).toBe(false);
          expect(report.failures.map((f) => f.seq)).toContain(seq);
        } finally {
          sqlite.prepare(`UPDATE consent_snapshots SET ${column} = ? WHERE seq = ?`).run(original, seq);
        }
      }),
      { numRuns: 400 },
    );
    expect(verifyConsentChain(db).ok).toBe(true);
  });

  it('detects a renumbered snapshot', () => {
    const { sqlite, db } = kiosk.core.database;
    sqlite.prepare('UPDATE consent_snapshots SET seq = 7 WHERE seq = 3').run();
    try {
      expect(verifyConsentChain(db).failures.map((f) => [f.seq, f.check])).toEqual([[7, 'chain_seq']]);
    } finally {
      sqlite.prepare('UPDATE consent_snapshots SET seq = 3 WHERE seq = 7').run();
    }
  });

  it('detects a first snapshot that does not start from the genesis hash', () => {
    const { sqlite, db } = kiosk.core.database;
    expect(sqlite.prepare('SELECT prev_hash FROM consent_snapshots WHERE seq = 1').pluck().get()).toBe(GENESIS_HASH);
    sqlite.prepare('UPDATE consent_snapshots SET prev_hash = ? WHERE seq = 1').run('1'.repeat(64));
    try {
      expect(verifyConsentChain(db).failures.map((f) => [f.seq, f.check])).toEqual([
        [1, 'chain_link'],
        [1, 'record'],
      ]);
    } finally {
      sqlite.prepare('UPDATE consent_snapshots SET prev_hash = ? WHERE seq = 1').run(GENESIS_HASH);
    }
  });
});
