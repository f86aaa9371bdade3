// The hash that identifies what a record says, for the platform's duplicate / conflict decision:
// the same id with the same hash is a resend, the same id with another hash is a conflict.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface RecordContent {
  record_id: string;
  kind: string;
  number: string;
  created_at: string;
  supersedes: string | null;
  payload: unknown;
  snapshot_sha256: string;
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the record's content. */
export function recordContentSha256(content: RecordContent): string {
  const text = canonicalize(content);
  if (text === undefined) throw new Error('record content cannot be serialised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
