// The ordered list of migrations. Add one: create NNNN-name.ts exporting a Migration with the next
// version, append it here, and add a test that migrates a database of the previous version.
// Released migrations are additive only (see additive.test.ts).
import type { Migration } from '../migrate';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-agreement-versions';
import { migration0003 } from './0003-consent-and-outbox';
import { migration0004 } from './0004-sync-link';
import { migration0005 } from './0005-withdrawals';
import { migration0006 } from './0006-queue-counts';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];
