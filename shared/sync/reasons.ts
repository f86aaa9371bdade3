// The reason keys of `rejected` outcomes the platform itself decides. Payload field errors carry the
// domain's own validation keys instead (`validation.required`, `registration.phone.invalid`, ...),
// exactly as the kiosk's form would show them.
export const rejectionReasons = {
  /** The record's shape: a missing or malformed field (the field names which). */
  invalid: 'protocol.rejected.invalid',
  /** content_sha256 is not the hash of the record's content fields. */
  contentHash: 'protocol.rejected.contentHash',
  /** record_signature does not verify with the kiosk's enrolled key. */
  recordSignature: 'protocol.rejected.recordSignature',
  /** payload.kind differs from kind. */
  kindMismatch: 'protocol.rejected.kindMismatch',
  /** snapshot.sha256 is not the hash of snapshot.body. */
  snapshotHash: 'protocol.rejected.snapshotHash',
  /** The body is not a canonical consent snapshot of a known format version. */
  snapshotFormat: 'protocol.rejected.snapshotFormat',
  /** Signed with a key other than the one enrolled for this kiosk, or the signature does not verify. */
  snapshotSignature: 'protocol.rejected.snapshotSignature',
  /** The body names another kiosk, key or record. */
  snapshotMismatch: 'protocol.rejected.snapshotMismatch',
  /** The signature PNG is not the image the snapshot names (hash or size), or not a PNG. */
  signatureImage: 'protocol.rejected.signatureImage',
  /** A consent text is missing, extra, or not the text the snapshot names. */
  consentText: 'protocol.rejected.consentText',
  /** prev_hash is not the hash of the kiosk's previous snapshot the platform holds (or the next one does not link to this). */
  chainLink: 'protocol.rejected.chainLink',
  /** Another record already holds this place (seq) in the kiosk's chain. */
  chainSeq: 'protocol.rejected.chainSeq',
  /** The agreement version named is one the platform publishes, but with another text hash. */
  agreementHash: 'protocol.rejected.agreementHash',
  /** supersedes names the record itself. */
  supersedesSelf: 'protocol.rejected.supersedesSelf',
  /** A withdrawal names itself. */
  withdrawsSelf: 'protocol.rejected.withdrawsSelf',
  /** A withdrawal names a record another kiosk wrote. */
  withdrawsForeign: 'protocol.rejected.withdrawsForeign',
  /** A withdrawal names a record of another kind. */
  withdrawsKind: 'protocol.rejected.withdrawsKind',
  /** Another withdrawal already withdrew that record. */
  withdrawnAlready: 'protocol.rejected.withdrawnAlready',
} as const;
export type RejectionReason = (typeof rejectionReasons)[keyof typeof rejectionReasons];
