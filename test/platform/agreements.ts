// The agreement feed: versions the platform publishes, numbered in order of publication and signed
// one by one. Publishing runs the kiosk's own importer, so a file the kiosk could not import is
// refused here, and the platform knows the canonical text hash that consent snapshots will name.
import { createHash } from 'node:crypto';
import { importAgreement } from '../../electron/core/agreements/import';
import { normalizeEffectiveFrom } from '../../shared/domain/agreement';
import { AGREEMENT_FORMAT, canonicalJson, type AgreementBody, type PublishAgreementRequest } from '../../shared/sync';
import type { PlatformDb } from './db';
import { HttpError, type Reply } from './http';
import type { PlatformIdentity } from './identity';

const FEED_PAGE = 100;

export function publishAgreement(db: PlatformDb, identity: PlatformIdentity, request: PublishAgreementRequest, now: Date): Reply {
  const content = Buffer.from(request.content_base64, 'base64');
  const effectiveFrom = normalizeEffectiveFrom(request.effective_from);
  if (!effectiveFrom) throw new HttpError(400, 'bad_request', 'effective_from is not a date', [{ field: 'effective_from', reason: 'agreements.field.effectiveFrom' }]);
  let canonicalSha256: string;
  try {
    canonicalSha256 = importAgreement(content, { fileName: request.file_name }).canonicalSha256;
  } catch (error) {
    throw new HttpError(400, 'bad_request', `the file does not import: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM agreements WHERE agreement_id = ? AND version = ?').get(request.agreement_id, request.version)) {
      throw new HttpError(409, 'already_exists', 'this agreement version is already published');
    }
    const { last } = db.prepare('SELECT coalesce(max(seq), 0) AS last FROM agreements').get() as { last: number };
    const body: AgreementBody = {
      format: AGREEMENT_FORMAT,
      format_version: 1,
      seq: last + 1,
      agreement_id: request.agreement_id,
      version: request.version,
      effective_from: effectiveFrom,
      file_name: request.file_name,
      content_sha256: createHash('sha256').update(content).digest('hex'),
      canonical_sha256: canonicalSha256,
      published_at: now.toISOString(),
    };
    const text = canonicalJson(body);
    db.prepare('INSERT INTO agreements (seq, agreement_id, version, body, signature, content, canonical_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      body.seq,
      body.agreement_id,
      body.version,
      text,
      identity.sign(text),
      content,
      canonicalSha256,
    );
    return { status: 201, body: { seq: body.seq, canonical_sha256: canonicalSha256 } };
  }).immediate();
}

export function agreementFeed(db: PlatformDb, identity: PlatformIdentity, since: number): Reply {
  const rows = db.prepare('SELECT seq, body, signature, content FROM agreements WHERE seq > ? ORDER BY seq LIMIT ?').all(since, FEED_PAGE) as Array<{
    seq: number;
    body: string;
    signature: string;
    content: Buffer;
  }>;
  return {
    status: 200,
    body: {
      agreements: rows.map((row) => ({ body: row.body, signature: row.signature, key_id: identity.keyId, content_base64: row.content.toString('base64') })),
      next_since: rows.at(-1)?.seq ?? since,
    },
  };
}

export function publishedAgreementHash(db: PlatformDb) {
  const query = db.prepare('SELECT canonical_sha256 FROM agreements WHERE agreement_id = ? AND version = ?');
  return (agreementId: string, version: string): string | null =>
    (query.get(agreementId, version) as { canonical_sha256: string | null } | undefined)?.canonical_sha256 ?? null;
}
