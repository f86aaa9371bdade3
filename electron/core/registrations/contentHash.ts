// The hash that identifies what a record says, for the platform's duplicate / conflict decision:
// the same id with the same hash is a resend, the same id with another hash is a conflict. The
// material is the protocol's own (`contentHashMaterial`), so kiosk and platform hash the same text.
import { contentHashMaterial, type ContentFields } from '../../../shared/sync/record';
import { sha256Hex } from '../consent/ed25519';

export type RecordContent = ContentFields;

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the record's content. */
export function recordContentSha256(content: RecordContent): string {
  return sha256Hex(contentHashMaterial(content));
}
