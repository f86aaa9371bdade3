// The kiosk's link to its platform: where it is, the keys it gave at enrolment (receipts and the
// agreement feed verify with the signing key; USB files are encrypted to the box key), the bearer
// credential (in the key store, never in the database), and the engine's own progress.
import type { SqliteDatabase } from '../db/open';
import type { KeyStore } from '../platform/keyStore';

export const CREDENTIAL_KEY_NAME = 'platform-credential';

export interface PlatformLink {
  platformUrl: string;
  enrolledAt: string;
  /** Raw Ed25519 public key, base64. */
  platformKey: string;
  platformKeyId: string;
  /** Raw X25519 public key, base64; null when the platform gave none (no USB export then). */
  platformBoxKey: string | null;
  credential: string;
}

export interface SyncProgressState {
  agreementSince: number;
  clockOffsetMs: number | null;
  clockOffsetAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
}

interface LinkRow {
  platform_url: string | null;
  enrolled_at: string | null;
  platform_key: string | null;
  platform_key_id: string | null;
  platform_box_key: string | null;
}

export function createLinkStore(sqlite: SqliteDatabase, keyStore: KeyStore) {
  const readLink = sqlite.prepare(
    `SELECT k.platform_url, k.enrolled_at, s.platform_key, s.platform_key_id, s.platform_box_key
       FROM kiosk_identity k, sync_link s WHERE k.id = 1 AND s.id = 1`,
  );
  const readState = sqlite.prepare(
    `SELECT agreement_since AS agreementSince, clock_offset_ms AS clockOffsetMs, clock_offset_at AS clockOffsetAt,
            last_success_at AS lastSuccessAt, last_error AS lastError, failures, next_attempt_at AS nextAttemptAt
       FROM sync_link WHERE id = 1`,
  );
  const writeIdentity = sqlite.prepare('UPDATE kiosk_identity SET platform_url = ?, enrolled_at = ? WHERE id = 1');
  const writeKeys = sqlite.prepare(
    'UPDATE sync_link SET platform_key = ?, platform_key_id = ?, platform_box_key = ?, agreement_since = 0, failures = 0, last_error = NULL WHERE id = 1',
  );
  const writeOffset = sqlite.prepare('UPDATE sync_link SET clock_offset_ms = ?, clock_offset_at = ? WHERE id = 1');
  const writeSince = sqlite.prepare('UPDATE sync_link SET agreement_since = ? WHERE id = 1');
  const writeSuccess = sqlite.prepare('UPDATE sync_link SET last_success_at = ?, last_error = NULL, failures = 0 WHERE id = 1');
  const writeFailure = sqlite.prepare('UPDATE sync_link SET last_error = ?, failures = failures + 1 WHERE id = 1');
  const writeNext = sqlite.prepare('UPDATE sync_link SET next_attempt_at = ? WHERE id = 1');

  // The offset is read for every submit; keep the last one in memory.
  let offset: number | null | undefined;

  return {
    /** The enrolment, or null before it (or when the credential is gone from the key store). */
    link(): PlatformLink | null {
      const row = readLink.get() as LinkRow | undefined;
      if (!row?.platform_url || !row.enrolled_at || !row.platform_key || !row.platform_key_id) return null;
      const credential = keyStore.load(CREDENTIAL_KEY_NAME);
      if (!credential) return null;
      return {
        platformUrl: row.platform_url,
        enrolledAt: row.enrolled_at,
        platformKey: row.platform_key,
        platformKeyId: row.platform_key_id,
        platformBoxKey: row.platform_box_key,
        credential: credential.toString('utf8'),
      };
    },
    /** Stores a new enrolment; the credential first, so a crash in between leaves the old link whole or the new one usable. */
    enrol(link: PlatformLink): void {
      keyStore.save(CREDENTIAL_KEY_NAME, Buffer.from(link.credential, 'utf8'));
      sqlite.transaction(() => {
        writeIdentity.run(link.platformUrl, link.enrolledAt);
        writeKeys.run(link.platformKey, link.platformKeyId, link.platformBoxKey);
      }).immediate();
    },
    state(): SyncProgressState {
      return readState.get() as SyncProgressState;
    },
    clockOffsetMs(): number | null {
      if (offset === undefined) offset = (readState.get() as SyncProgressState).clockOffsetMs;
      return offset;
    },
    recordClockOffset(ms: number, at: string): void {
      offset = ms;
      writeOffset.run(ms, at);
    },
    setAgreementSince(since: number): void {
      writeSince.run(since);
    },
    recordSuccess(at: string): void {
      writeSuccess.run(at);
    },
    recordFailure(code: string): void {
      writeFailure.run(code);
    },
    setNextAttempt(at: string | null): void {
      writeNext.run(at);
    },
  };
}

export type LinkStore = ReturnType<typeof createLinkStore>;
