// A tiny PNG encoder for tests: real files (zlib deflate, CRC per chunk, any of the five scanline
// filters) so the signature checks read the same bytes a canvas would send. Not used in production.
import { crc32, deflateSync } from 'node:zlib';
import { paeth } from '../../electron/core/consent/png';

export type ColorType = 0 | 2 | 4 | 6;
const CHANNELS: Record<ColorType, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGBA colour; encoded as gray (from red) or without alpha as the colour type asks. */
export type Rgba = readonly [number, number, number, number];

export interface PngSpec {
  width: number;
  height: number;
  colorType?: ColorType;
  /** The colour of each pixel; transparent white when not given. */
  paint?: (x: number, y: number) => Rgba;
  /** The filter of each row; cycles through 0-4 by default so every filter is exercised. */
  filter?: (y: number) => number;
  /** Chunks put between IHDR and IDAT, e.g. tEXt. */
  extraChunks?: Array<{ type: string; data: Buffer }>;
}

export function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(typeBytes)));
  return Buffer.concat([head, typeBytes, data, crc]);
}

function filterRow(filter: number, row: Buffer, prev: Buffer | null, bpp: number): Buffer {
  const out = Buffer.alloc(row.length + 1);
  out[0] = filter;
  for (let x = 0; x < row.length; x += 1) {
    const a = x >= bpp ? (row[x - bpp] ?? 0) : 0;
    const b = prev ? (prev[x] ?? 0) : 0;
    const c = prev && x >= bpp ? (prev[x - bpp] ?? 0) : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
    out[x + 1] = ((row[x] ?? 0) - predictor) & 0xff;
  }
  return out;
}

export function pixelRows({ width, height, colorType = 6, paint }: PngSpec): Buffer[] {
  const channels = CHANNELS[colorType];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width * channels);
    for (let x = 0; x < width; x += 1) {
      const [r, g, b, a] = paint ? paint(x, y) : ([255, 255, 255, 0] as const);
      const values = { 0: [r], 2: [r, g, b], 4: [r, a], 6: [r, g, b, a] }[colorType];
      row.set(values, x * channels);
    }
    rows.push(row);
  }
  return rows;
}

export function encodePng(spec: PngSpec): Buffer {
  const { width, height, colorType = 6, filter = (y) => y % 5, extraChunks = [] } = spec;
  const bpp = CHANNELS[colorType];
  const rows = pixelRows(spec);
  const raw = Buffer.concat(rows.map((row, y) => filterRow(filter(y), row, y > 0 ? (rows[y - 1] ?? null) : null, bpp)));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    ...extraChunks.map(({ type, data }) => chunk(type, data)),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const INK: Rgba = [20, 20, 30, 255];
const PAPER: Rgba = [255, 255, 255, 0];

/** Whether (x, y) lies on a wavy pen stroke 3 px thick across the middle 80% of the pad. */
function onStroke(x: number, y: number, width: number, height: number, phase: number): boolean {
  if (x < width * 0.1 || x > width * 0.9) return false;
  const centre = height / 2 + (height / 4) * Math.sin((x / width) * 4 * Math.PI + phase);
  return Math.abs(y - centre) <= 1.5;
}

/** A plausible handwritten signature: dark strokes on a transparent pad. `phase` varies the strokes. */
export function signaturePng(options: { width?: number; height?: number; colorType?: ColorType; phase?: number } = {}): Buffer {
  const { width = 400, height = 160, colorType = 6, phase = 0 } = options;
  const opaqueBackground = colorType === 0 || colorType === 2;
  const paper: Rgba = opaqueBackground ? [255, 255, 255, 255] : PAPER;
  return encodePng({ width, height, colorType, paint: (x, y) => (onStroke(x, y, width, height, phase) ? INK : paper) });
}
