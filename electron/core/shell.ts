// The desktop shell as core sees it: what it reports for the IT console (lockdown, key storage,
// updates, warnings) and IT's request to install a downloaded update. Core never imports Electron,
// so the Electron shell attaches itself here; the loopback host leaves the browser default.
import type { ReceiptOutput, ShellReport } from '../../shared/domain/shell';

export interface ShellControl {
  report(): ShellReport;
  /** IT asks to install the downloaded update as soon as the kiosk is idle, quiet hours or not. */
  requestUpdateInstall(): void;
  /** Prints the receipt on screen (to the configured printer, else the dialog) or saves it as `fileName` (PDF). */
  outputReceipt(request: { pdf: boolean; fileName: string }): Promise<ReceiptOutput>;
}

/** The loopback host: the browser is locked down by its own flags, the key is a 0600 file, no updater. */
export const browserShell: ShellControl = {
  report: () => ({
    shell: 'browser',
    version: null,
    kioskMode: false,
    keyStorage: { backend: 'file', plainText: false },
    update: { state: 'off', channel: 'stable', availableVersion: null, lastCheckAt: null, installRequested: false },
    warnings: [],
  }),
  requestUpdateInstall: () => undefined,
  // The page prints itself with the browser's dialog, which also offers "save as PDF".
  outputReceipt: () => Promise.resolve({ method: 'browser', file: null }),
};

export function createShellPort() {
  let control: ShellControl = browserShell;
  return {
    /** Called once by the Electron shell at start. */
    attach(shell: ShellControl): void {
      control = shell;
    },
    report: () => control.report(),
    requestUpdateInstall: () => control.requestUpdateInstall(),
    outputReceipt: (request: { pdf: boolean; fileName: string }) => control.outputReceipt(request),
  };
}

export type ShellPort = ReturnType<typeof createShellPort>;
