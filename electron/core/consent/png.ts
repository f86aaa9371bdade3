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

/** Width, height and colour type from the chunks, without inflating the pixels. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  return parseHeader(readChunks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))[0]);
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
  return Buffer.concat(idat);
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

/** Reverses the per-scanline filters 0-4 (PNG spec, section 9). */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[prev + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[prev + x - bpp] ?? 0) : 0;
      let value: number;
      switch (filter) {
        case 0:
          value = byte;
          break;
        case 1:
          value = byte + left;
          break;
        case 2:
          value = byte + up;
          break;
        case 3:
          value = byte + ((left + up) >> 1);
          break;
        case 4:
          value = byte + paeth(left, up, upLeft);
          break;
        default:
          throw new PngError('corrupt', `unknown filter type ${String(filter)} on row ${y}`);
      }
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

/**
 * Decodes a PNG. Inflating stops at the size the header declares, so a decompression bomb ends
 * there; callers check their own dimension limits on the header first (`readPngHeader`).
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const chunks = readChunks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const header = parseHeader(chunks[0]);
  const compressed = checkChunkOrder(chunks, header);
  const channels = CHANNELS[header.colorType] ?? 0;
  const expected = (header.width * channels + 1) * header.height;
  let raw: Buffer;
  try {
    raw = inflateSync(compressed, { maxOutputLength: expected });
  } catch (error) {
    throw new PngError('corrupt', `pixel data does not inflate to ${expected} bytes: ${error instanceof Error ? error.message : ''}`);
  }
  if (raw.length !== expected) throw new PngError('corrupt', `pixel data has ${raw.length} bytes, expected ${expected}`);
  return { ...header, channels, pixels: unfilter(raw, header.width, header.height, channels) };
}
