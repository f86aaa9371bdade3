// Handlers of the shell operations: the shell's own report, what the kiosk is busy with, and each
// warning in the caller's language.
import type { ShellStatus } from '../../../shared/domain/shell';
import { translate, type Locale } from '../../../shared/i18n';
import type { Activity } from '../activity';
import { KioskError } from '../errors';
import type { ShellPort } from '../shell';
import type { Handlers } from './handlers';

export interface ShellHandlerDeps {
  shell: ShellPort;
  activity: Activity;
  /** Whether a registration with this id exists (a receipt is only printed for a saved one). */
  registrationExists: (id: string) => boolean;
}

export function shellStatus({ shell, activity }: ShellHandlerDeps, locale: Locale): ShellStatus {
  const report = shell.report();
  return {
    ...report,
    warnings: report.warnings.map((code) => ({ code, message: translate(locale, `shell.warning.${code}`) })),
    busy: activity.busyKinds(),
  };
}

export function createShellHandlers(
  deps: ShellHandlerDeps,
): Pick<Handlers, 'shell.status' | 'shell.installUpdate' | 'shell.outputReceipt'> {
  return {
    'shell.outputReceipt': ({ registrationId, pdf }) => {
      if (!deps.registrationExists(registrationId)) throw new KioskError('not_found');
      // The file name carries the record id only: a receipt holds no personal data.
      return deps.shell.outputReceipt({ pdf, fileName: `receipt-${registrationId}.pdf` });
    },
    'shell.status': (_input, { client }) => shellStatus(deps, client.locale),
    'shell.installUpdate': (_input, { client }) => {
      deps.shell.requestUpdateInstall();
      return shellStatus(deps, client.locale);
    },
  };
}
