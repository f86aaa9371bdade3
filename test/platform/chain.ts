// The per-kiosk chain as the platform sees it. Each snapshot names the hash of the kiosk's previous
// one (`prev_hash`, signed) and travels with its place in the chain (`seq`, not signed). Records may
// arrive out of order (a batch fails and a later one succeeds), so a missing predecessor is not an
// error: the record is kept and shows as a gap until the predecessor arrives, and the predecessor
// is then checked against it. What the platform does hold must link, both ways.
import { GENESIS_HASH } from '../../electron/core/consent/body';
import { rejectionReasons, type RecordError } from '../../shared/sync';
import { statement, type PlatformDb } from './db';

export interface ChainPlace {
  kioskId: string;
  seq: number;
  sha256: string;
  prevHash: string;
}

export function checkChain(db: PlatformDb, place: ChainPlace): RecordError[] {
  const { kioskId, seq, sha256, prevHash } = place;
  const at = statement(db, 'SELECT snapshot_sha256, prev_hash FROM records WHERE kiosk_id = ? AND seq = ?');
  if ((seq === 1) !== (prevHash === GENESIS_HASH)) {
    return [{ field: 'snapshot.body.prev_hash', reason: rejectionReasons.chainLink }];
  }
  if (at.get(kioskId, seq)) return [{ field: 'snapshot.seq', reason: rejectionReasons.chainSeq }];
  const previous = at.get(kioskId, seq - 1) as { snapshot_sha256: string } | undefined;
  if (previous && previous.snapshot_sha256 !== prevHash) return [{ field: 'snapshot.body.prev_hash', reason: rejectionReasons.chainLink }];
  const next = at.get(kioskId, seq + 1) as { prev_hash: string } | undefined;
  if (next && next.prev_hash !== sha256) return [{ field: 'snapshot.seq', reason: rejectionReasons.chainLink }];
  return [];
}
