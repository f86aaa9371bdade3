// The receipt leaves the Electron kiosk on paper or as a PDF (issue 6 item 7, issue 5 item 5):
// printed silently to the printer IT configured, falling back to the system dialog when there is
// none or it fails; or saved with printToPDF into the data folder's receipts/ (0600; a receipt
// holds no personal data, but it stays with the kiosk's other files).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import type { ReceiptOutput } from '../../shared/domain/shell';
import { writeFileDurably } from '../core/platform/files';
import type { Logger } from '../core/platform/logger';

export const RECEIPTS_FOLDER = 'receipts';

type Printable = Pick<WebContents, 'print' | 'printToPDF'>;

export interface ReceiptOutputDeps {
  /** The kiosk window's page, which shows the receipt; null while there is none. */
  page: () => Printable | null;
  dataDir: string;
  /** The printer's name as the system knows it (shell.json `receiptPrinter`), or null for the dialog. */
  printerName: string | null;
  logger: Logger;
}

function print(page: Printable, options: Electron.WebContentsPrintOptions): Promise<{ success: boolean; reason: string }> {
  return new Promise((resolve) => page.print(options, (success, reason) => resolve({ success, reason })));
}

export function createReceiptOutput({ page, dataDir, printerName, logger }: ReceiptOutputDeps) {
  const log = logger.child('receipts');
  return async function outputReceipt({ pdf, fileName }: { pdf: boolean; fileName: string }): Promise<ReceiptOutput> {
    const contents = page();
    if (!contents) throw new Error('no window shows the receipt');
    if (pdf) {
      const bytes = await contents.printToPDF({ printBackground: true, pageSize: 'A5' });
      const folder = join(dataDir, RECEIPTS_FOLDER);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, fileName);
      writeFileDurably(file, bytes, 0o600);
      log.log('info', 'receipt.pdf', { fileName });
      return { method: 'pdf', file };
    }
    if (printerName) {
      const silent = await print(contents, { silent: true, deviceName: printerName, printBackground: true });
      if (silent.success) return { method: 'printer', file: null };
      log.log('warn', 'receipt.printerFailed', { reason: silent.reason });
    }
    const dialog = await print(contents, { silent: false, printBackground: true });
    if (!dialog.success && dialog.reason !== 'cancelled') log.log('warn', 'receipt.printFailed', { reason: dialog.reason });
    return { method: 'dialog', file: null };
  };
}
