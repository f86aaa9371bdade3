// New agreement versions from the platform's feed: each is stored only if the platform signed it,
// the file is the one the signed body names, and the kiosk's own importer makes the same canonical
// text the platform published. A version the library refuses (same label, other text) is logged
// and skipped, so one bad entry does not stop the feed for good.
import { createHash } from 'node:crypto';
import { parseAgreementBody, type SignedAgreement } from '../../../shared/sync';
import { importAgreement } from '../agreements/import';
import type { AgreementLibrary } from '../agreements/library';
import { decodeStrictBase64, publicKeyFromRaw, verifyText } from '../consent/ed25519';
import type { Logger } from '../platform/logger';
import type { LinkStore, PlatformLink } from './link';
import type { PlatformClient } from './platformClient';

export type FeedEntryCheck = 'key' | 'signature' | 'format' | 'content' | 'canonical';

/** Why a feed entry is not stored, or null when it may be. */
export function checkFeedEntry(entry: SignedAgreement, link: Pick<PlatformLink, 'platformKey' | 'platformKeyId'>): { check: FeedEntryCheck } | null {
  if (entry.key_id !== link.platformKeyId) return { check: 'key' };
  if (!verifyText(publicKeyFromRaw(Buffer.from(link.platformKey, 'base64')), entry.body, entry.signature)) return { check: 'signature' };
  const body = parseAgreementBody(entry.body);
  if (!body) return { check: 'format' };
  const bytes = decodeStrictBase64(entry.content_base64);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== body.content_sha256) return { check: 'content' };
  return null;
}

export interface AgreementFeedDeps {
  client: PlatformClient;
  link: LinkStore;
  agreements: AgreementLibrary;
  logger: Logger;
}

/** Pulls every new page of the feed; returns how many versions were stored. */
export async function pullAgreements(deps: AgreementFeedDeps, link: PlatformLink): Promise<number> {
  const log = deps.logger.child('sync');
  let stored = 0;
  for (;;) {
    const since = deps.link.state().agreementSince;
    const page = await deps.client.agreements(link, since);
    for (const entry of page.agreements) {
      const refused = checkFeedEntry(entry, link);
      const body = parseAgreementBody(entry.body);
      if (refused || !body) {
        log.log('warn', 'sync.agreement.refused', { check: refused?.check ?? 'format' });
        continue;
      }
      const bytes = Buffer.from(entry.content_base64, 'base64');
      try {
        if (importAgreement(bytes, { fileName: body.file_name }).canonicalSha256 !== body.canonical_sha256) {
          log.log('warn', 'sync.agreement.refused', { check: 'canonical', agreementId: body.agreement_id, version: body.version });
          continue;
        }
        const outcome = deps.agreements.store(
          { agreementId: body.agreement_id, version: body.version, effectiveFrom: body.effective_from, fileName: body.file_name, bytes },
          { actor: null, source: 'platform' },
        );
        if (outcome.stored) stored += 1;
      } catch (error) {
        log.log('warn', 'sync.agreement.notStored', {
          agreementId: body.agreement_id,
          version: body.version,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (page.next_since <= since) return stored;
    deps.link.setAgreementSince(page.next_since);
    if (page.agreements.length === 0) return stored;
  }
}
