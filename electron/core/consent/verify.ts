// Verifies every consent snapshot in the kiosk's database: each one's signature and hash, the
// agreement text and signature image it names against what is stored, and the chain over all of
// them by seq (no gap, no reordering, every prev_hash the hash before it). Snapshots whose
// personal data retention deleted (body NULL) keep only their hashes, so only their links are
// checked; they are reported as purged, not as failures.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { agreementVersions, blobs, consentSnapshots, registrations } from '../db/schema';
import { GENESIS_HASH, type ConsentSnapshotBody } from './body';
import { publicKeyFromRaw, sha256Hex } from './ed25519';
import { readKioskIdentity } from './identity';
import { checkImageSize, verifySignedBody, type CheckFailure, type VerifyingKey } from './verifyBody';

export interface VerifyFailure extends CheckFailure {
  registrationId: string | null;
  seq: number | null;
}

export interface ChainReport {
  ok: boolean;
  snapshots: number;
  purged: Array<{ registrationId: string; seq: number }>;
  failures: VerifyFailure[];
}

type SnapshotRow = typeof consentSnapshots.$inferSelect;

const PAGE = 500;

/** The kiosk's own key from `kiosk_identity`, or null when there is none. */
export function kioskVerifyingKey(db: Db): VerifyingKey | null {
  const identity = readKioskIdentity(db);
  if (!identity) return null;
  return {
    kioskId: identity.kioskId,
    keyId: identity.keyId,
    publicKey: publicKeyFromRaw(Buffer.from(identity.publicKey, 'base64')),
  };
}

function createStoreChecks(db: Db) {
  const agreementHashes = new Map<string, { canonicalSha256: string; textSha256: string; locale: string } | null>();

  function agreement(body: ConsentSnapshotBody): CheckFailure[] {
    const { id, version, sha256, locale } = body.agreement;
    const cacheKey = `${id}\u0000${version}`;
    if (!agreementHashes.has(cacheKey)) {
      const row = db
        .select({ canonicalSha256: agreementVersions.canonicalSha256, text: agreementVersions.canonicalText, locale: agreementVersions.locale })
        .from(agreementVersions)
        .where(and(eq(agreementVersions.agreementId, id), eq(agreementVersions.version, version)))
        .get();
      agreementHashes.set(cacheKey, row ? { canonicalSha256: row.canonicalSha256, textSha256: sha256Hex(row.text), locale: row.locale } : null);
    }
    const stored = agreementHashes.get(cacheKey);
    if (!stored) return [{ check: 'agreement_missing', detail: `agreement ${id} version ${version} is not stored` }];
    const failures: CheckFailure[] = [];
    if (stored.canonicalSha256 !== sha256 || stored.locale !== locale) {
      failures.push({ check: 'agreement_hash', detail: `stored version ${id} ${version} has hash ${stored.canonicalSha256} (${stored.locale}), snapshot names ${sha256} (${locale})` });
    }
    if (stored.textSha256 !== sha256) {
      failures.push({ check: 'agreement_text', detail: `stored text of ${id} ${version} hashes to ${stored.textSha256}, snapshot names ${sha256}` });
    }
    return failures;
  }

  function blobBytes(sha256: string): Buffer | null {
    return db.select({ bytes: blobs.bytes }).from(blobs).where(eq(blobs.sha256, sha256)).get()?.bytes ?? null;
  }

  function image(body: ConsentSnapshotBody): CheckFailure[] {
    const { sha256 } = body.signature;
    const bytes = blobBytes(sha256);
    if (!bytes) return [{ check: 'image_missing', detail: `signature image ${sha256} is not stored` }];
    if (sha256Hex(bytes) !== sha256) return [{ check: 'image_hash', detail: `stored image ${sha256} hashes to ${sha256Hex(bytes)}` }];
    return checkImageSize(bytes, body.signature);
  }

  function consentTexts(body: ConsentSnapshotBody): CheckFailure[] {
    return body.consents.flatMap(({ item, text_sha256 }) => {
      const bytes = blobBytes(text_sha256);
      if (bytes && sha256Hex(bytes) === text_sha256) return [];
      return [{ check: 'consent_text' as const, detail: `text ${text_sha256} of consent ${item} is ${bytes ? 'changed' : 'not stored'}` }];
    });
  }

  /** Retention empties a snapshot only together with its registration; anything else hid a body. */
  function purge(registrationId: string): CheckFailure[] {
    const row = db.select({ purgedAt: registrations.purgedAt }).from(registrations).where(eq(registrations.id, registrationId)).get();
    return row?.purgedAt ? [] : [{ check: 'body_format', detail: 'body deleted although the registration was not purged' }];
  }

  return { agreement, image, consentTexts, purge };
}

/** Checks one stored snapshot that still has its body; the chain is checked by the caller. */
function verifyStoredSnapshot(row: SnapshotRow & { body: string }, key: VerifyingKey, store: ReturnType<typeof createStoreChecks>): CheckFailure[] {
  const { body, failures } = verifySignedBody(row, key);
  if (!body) return failures;
  const mismatch = (field: string, stored: string, signed: string) =>
    failures.push({ check: 'record', detail: `row ${field} is ${stored}, the signed body says ${signed}` });
  if (body.record_id !== row.registrationId) mismatch('registration_id', row.registrationId, body.record_id);
  if (body.prev_hash !== row.prevHash) mismatch('prev_hash', row.prevHash, body.prev_hash);
  if (body.signature.sha256 !== row.signaturePngSha256) mismatch('signature_png_sha256', row.signaturePngSha256, body.signature.sha256);
  const wall = new Date(body.time.wall).toISOString();
  if (wall !== row.createdAt) mismatch('created_at', row.createdAt, wall);
  return [...failures, ...store.agreement(body), ...store.image(body), ...store.consentTexts(body)];
}

/** Verifies the whole chain. `key` overrides the kiosk's own (e.g. the key the platform enrolled). */
export function verifyConsentChain(db: Db, key: VerifyingKey | null = kioskVerifyingKey(db)): ChainReport {
  const report: ChainReport = { ok: true, snapshots: 0, purged: [], failures: [] };
  const store = createStoreChecks(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  // Paged by seq: a kiosk keeps years of snapshots, and other reads run between pages.
  for (let page = readPage(db, 0); page.length > 0; page = readPage(db, page.at(-1)?.seq ?? 0)) {
    for (const row of page) {
      const fail = (failure: CheckFailure) => report.failures.push({ registrationId: row.registrationId, seq: row.seq, ...failure });
      report.snapshots += 1;
      if (row.seq !== expectedSeq) fail({ check: 'chain_seq', detail: `expected seq ${expectedSeq}, found ${row.seq}` });
      if (row.prevHash !== prevHash) fail({ check: 'chain_link', detail: `prev_hash ${row.prevHash} is not the previous snapshot's hash ${prevHash}` });
      expectedSeq = row.seq + 1;
      prevHash = row.sha256;
      if (row.body === null) {
        const problems = row.purgedAt ? store.purge(row.registrationId) : [{ check: 'body_format' as const, detail: 'body is missing but the snapshot was never purged' }];
        problems.forEach(fail);
        if (problems.length === 0) report.purged.push({ registrationId: row.registrationId, seq: row.seq });
      } else if (!key) {
        fail({ check: 'identity', detail: 'kiosk_identity is empty: no key to verify with' });
      } else {
        verifyStoredSnapshot({ ...row, body: row.body }, key, store).forEach(fail);
      }
    }
  }
  report.ok = report.failures.length === 0;
  return report;
}

function readPage(db: Db, afterSeq: number): SnapshotRow[] {
  return db.select().from(consentSnapshots).where(gt(consentSnapshots.seq, afterSeq)).orderBy(asc(consentSnapshots.seq)).limit(PAGE).all();
}
