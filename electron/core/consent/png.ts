// A strict reader for the PNGs the signature pad produces: 8-bit gray, gray+alpha, RGB or RGBA,
// not interlaced. Every chunk's CRC is checked and the pixel data is inflated with a hard output
// limit, so a damaged file or a decompression bomb is refused instead of stored as evidence.
import { crc32, inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Colour types this reader understands, with their channels per pixel (8 bits each). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngHeader {
  width: number;
  height: number;
  colorType: 0 | 2 | 4 | 6;
}

export interface DecodedPng extends PngHeader {
  channels: number;
  /** Unfiltered scanlines, `width * channels` bytes each, no filter bytes, from offset 0 of their own buffer. */
  pixels: Buffer;
}

export type PngProblem = 'not_png' | 'corrupt' | 'unsupported';

export class PngError extends Error {
  constructor(
    readonly problem: PngProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'PngError';
  }
}

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(bytes: Buffer): Chunk[] {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PngError('not_png', 'no PNG signature');
  }
  const chunks: Chunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < bytes.length) {
    if (bytes.length - offset < 12) throw new PngError('corrupt', `truncated chunk at ${offset}`);
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw new PngError('corrupt', `chunk at ${offset} runs past the end`);
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    const type = typeBytes.toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngError('corrupt', `bad chunk type at ${offset}`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(data, crc32(typeBytes)) !== bytes.readUInt32BE(offset + 8 + length)) {
      throw new PngError('corrupt', `CRC mismatch in ${type} at ${offset}`);
    }
    chunks.push({ type, data });
    offset = end;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new PngError('corrupt', 'no IEND chunk');
  if (offset !== bytes.length) throw new PngError('corrupt', 'bytes after IEND');
  return chunks;
}

function parseHeader(chunk: Chunk | undefined): PngHeader {
  if (chunk?.type !== 'IHDR' || chunk.data.length !== 13) throw new PngError('corrupt', 'IHDR must come first, 13 bytes');
  const { data } = chunk;
  const width = data.readUInt32BE(0);
  const height = data.readUInt32BE(4);
  const [bitDepth, colorType, compression, filter, interlace] = [8, 9, 10, 11, 12].map((i) => data[i] ?? -1);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) throw new PngError('corrupt', 'bad dimensions');
  if (compression !== 0 || filter !== 0) throw new PngError('corrupt', 'unknown compression or filter method');
  if (bitDepth !== 8 || colorType === undefined || !(colorType in CHANNELS) || interlace !== 0) {
    throw new PngError('unsupported', `bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  }
  return { width, height, colorType: colorType as PngHeader['colorType'] };
}

function checkChunkOrder(chunks: readonly Chunk[], header: PngHeader): Buffer {
  const idat: Buffer[] = [];
  let idatDone = false;
  for (const [index, { type, data }] of chunks.entries()) {
    if (index === 0 || type === 'IEND') continue;
    if (type === 'IDAT') {
      if (idatDone) throw new PngError('corrupt', 'IDAT chunks are not consecutive');
      idat.push(data);
      continue;
    }
    if (idat.length > 0) idatDone = true;
    if (type === 'IHDR') throw new PngError('corrupt', 'second IHDR');
    // A palette is only a suggestion for truecolour images; gray ones must not have one.
    if (type === 'PLTE' && (header.colorType === 2 || header.colorType === 6) && idat.length === 0) continue;
    const critical = (type.charCodeAt(0) & 0x20) === 0;
    if (critical) throw new PngError('unsupported', `critical chunk ${type}`);
  }
  if (idat.length === 0) throw new PngError('corrupt', 'no IDAT chunk');
  return idat.length === 1 ? idat[0]! : Buffer.concat(idat);
}

/** The Paeth predictor of PNG filter type 4. */
export function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  if (pa <= pb && pa <= pc) return left;
  return pb <= pc ? up : upLeft;
}

/**
 * Bytewise sum modulo 256 of four bytes at once: the low seven bits add without carrying out, the
 * top bits are put back by exclusive or. `| 0` keeps the sum a 32-bit integer.
 */
function addBytes(a: number, b: number): number {
  return (((a & 0x7f7f7f7f) + (b & 0x7f7f7f7f)) | 0) ^ ((a ^ b) & 0x80808080);
}

/**
 * Reverses the per-scanline filters 0-4 (PNG spec, section 9) from the inflated data `raw` (row
 * y's filter byte at `y * (stride + 1)`, its bytes after it) into `out` (rows `stride` bytes apart,
 * from offset 0 of its own buffer). When rows are whole 32-bit words (four-byte pixels, as the
 * signature pad's RGBA always is), Up (what Chromium's canvas encoder writes on every row) and Sub
 * add four bytes at a time; an Up row without differences repeats the row above and is copied.
 * Uint8Array stores wrap modulo 256, as the filters require.
 */
function unfilter(raw: Buffer, out: Buffer, stride: number, height: number, bpp: number): void {
  const words = stride % 4 === 0 && out.byteOffset === 0 ? new Int32Array(out.buffer, 0, (stride * height) >>> 2) : null;
  const rowWords = stride >>> 2;
  const zeroRow = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const from = y * (stride + 1) + 1;
    const filtered = raw.subarray(from, from + stride);
    const row = y * stride;
    const end = row + stride;
    const filter = raw[from - 1]!;
    if (filter > 4) throw new PngError('corrupt', `unknown filter type ${String(filter)} on row ${y}`);
    if (filter === 2 && y > 0 && zeroRow.equals(filtered)) {
      out.copyWithin(row, row - stride, row);
      continue;
    }
    out.set(filtered, row);
    switch (filter) {
      case 1:
        if (words && bpp === 4) {
          for (let w = row >>> 2, last = (end >>> 2) - 1; w < last; w += 1) words[w + 1] = addBytes(words[w + 1]!, words[w]!);
        } else {
          for (let i = row + bpp; i < end; i += 1) out[i] = out[i]! + out[i - bpp]!;
        }
        break;
      case 2:
        if (y === 0) break;
        if (words) {
          for (let w = row >>> 2, last = end >>> 2; w < last; w += 1) words[w] = addBytes(words[w]!, words[w - rowWords]!);
        } else {
          for (let i = row; i < end; i += 1) out[i] = out[i]! + out[i - stride]!;
        }
        break;
      case 3:
        if (y === 0) {
          for (let i = row + bpp; i < end; i += 1) out[i] = out[i]! + (out[i - bpp]! >> 1);
        } else {
          for (let i = row; i < row + bpp; i += 1) out[i] = out[i]! + (out[i - stride]! >> 1);
          for (let i = row + bpp; i < end; i += 1) out[i] = out[i]! + ((out[i - bpp]! + out[i - stride]!) >> 1);
        }
        break;
      case 4:
        // On the first row up and up-left are 0, where Paeth picks left; in the first pixel left
        // and up-left are 0, where it picks up.
        if (y === 0) {
          for (let i = row + bpp; i < end; i += 1) out[i] = out[i]! + out[i - bpp]!;
        } else {
          for (let i = row; i < row + bpp; i += 1) out[i] = out[i]! + out[i - stride]!;
          for (let i = row + bpp; i < end; i += 1) {
            const left = out[i - bpp]!;
            const up = out[i - stride]!;
            const upLeft = out[i - stride - bpp]!;
            const pa = Math.abs(up - upLeft);
            const pb = Math.abs(left - upLeft);
            const pc = Math.abs(left + up - 2 * upLeft);
            out[i] = out[i]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          }
        }
        break;
    }
  }
}

/** A PNG whose chunks, CRCs and header have been checked; the pixels are inflated only on `decode()`. */
export interface PngFile extends PngHeader {
  /**
   * Inflates and unfilters the pixel data into rows `width * channels` bytes apart, starting at
   * offset 0 of their own ArrayBuffer (so four-byte pixels can be read as aligned words).
   * Inflating stops at the size the header declares, so a decompression bomb ends there; callers
   * check their own dimension limits on the header first.
   */
  decode(): DecodedPng;
}

/** Reads the chunks (every CRC) and the header once, without inflating the pixels. */
export function readPng(bytes: Uint8Array): PngFile {
  const chunks = readChunks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const header = parseHeader(chunks[0]);
  return {
    ...header,
    decode() {
      const compressed = checkChunkOrder(chunks, header);
      const channels = CHANNELS[header.colorType] ?? 0;
      const stride = header.width * channels;
      const expected = (stride + 1) * header.height;
      let raw: Buffer;
      try {
        // One output buffer a byte larger than the image: a whole image inflates in a single call,
        // and a stream with more in it still ends at the limit.
        raw = inflateSync(compressed, { maxOutputLength: expected, chunkSize: Math.max(expected + 1, 64) });
      } catch (error) {
        throw new PngError('corrupt', `pixel data does not inflate to ${expected} bytes: ${error instanceof Error ? error.message : ''}`);
      }
      if (raw.length !== expected) throw new PngError('corrupt', `pixel data has ${raw.length} bytes, expected ${expected}`);
      const pixels = Buffer.from(new ArrayBuffer(stride * header.height));
      unfilter(raw, pixels, stride, header.height, channels);
      return { ...header, channels, pixels };
    },
  };
}

/** Width, height and colour type from the chunks, without inflating the pixels. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const { width, height, colorType } = readPng(bytes);
  return { width, height, colorType };
}

/** Decodes a PNG into contiguous rows (see `PngFile.decode` for the limits). */
export function decodePng(bytes: Uint8Array): DecodedPng {
  return readPng(bytes).decode();
}
