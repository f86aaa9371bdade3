import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFromRaw, signText } from '../../electron/core/consent/ed25519';
import { recordSignatureMaterial } from '../../shared/sync';
import { verifyAhead } from './signatures';
import { TestKiosk } from './testKiosk';

describe('verifyAhead', () => {
  const kiosk = new TestKiosk();
  const good = kiosk.record();
  const forged = { ...kiosk.record(), record_signature: signText(generateKeyPairSync('ed25519').privateKey, 'something else') };
  const key = publicKeyFromRaw(Buffer.from(kiosk.publicKey, 'base64'));
  const otherKey = generateKeyPairSync('ed25519').publicKey;

  it('answers for the signatures a batch carries, good and bad', async () => {
    const verify = await verifyAhead(key, [good, forged, { not: 'a record' }]);
    expect(verify(key, recordSignatureMaterial(good), good.record_signature)).toBe(true);
    expect(verify(key, good.snapshot.body, good.snapshot.signature)).toBe(true);
    expect(verify(key, recordSignatureMaterial(forged), forged.record_signature)).toBe(false);
    expect(verify(key, forged.snapshot.body, forged.snapshot.signature)).toBe(true);
  });

  it('checks on the spot what was not checked ahead: another message, another key, another signature', async () => {
    const verify = await verifyAhead(key, [good]);
    expect(verify(key, `${good.snapshot.body} `, good.snapshot.signature)).toBe(false);
    expect(verify(key, recordSignatureMaterial({ ...good, snapshot: { ...good.snapshot, seq: good.snapshot.seq + 1 } }), good.record_signature)).toBe(false);
    expect(verify(otherKey, good.snapshot.body, good.snapshot.signature)).toBe(false);
    const later = kiosk.record();
    expect(verify(key, later.snapshot.body, later.snapshot.signature)).toBe(true);
    expect(verify(key, later.snapshot.body, 'A'.repeat(86) + '==')).toBe(false);
  });

  it('refuses a signature in a second spelling of its base64, as verifyText does', async () => {
    // The last character of 64 bytes in base64 carries 4 unused bits: flipping one keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = alphabet.indexOf(good.snapshot.signature[85] ?? '');
    const loose = `${good.snapshot.signature.slice(0, 85)}${alphabet[last ^ 1] ?? ''}==`;
    expect(Buffer.from(loose, 'base64').equals(Buffer.from(good.snapshot.signature, 'base64'))).toBe(true);
    const verify = await verifyAhead(key, [{ ...good, snapshot: { ...good.snapshot, signature: loose } }]);
    expect(verify(key, good.snapshot.body, loose)).toBe(false);
  });
});
