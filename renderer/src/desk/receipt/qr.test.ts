// The receipt's QR code is a real one: drawn from the module matrix the receipt renders and read
// back by an independent decoder, it yields the record id and snapshot hash.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath, receiptQrText } from './qr';

const receipt = { id: '0190a0b0-0000-7000-8000-000000000002', snapshotSha256: 'c0ffee'.repeat(10) + 'abcd' };

function rasterize(text: string, scale = 4, quietZone = 4): { data: Uint8ClampedArray; side: number } {
  const matrix = qrMatrix(text);
  const side = (matrix.size + quietZone * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / scale) - quietZone;
      const column = Math.floor(x / scale) - quietZone;
      const inside = row >= 0 && column >= 0 && row < matrix.size && column < matrix.size;
      if (inside && matrix.isDark(row, column)) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, side };
}

describe('the receipt QR code', () => {
  it('carries the record id and the snapshot hash as JSON', () => {
    expect(JSON.parse(receiptQrText(receipt))).toEqual(receipt);
  });

  it('decodes back to its text with an independent reader', () => {
    const text = receiptQrText(receipt);
    const { data, side } = rasterize(text);
    expect(jsQR(data, side, side)?.data).toBe(text);
  });

  it('draws one unit square per dark module, inside the quiet zone', () => {
    const matrix = qrMatrix('x');
    let dark = 0;
    for (let row = 0; row < matrix.size; row += 1) for (let column = 0; column < matrix.size; column += 1) if (matrix.isDark(row, column)) dark += 1;
    const path = qrPath(matrix, 4);
    expect(path.match(/M/g)).toHaveLength(dark);
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
