import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../core/platform/logger';
import { ManualClock } from '../core/platform/clock';
import { createReceiptOutput, RECEIPTS_FOLDER } from './receiptOutput';

type PrintCallback = (success: boolean, reason: string) => void;

function fakePage(results: Array<{ success: boolean; reason: string }>) {
  const calls: Array<Record<string, unknown>> = [];
  return {
    calls,
    page: {
      print: vi.fn((options: Record<string, unknown>, callback: PrintCallback) => {
        calls.push(options);
        const next = results.shift() ?? { success: true, reason: '' };
        callback(next.success, next.reason);
      }),
      printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7 receipt'))),
    },
  };
}

describe('receipt output in the Electron shell', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'kiosk-receipt-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const logger = () => createMemoryLogger(new ManualClock());

  it('prints to the configured printer without a dialog', async () => {
    const { page, calls } = fakePage([{ success: true, reason: '' }]);
    const output = createReceiptOutput({ page: () => page as never, dataDir, printerName: '前台打印机', logger: logger() });
    expect(await output({ pdf: false, fileName: 'receipt-x.pdf' })).toEqual({ method: 'printer', file: null });
    expect(calls).toEqual([expect.objectContaining({ silent: true, deviceName: '前台打印机' })]);
  });

  it('falls back to the print dialog when the printer fails, and logs why', async () => {
    const { page, calls } = fakePage([{ success: false, reason: 'Printer not found' }, { success: true, reason: '' }]);
    const log = logger();
    const output = createReceiptOutput({ page: () => page as never, dataDir, printerName: '已拆除的打印机', logger: log });
    expect(await output({ pdf: false, fileName: 'receipt-x.pdf' })).toEqual({ method: 'dialog', file: null });
    expect(calls.map((c) => c.silent)).toEqual([true, false]);
    expect(log.lines.join('\n')).toContain('receipt.printerFailed');
  });

  it('opens the dialog straight away when no printer is configured', async () => {
    const { page, calls } = fakePage([]);
    const output = createReceiptOutput({ page: () => page as never, dataDir, printerName: null, logger: logger() });
    expect(await output({ pdf: false, fileName: 'receipt-x.pdf' })).toEqual({ method: 'dialog', file: null });
    expect(calls).toEqual([expect.objectContaining({ silent: false })]);
  });

  it('saves a PDF into the data folder, readable by the kiosk user only', async () => {
    const { page } = fakePage([]);
    const output = createReceiptOutput({ page: () => page as never, dataDir, printerName: null, logger: logger() });
    const result = await output({ pdf: true, fileName: 'receipt-0190.pdf' });
    expect(result).toEqual({ method: 'pdf', file: join(dataDir, RECEIPTS_FOLDER, 'receipt-0190.pdf') });
    expect(readFileSync(result.file!, 'utf8')).toBe('%PDF-1.7 receipt');
    expect(statSync(result.file!).mode & 0o777).toBe(0o600);
    expect(page.print).not.toHaveBeenCalled();
  });

  it('refuses when no window shows the receipt', async () => {
    const output = createReceiptOutput({ page: () => null, dataDir, printerName: null, logger: logger() });
    await expect(output({ pdf: true, fileName: 'receipt-x.pdf' })).rejects.toThrow(/no window/);
  });
});
