// The Electron shell's report to core (for the IT console's `shell.status`) and IT's install request.
import type { ShellReport, ShellWarningCode } from '../../shared/domain/shell';
import type { ShellControl } from '../core/shell';
import type { KeyStorage } from './keyStore';
import type { RendererRecovery } from './rendererRecovery';
import type { UpdateService } from './updater';

export function createElectronShell(deps: {
  version: string;
  kioskMode: boolean;
  keyStorage: KeyStorage;
  updates: Pick<UpdateService, 'report' | 'warnings' | 'requestInstall'>;
  recovery: Pick<RendererRecovery, 'hasRecovered'>;
  outputReceipt: ShellControl['outputReceipt'];
}): ShellControl {
  return {
    report(): ShellReport {
      const warnings: ShellWarningCode[] = [
        ...(deps.keyStorage.plainText ? (['key_storage_plain_text'] as const) : []),
        ...deps.updates.warnings(),
        ...(deps.recovery.hasRecovered() ? (['renderer_recovered'] as const) : []),
      ];
      return {
        shell: 'electron',
        version: deps.version,
        kioskMode: deps.kioskMode,
        keyStorage: deps.keyStorage,
        update: deps.updates.report(),
        warnings,
      };
    },
    requestUpdateInstall: () => deps.updates.requestInstall(),
    outputReceipt: deps.outputReceipt,
  };
}
