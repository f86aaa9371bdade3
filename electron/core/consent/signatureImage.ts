// Whether a PNG from the signature pad is fit to be evidence: a PNG we can decode, within size
// bounds, with enough dark strokes to be a handwritten signature rather than an empty or
// accidental one (a tap, a short line) or a filled-in rectangle.
import { sha256Hex } from './ed25519';
import { PngError, readPng, type DecodedPng } from './png';

export const signatureImageLimits = {
  maxBytes: 512 * 1024,
  minSide: 100,
  maxSide: 4000,
  /** Fewer ink pixels than this is a tap or a scribble, not a signature. */
  minInkPixels: 200,
  /** The strokes must span at least this many pixels across or down. */
  minInkSpan: 40,
  /** More ink than this share of the image is a filled area, not a signature. */
  maxInkShare: 0.5,
} as const;

export type SignatureImageProblem =
  | 'not_png'
  | 'corrupt'
  | 'unsupported'
  | 'too_large'
  | 'dimensions'
  | 'empty'
  | 'trivial'
  | 'filled';

export type SignatureImageCheck =
  | { ok: true; sha256: string; width: number; height: number; inkPixels: number }
  | { ok: false; problem: SignatureImageProblem; params: Record<string, string | number> };

/** Whether this machine stores a 32-bit word's lowest byte first (x64 and ARM do). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Ink pixels in one row, and the first and last x holding ink (-1 when none). */
interface RowInk {
  count: number;
  first: number;
  last: number;
}

/**
 * One RGBA row read a pixel per 32-bit word (little-endian: red in the low byte, alpha in the top
 * one, so alpha is at least 128 exactly when the word is negative).
 */
function rgbaRowInk(words: Int32Array, start: number, width: number): RowInk {
  let count = 0;
  let first = -1;
  let last = -1;
  for (let x = 0; x < width; x += 1) {
    const pixel = words[start + x]!;
    if (pixel >= 0) continue;
    if ((pixel & 0xff) * 299 + ((pixel >> 8) & 0xff) * 587 + ((pixel >> 16) & 0xff) * 114 >= 128_000) continue;
    count += 1;
    if (first < 0) first = x;
    last = x;
  }
  return { count, first, last };
}

/** One row of any colour type, a byte at a time. */
function rowInk({ width, channels, colorType, pixels }: DecodedPng, p: number): RowInk {
  const gray = colorType === 0 || colorType === 4;
  const alphaAt = colorType === 4 || colorType === 6 ? channels - 1 : -1;
  let count = 0;
  let first = -1;
  let last = -1;
  for (let x = 0; x < width; x += 1, p += channels) {
    if (alphaAt >= 0 && pixels[p + alphaAt]! < 128) continue;
    // Luma in thousandths, so the comparison with 128 is exact in integers.
    const dark = gray ? pixels[p]! < 128 : pixels[p]! * 299 + pixels[p + 1]! * 587 + pixels[p + 2]! * 114 < 128_000;
    if (!dark) continue;
    count += 1;
    if (first < 0) first = x;
    last = x;
  }
  return { count, first, last };
}

/**
 * Ink: a pixel that is mostly opaque (alpha at least 128) and dark (luma 0.299 R + 0.587 G + 0.114 B,
 * or the gray value, below 128). A row with the same bytes as the row above (most rows of a pad:
 * blank, or crossing the same strokes) has the same ink, so it is compared natively and counted
 * once; RGBA rows (the pad's) are read a pixel per word.
 */
function inkStats(image: DecodedPng) {
  const { width, height, channels, colorType, pixels } = image;
  const stride = width * channels;
  const words = colorType === 6 && LITTLE_ENDIAN && pixels.byteOffset === 0 ? new Int32Array(pixels.buffer, 0, width * height) : null;
  let ink = 0;
  let minX = width;
  let maxX = -1;
  let minY = height;
  let maxY = -1;
  let row: RowInk = { count: 0, first: -1, last: -1 };
  for (let y = 0; y < height; y += 1) {
    const start = y * stride;
    const sameAsAbove = y > 0 && pixels.compare(pixels, start - stride, start, start, start + stride) === 0;
    if (!sameAsAbove) row = words ? rgbaRowInk(words, y * width, width) : rowInk(image, start);
    if (row.count === 0) continue;
    ink += row.count;
    if (row.first < minX) minX = row.first;
    if (row.last > maxX) maxX = row.last;
    if (y < minY) minY = y;
    maxY = y;
  }
  return { ink, span: ink === 0 ? 0 : Math.max(maxX - minX, maxY - minY) + 1 };
}

export function checkSignatureImage(bytes: Uint8Array, limits = signatureImageLimits): SignatureImageCheck {
  const fail = (problem: SignatureImageProblem, params: Record<string, string | number> = {}): SignatureImageCheck => ({
    ok: false,
    problem,
    params,
  });
  if (bytes.length > limits.maxBytes) return fail('too_large', { maxKiB: Math.floor(limits.maxBytes / 1024) });
  let image: DecodedPng;
  try {
    const png = readPng(bytes);
    const { width, height } = png;
    const sideOk = (side: number) => side >= limits.minSide && side <= limits.maxSide;
    if (!sideOk(width) || !sideOk(height)) return fail('dimensions', { width, height, min: limits.minSide, max: limits.maxSide });
    image = png.decode();
  } catch (error) {
    if (error instanceof PngError) return fail(error.problem);
    throw error;
  }
  const { ink, span } = inkStats(image);
  if (ink === 0) return fail('empty');
  if (ink < limits.minInkPixels || span < limits.minInkSpan) return fail('trivial');
  if (ink > limits.maxInkShare * image.width * image.height) return fail('filled');
  return { ok: true, sha256: sha256Hex(bytes), width: image.width, height: image.height, inkPixels: ink };
}
