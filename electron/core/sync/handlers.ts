// Handlers of the sync operations (the IT console and the status badge). Input is already parsed
// by the contract; discarding needs a second IT admin, who proves it with their own PIN.
import type { OperatorView } from '../../../shared/domain/operator';
import type { Handlers } from '../api/handlers';
import { KioskError } from '../errors';
import type { Operators } from '../operators/operators';
import type { Sync } from '.';

export interface SyncHandlerDeps {
  sync: Sync;
  operators: Operators;
}

type SyncOperation =
  | 'sync.status'
  | 'sync.enrol'
  | 'sync.runNow'
  | 'sync.batches'
  | 'sync.batch'
  | 'sync.quarantine'
  | 'sync.retry'
  | 'sync.discard'
  | 'sync.exportBatch'
  | 'sync.importReceipt';

function actorOf(operator: OperatorView | null): string {
  if (!operator) throw new KioskError('unauthenticated');
  return operator.staffId;
}

/** The second IT admin: another account than the caller's, with the it_admin role and the right PIN. */
async function confirmingAdmin(operators: Operators, actor: string, staffId: string, pin: string): Promise<string> {
  if (staffId === actor) throw new KioskError('sync_confirm_failed');
  let confirmer: OperatorView;
  try {
    confirmer = await operators.authenticate(staffId, pin);
  } catch (error) {
    if (error instanceof KioskError && error.code === 'login_failed') throw new KioskError('sync_confirm_failed');
    throw error;
  }
  if (confirmer.role !== 'it_admin') throw new KioskError('sync_confirm_failed');
  return confirmer.staffId;
}

export function createSyncHandlers({ sync, operators }: SyncHandlerDeps): Pick<Handlers, SyncOperation> {
  return {
    'sync.status': () => sync.status(),
    'sync.enrol': (input, { operator }) => sync.enrol(input, actorOf(operator)),
    'sync.runNow': () => sync.runNow(),
    'sync.batches': ({ limit, offset }) => sync.batches.list(limit, offset),
    'sync.batch': ({ id }, { client }) => {
      const detail = sync.batches.detail(id, client.locale);
      if (!detail) throw new KioskError('not_found');
      return detail;
    },
    'sync.quarantine': (_input, { client }) => sync.quarantine.list(client.locale),
    'sync.retry': ({ registrationId }, { operator }) => {
      sync.quarantine.retry(registrationId, actorOf(operator));
      return null;
    },
    'sync.discard': async ({ registrationId, confirmStaffId, confirmPin }, { operator }) => {
      const actor = actorOf(operator);
      const confirmedBy = await confirmingAdmin(operators, actor, confirmStaffId, confirmPin);
      sync.quarantine.discard(registrationId, actor, confirmedBy);
      return null;
    },
    'sync.exportBatch': (_input, { operator }) => sync.exportBatch(actorOf(operator)),
    'sync.importReceipt': ({ contentBase64 }, { operator }) =>
      sync.importReceipt(Buffer.from(contentBase64, 'base64').toString('utf8'), actorOf(operator)),
  };
}
