// The receipt's QR code: the record id and the signed consent snapshot's hash, as JSON, encoded by
// the `qrcode` library (ISO/IEC 18004, error correction M) into a module matrix the receipt draws.
import { create } from 'qrcode';
import type { RegistrationReceipt } from '../../../../shared/domain/registration';

export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** What the QR code carries: enough to find the record and check its snapshot on the platform. */
export function receiptQrText(receipt: Pick<RegistrationReceipt, 'id' | 'snapshotSha256'>): string {
  return JSON.stringify({ id: receipt.id, snapshotSha256: receipt.snapshotSha256 });
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) !== 0 };
}

/** The SVG path of the dark modules, one unit square each, offset by the quiet zone. */
export function qrPath(matrix: QrMatrix, quietZone: number): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    for (let column = 0; column < matrix.size; column += 1) {
      if (matrix.isDark(row, column)) parts.push(`M${column + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return parts.join('');
}
