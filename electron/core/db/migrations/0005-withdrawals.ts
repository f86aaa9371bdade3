import type { Migration } from '../migrate';

// A withdrawal is a registration row of its own that supersedes the withdrawn record (the original
// is never edited). It carries no registrant data: `payload` holds only the kind, as after
// retention, and the reason the operator recorded is kept here. Non-null marks the row as a
// withdrawal.
export const migration0005: Migration = {
  version: 5,
  name: '0005-withdrawals',
  up(db) {
    db.exec('ALTER TABLE registrations ADD COLUMN withdrawal_reason TEXT;');
  },
};
