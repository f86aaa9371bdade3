// The kiosk's signature scheme: Ed25519 from node:crypto, public keys carried as the raw 32 bytes in
// base64, key ids as the SHA-256 (hex) of those bytes. Nothing here touches the database, so an
// evidence package can be checked with this file and the package alone.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const PUBLIC_KEY_BYTES = 32;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The raw public key (32 bytes) of an Ed25519 key object, public or private. */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(x, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== PUBLIC_KEY_BYTES) throw new Error(`an Ed25519 public key has ${PUBLIC_KEY_BYTES} bytes`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function keyIdOf(raw: Uint8Array): string {
  return sha256Hex(raw);
}

/** For screens and receipts: the first 16 hex digits in groups of four, e.g. `3f2a 91c0 5be7 0d14`. */
export function shortKeyId(keyId: string): string {
  return (keyId.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** Base64 Ed25519 signature over the UTF-8 bytes of `message`. */
export function signText(privateKey: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/**
 * Strict base64: Node's decoder skips characters it does not know and ignores unused low bits, so
 * two different strings can give the same bytes. Evidence must not have such slack (a changed
 * byte must fail), so only the one canonical spelling is accepted.
 */
export function decodeStrictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

export function verifyText(publicKey: KeyObject, message: string, signatureBase64: string): boolean {
  const signature = decodeStrictBase64(signatureBase64);
  if (!signature || signature.length !== 64) return false;
  return verify(null, Buffer.from(message, 'utf8'), publicKey, signature);
}
