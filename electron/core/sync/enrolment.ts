// Enrolment: the kiosk sends its id and public key with the one-time code IT typed, and keeps what
// the platform gives back (credential, the platform's keys). Sending the same code again after a
// lost answer is safe: the platform issues a fresh credential to the same kiosk and key.
import { appendAudit } from '../audit/audit';
import type { KioskIdentity } from '../consent/identity';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import type { Clock } from '../platform/clock';
import type { LinkStore, PlatformLink } from './link';
import type { PlatformClient } from './platformClient';

/** `https://host/` and `https://host` are the same platform; keep one spelling. */
export function normalisePlatformUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export interface EnrolmentDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  identity: KioskIdentity;
  client: PlatformClient;
  link: LinkStore;
}

export async function enrolKiosk(deps: EnrolmentDeps, input: { platformUrl: string; code: string }, actor: string | null): Promise<PlatformLink> {
  const platformUrl = normalisePlatformUrl(input.platformUrl);
  const answer = await deps.client.enrol(platformUrl, {
    code: input.code.trim(),
    kiosk_id: deps.identity.kioskId,
    public_key: deps.identity.publicKey,
  });
  if (answer.kiosk_id !== deps.identity.kioskId || answer.key_id !== deps.identity.keyId) {
    throw new Error('the platform enrolled another kiosk or key than the one sent');
  }
  const enrolledAt = deps.clock.now().toISOString();
  const link: PlatformLink = {
    platformUrl,
    enrolledAt,
    platformKey: answer.platform_public_key,
    platformKeyId: answer.platform_key_id,
    platformBoxKey: answer.platform_encryption_key ?? null,
    credential: answer.credential,
  };
  deps.link.enrol(link);
  deps.sqlite
    .transaction(() =>
      appendAudit(deps.db, {
        at: enrolledAt,
        actor,
        action: 'sync.enrol',
        subject: deps.identity.kioskId,
        details: { platformUrl, platformKeyId: answer.platform_key_id },
      }),
    )
    .immediate();
  return link;
}
