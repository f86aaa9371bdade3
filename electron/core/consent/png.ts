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
  /** Unfiltered scanlines, `width * channels` bytes each, no filter bytes. */
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

/** Bytewise sum modulo 256 of four bytes at once: the low seven bits add without carrying out. */
function addBytes(a: number, b: number): number {
  return ((a & 0x7f7f7f7f) + (b & 0x7f7f7f7f)) ^ ((a ^ b) & 0x80808080);
}

/**
 * Reverses the per-scanline filters 0-4 (PNG spec, section 9) in place, on the data as it came out
 * of the inflater: row y's filter byte is at `y * (stride + 1)` and its pixel bytes follow it. The
 * rows sit one filter byte apart, so they are not four-byte aligned; Up (what Chromium's canvas
 * encoder writes on every row) and Sub on four-byte pixels are therefore done on aligned copies of
 * the row and of the row above, four bytes at a time, and the result is copied back. A row whose
 * Up differences are all zero repeats the row above (most rows of a signature pad) and is copied
 * whole. A Uint8Array store wraps modulo 256, as the filters require.
 */
function unfilterInPlace(data: Buffer, stride: number, height: number, bpp: number): void {
  const rowBytes = stride + 1;
  const wordCount = stride >>> 2;
  const words = Math.ceil(stride / 4);
  // The unfiltered row above and the row being worked on, aligned; swapped after each row.
  let above = new Uint32Array(words);
  let current = new Uint32Array(words);
  let aboveBytes = new Uint8Array(above.buffer, 0, stride);
  let currentBytes = new Uint8Array(current.buffer, 0, stride);
  const zeroRow = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const row = y * rowBytes + 1;
    const end = row + stride;
    const filter = data[row - 1]!;
    switch (filter) {
      case 0:
        aboveBytes.set(data.subarray(row, end));
        continue;
      case 1:
        if (bpp === 4) {
          currentBytes.set(data.subarray(row, end));
          for (let i = 1; i < wordCount; i += 1) current[i] = addBytes(current[i]!, current[i - 1]!);
          for (let i = Math.max(wordCount * 4, bpp); i < stride; i += 1) currentBytes[i] = currentBytes[i]! + currentBytes[i - bpp]!;
          data.set(currentBytes, row);
          break;
        }
        for (let i = row + bpp; i < end; i += 1) data[i] = data[i]! + data[i - bpp]!;
        aboveBytes.set(data.subarray(row, end));
        continue;
      case 2:
        if (y === 0) {
          aboveBytes.set(data.subarray(row, end));
          continue;
        }
        if (zeroRow.equals(data.subarray(row, end))) {
          data.copy(data, row, row - rowBytes, end - rowBytes);
          continue;
        }
        currentBytes.set(data.subarray(row, end));
        for (let i = 0; i < wordCount; i += 1) current[i] = addBytes(current[i]!, above[i]!);
        for (let i = wordCount * 4; i < stride; i += 1) currentBytes[i] = currentBytes[i]! + aboveBytes[i]!;
        data.set(currentBytes, row);
        break;
      case 3:
        if (y === 0) {
          for (let i = row + bpp; i < end; i += 1) data[i] = data[i]! + (data[i - bpp]! >> 1);
        } else {
          for (let i = row; i < row + bpp; i += 1) data[i] = data[i]! + (data[i - rowBytes]! >> 1);
          for (let i = row + bpp; i < end; i += 1) data[i] = data[i]! + ((data[i - bpp]! + data[i - rowBytes]!) >> 1);
        }
        aboveBytes.set(data.subarray(row, end));
        continue;
      case 4:
        // On the first row up and up-left are 0, where Paeth picks left; in the first pixel left
        // and up-left are 0, where it picks up.
        if (y === 0) {
          for (let i = row + bpp; i < end; i += 1) data[i] = data[i]! + data[i - bpp]!;
        } else {
          for (let i = row; i < row + bpp; i += 1) data[i] = data[i]! + data[i - rowBytes]!;
          for (let i = row + bpp; i < end; i += 1) {
            const left = data[i - bpp]!;
            const up = data[i - rowBytes]!;
            const upLeft = data[i - rowBytes - bpp]!;
            const pa = Math.abs(up - upLeft);
            const pb = Math.abs(left - upLeft);
            const pc = Math.abs(left + up - 2 * upLeft);
            data[i] = data[i]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          }
        }
        aboveBytes.set(data.subarray(row, end));
        continue;
      default:
        throw new PngError('corrupt', `unknown filter type ${String(filter)} on row ${y}`);
    }
    // The aligned row just unfiltered is the next row's row above.
    [above, current] = [current, above];
    [aboveBytes, currentBytes] = [currentBytes, aboveBytes];
  }
}

/**
 * An image's unfiltered scanlines where the inflater put them: row y's filter byte is at
 * `y * (stride + 1)` (left in place) and its `stride` pixel bytes follow it.
 */
export interface PngScanlines extends PngHeader {
  channels: number;
  stride: number;
  data: Buffer;
}

/** A PNG whose chunks, CRCs and header have been checked; the pixels are inflated only on `scanlines()`. */
export interface PngFile extends PngHeader {
  /**
   * Inflates and unfilters the pixel data. Inflating stops at the size the header declares, so a
   * decompression bomb ends there; callers check their own dimension limits on the header first.
   */
  scanlines(): PngScanlines;
}

/** Reads the chunks (every CRC) and the header once, without inflating the pixels. */
export function readPng(bytes: Uint8Array): PngFile {
  const chunks = readChunks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const header = parseHeader(chunks[0]);
  return {
    ...header,
    scanlines() {
      const compressed = checkChunkOrder(chunks, header);
      const channels = CHANNELS[header.colorType] ?? 0;
      const stride = header.width * channels;
      const expected = (stride + 1) * header.height;
      let data: Buffer;
      try {
        // One output buffer a byte larger than the image: a whole image inflates in a single call,
        // and a stream with more in it still ends at the limit.
        data = inflateSync(compressed, { maxOutputLength: expected, chunkSize: Math.max(expected + 1, 64) });
      } catch (error) {
        throw new PngError('corrupt', `pixel data does not inflate to ${expected} bytes: ${error instanceof Error ? error.message : ''}`);
      }
      if (data.length !== expected) throw new PngError('corrupt', `pixel data has ${data.length} bytes, expected ${expected}`);
      unfilterInPlace(data, stride, header.height, channels);
      return { ...header, channels, stride, data };
    },
  };
}

/** Width, height and colour type from the chunks, without inflating the pixels. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const { width, height, colorType } = readPng(bytes);
  return { width, height, colorType };
}

/** Decodes a PNG into contiguous rows (see `PngFile.scanlines` for the limits). */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const { width, height, colorType, channels, stride, data } = readPng(bytes).scanlines();
  const pixels = Buffer.allocUnsafe(stride * height);
  for (let y = 0; y < height; y += 1) data.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  return { width, height, colorType, channels, pixels };
}
