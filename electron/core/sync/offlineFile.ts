// The offline (USB) batch file: the same batch request the kiosk would POST, encrypted to the
// platform's X25519 key and signed with the kiosk's Ed25519 key, so a lost stick reveals nothing
// and a changed byte is refused. The platform's answer travels back as a receipt file: the signed
// receipt itself, which needs no encryption (ids, hashes and outcomes only). Format in
// docs/sync-offline-transfer.md. Pure node:crypto; the reference platform uses it too.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import {
  BatchRequestSchema,
  canonicalJson,
  InstantSchema,
  parseCanonicalBody,
  PublicKeySchema,
  Sha256HexSchema,
  SignatureSchema,
  SignedReceiptSchema,
  Uuidv7Schema,
  type BatchRequest,
  type SignedReceipt,
} from '../../../shared/sync';
import { decodeStrictBase64, publicKeyFromRaw, sha256Hex, signText, verifyText } from '../consent/ed25519';

export const OFFLINE_BATCH_FORMAT = 'kiosk-offline-batch';
export const OFFLINE_RECEIPT_FORMAT = 'platform-offline-receipt';
export const ENCRYPTION_SCHEME = 'x25519-hkdf-sha256-aes-256-gcm';

const OfflineBatchBodySchema = z
  .object({
    format: z.literal(OFFLINE_BATCH_FORMAT),
    format_version: z.literal(1),
    kiosk_id: Uuidv7Schema,
    key_id: Sha256HexSchema,
    batch_id: Uuidv7Schema,
    created_at: InstantSchema,
    record_count: z.number().int().min(1),
    encryption: z
      .object({
        scheme: z.literal(ENCRYPTION_SCHEME),
        /** SHA-256 hex of the platform's raw X25519 key the file is encrypted to. */
        recipient_key_id: Sha256HexSchema,
        ephemeral_public_key: PublicKeySchema,
        nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
        tag: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
      })
      .strict(),
    ciphertext_sha256: Sha256HexSchema,
  })
  .strict();
export type OfflineBatchBody = z.infer<typeof OfflineBatchBodySchema>;

export const OfflineBatchFileSchema = z
  .object({
    /** Canonical JSON of an OfflineBatchBody; the kiosk's signature is over its UTF-8 bytes. */
    body: z.string(),
    signature: SignatureSchema,
    ciphertext: z.string(),
  })
  .strict();
export type OfflineBatchFile = z.infer<typeof OfflineBatchFileSchema>;

export const OfflineReceiptFileSchema = z
  .object({
    format: z.literal(OFFLINE_RECEIPT_FORMAT),
    format_version: z.literal(1),
    batch_id: Uuidv7Schema,
    kiosk_id: Uuidv7Schema,
    receipt: SignedReceiptSchema,
  })
  .strict();
export type OfflineReceiptFile = z.infer<typeof OfflineReceiptFileSchema>;

export class OfflineFileError extends Error {
  constructor(readonly check: 'format' | 'kiosk' | 'signature' | 'recipient' | 'ciphertext' | 'decrypt' | 'batch') {
    super(`the offline batch file fails its ${check} check`);
    this.name = 'OfflineFileError';
  }
}


function rawX25519(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an X25519 key');
  return Buffer.from(x, 'base64url');
}

export function x25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** A new X25519 key pair for a platform: the private key as PKCS#8 DER, the public as raw base64. */
export function newEncryptionKeyPair(): { privateKeyDer: Buffer; publicKey: string } {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }), publicKey: rawX25519(privateKey).toString('base64') };
}

export function encryptionPrivateKey(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function fileKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer, batchId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), `${OFFLINE_BATCH_FORMAT} v1 ${batchId}`, 32));
}

export interface SealInput {
  request: BatchRequest;
  kioskId: string;
  keyId: string;
  signingKey: KeyObject;
  /** The platform's raw X25519 key, base64. */
  recipientKey: string;
  createdAt: string;
}

/** Encrypts and signs a batch request as an offline batch file (its JSON text). */
export function sealOfflineBatch(input: SealInput): string {
  const recipient = Buffer.from(input.recipientKey, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawX25519(ephemeral.privateKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKeyFromRaw(recipient) });
  const key = fileKey(shared, ephemeralRaw, recipient, input.request.batch_id);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(input.request.batch_id, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(canonicalJson(input.request), 'utf8'), cipher.final()]);
  const body: OfflineBatchBody = {
    format: OFFLINE_BATCH_FORMAT,
    format_version: 1,
    kiosk_id: input.kioskId,
    key_id: input.keyId,
    batch_id: input.request.batch_id,
    created_at: input.createdAt,
    record_count: input.request.records.length,
    encryption: {
      scheme: ENCRYPTION_SCHEME,
      recipient_key_id: sha256Hex(recipient),
      ephemeral_public_key: ephemeralRaw.toString('base64'),
      nonce: nonce.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    ciphertext_sha256: sha256Hex(ciphertext),
  };
  const text = canonicalJson(body);
  const file: OfflineBatchFile = { body: text, signature: signText(input.signingKey, text), ciphertext: ciphertext.toString('base64') };
  return JSON.stringify(file);
}

/** Reads the signed header of a batch file without decrypting it (to find the kiosk). */
export function readOfflineBatchHeader(text: string): { file: OfflineBatchFile; body: OfflineBatchBody } {
  let file: OfflineBatchFile;
  try {
    file = OfflineBatchFileSchema.parse(JSON.parse(text));
  } catch {
    throw new OfflineFileError('format');
  }
  const body = parseCanonicalBody(file.body, OfflineBatchBodySchema);
  if (!body) throw new OfflineFileError('format');
  return { file, body };
}

/** Verifies the kiosk's signature and decrypts the batch request. */
export function openOfflineBatch(
  text: string,
  kiosk: { kioskId: string; publicKey: string },
  recipient: { privateKey: KeyObject; publicKey: string },
): { body: OfflineBatchBody; request: BatchRequest } {
  const { file, body } = readOfflineBatchHeader(text);
  const kioskKey = Buffer.from(kiosk.publicKey, 'base64');
  if (body.kiosk_id !== kiosk.kioskId || body.key_id !== sha256Hex(kioskKey)) throw new OfflineFileError('kiosk');
  if (!verifyText(publicKeyFromRaw(kioskKey), file.body, file.signature)) throw new OfflineFileError('signature');
  const recipientRaw = Buffer.from(recipient.publicKey, 'base64');
  if (body.encryption.recipient_key_id !== sha256Hex(recipientRaw)) throw new OfflineFileError('recipient');
  const ciphertext = decodeStrictBase64(file.ciphertext);
  if (!ciphertext || sha256Hex(ciphertext) !== body.ciphertext_sha256) throw new OfflineFileError('ciphertext');
  const ephemeralRaw = Buffer.from(body.encryption.ephemeral_public_key, 'base64');
  const shared = diffieHellman({ privateKey: recipient.privateKey, publicKey: x25519PublicKeyFromRaw(ephemeralRaw) });
  const decipher = createDecipheriv('aes-256-gcm', fileKey(shared, ephemeralRaw, recipientRaw, body.batch_id), Buffer.from(body.encryption.nonce, 'base64'));
  decipher.setAAD(Buffer.from(body.batch_id, 'utf8'));
  decipher.setAuthTag(Buffer.from(body.encryption.tag, 'base64'));
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new OfflineFileError('decrypt');
  }
  const request = BatchRequestSchema.safeParse(JSON.parse(plain));
  if (!request.success || request.data.batch_id !== body.batch_id || request.data.records.length !== body.record_count) {
    throw new OfflineFileError('batch');
  }
  return { body, request: request.data };
}

export function writeOfflineReceipt(batchId: string, kioskId: string, receipt: SignedReceipt): string {
  const file: OfflineReceiptFile = { format: OFFLINE_RECEIPT_FORMAT, format_version: 1, batch_id: batchId, kiosk_id: kioskId, receipt };
  return JSON.stringify(file);
}

export function readOfflineReceipt(text: string): OfflineReceiptFile | null {
  try {
    const parsed = OfflineReceiptFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** SHA-256 of a file's text, to name it in logs and audit entries. */
export function fileSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
