import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunk, encodePng, pixelRows, signaturePng, type ColorType } from '../../../test/support/png';
import { decodePng, PNG_SIGNATURE, PngError, readPngHeader } from './png';

const ihdr = (width: number, height: number, bitDepth: number, colorType: number, interlace = 0) => {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return chunk('IHDR', data);
};
const iend = chunk('IEND', Buffer.alloc(0));
const problem = (bytes: Buffer) => {
  try {
    decodePng(bytes);
    return 'decoded';
  } catch (error) {
    return error instanceof PngError ? error.problem : `threw ${String(error)}`;
  }
};

describe('the PNG reader', () => {
  it.each([0, 2, 4, 6] as ColorType[])('decodes colour type %i through every scanline filter', (colorType) => {
    const spec = {
      width: 23,
      height: 17,
      colorType,
      paint: (x: number, y: number) => [(x * 37 + y) & 255, (y * 11) & 255, (x ^ y) & 255, (x * y) & 255] as const,
    };
    for (const filter of [0, 1, 2, 3, 4]) {
      const image = decodePng(encodePng({ ...spec, filter: () => filter }));
      expect(image).toMatchObject({ width: 23, height: 17, colorType });
      expect(image.pixels.equals(Buffer.concat(pixelRows(spec)))).toBe(true);
    }
    // Mixed filters, one per row, as encoders choose them.
    expect(decodePng(encodePng(spec)).pixels.equals(Buffer.concat(pixelRows(spec)))).toBe(true);
  });

  it('decodes any width, content and mix of filters, rows repeating or not, as the pixels were', () => {
    // A fixed-seed generator, so a failure names the same image every run.
    let seed = 0x2545f491;
    const random = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const colorType = ([0, 2, 4, 6] as ColorType[])[random(4)]!;
      const width = 1 + random(37);
      const height = 1 + random(12);
      const colours = Array.from({ length: width * height }, () => [random(256), random(256), random(256), random(256)] as const);
      // Some images repeat a row (Up then leaves only zeros), some are blank, most are noise.
      const style = random(3);
      const paint = (x: number, y: number) => (style === 2 ? ([0, 0, 0, 0] as const) : colours[x + width * (style === 1 ? y >> 2 : y)]!);
      const rowFilters = Array.from({ length: height }, () => random(5));
      const spec = { width, height, colorType, paint, filter: (y: number) => rowFilters[y]! };
      const image = decodePng(encodePng(spec));
      expect(image.pixels.equals(Buffer.concat(pixelRows(spec))), `round ${round}: ${width}x${height}, type ${colorType}, filters ${rowFilters.join('')}`).toBe(true);
    }
  });

  it('reads the header without inflating', () => {
    expect(readPngHeader(signaturePng({ width: 321, height: 123 }))).toEqual({ width: 321, height: 123, colorType: 6 });
  });

  it('refuses what is not a PNG', () => {
    expect(problem(Buffer.from('GIF89a...'))).toBe('not_png');
    expect(problem(Buffer.alloc(0))).toBe('not_png');
  });

  it('refuses a file whose chunk CRC does not match, even when the data itself is fine', () => {
    const bytes = signaturePng();
    // The last four bytes are the CRC of IEND, which has no data to fail on otherwise.
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
    expect(problem(bytes)).toBe('corrupt');
    const idat = signaturePng();
    const at = idat.indexOf('IDAT') + 10;
    idat.writeUInt8(idat.readUInt8(at) ^ 0x01, at);
    expect(problem(idat)).toBe('corrupt');
  });

  it('refuses truncated files, missing IEND and bytes after it', () => {
    const bytes = signaturePng();
    expect(problem(bytes.subarray(0, bytes.length - 5))).toBe('corrupt');
    expect(problem(bytes.subarray(0, bytes.length - 12))).toBe('corrupt');
    expect(problem(Buffer.concat([bytes, Buffer.from([0])]))).toBe('corrupt');
  });

  it('refuses what the signature pad never produces: 16-bit, palette, interlaced', () => {
    const idat = chunk('IDAT', deflateSync(Buffer.alloc(200 * 2 + 2)));
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(100, 2, 16, 0), idat, iend]))).toBe('unsupported');
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(100, 2, 8, 3), chunk('PLTE', Buffer.alloc(3)), idat, iend]))).toBe('unsupported');
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(100, 2, 8, 0, 1), idat, iend]))).toBe('unsupported');
  });

  it('skips ancillary chunks but refuses unknown critical ones', () => {
    const text = { type: 'tEXt', data: Buffer.from('Software\u0000pad') };
    expect(problem(encodePng({ width: 10, height: 10, extraChunks: [text] }))).toBe('decoded');
    expect(problem(encodePng({ width: 10, height: 10, extraChunks: [{ type: 'ABCD', data: Buffer.alloc(1) }] }))).toBe('unsupported');
  });

  it('refuses IDAT chunks that are not consecutive and a second IHDR', () => {
    const raw = deflateSync(Buffer.alloc((10 * 4 + 1) * 10));
    const split = [chunk('IDAT', raw.subarray(0, 5)), chunk('tEXt', Buffer.from('a\u0000b')), chunk('IDAT', raw.subarray(5))];
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(10, 10, 8, 6), ...split, iend]))).toBe('corrupt');
    const joined = [chunk('IDAT', raw.subarray(0, 5)), chunk('IDAT', raw.subarray(5))];
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(10, 10, 8, 6), ...joined, iend]))).toBe('decoded');
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(10, 10, 8, 6), ihdr(10, 10, 8, 6), ...joined, iend]))).toBe('corrupt');
  });

  it('refuses pixel data larger or smaller than the header says (a decompression bomb stops there)', () => {
    const expected = (10 * 4 + 1) * 10;
    for (const size of [expected - 1, expected + 1, 50 * 1024 * 1024]) {
      const idat = chunk('IDAT', deflateSync(Buffer.alloc(size)));
      expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(10, 10, 8, 6), idat, iend])), String(size)).toBe('corrupt');
    }
  });

  it('refuses an unknown scanline filter', () => {
    const raw = Buffer.alloc((10 * 4 + 1) * 10);
    raw[(10 * 4 + 1) * 3] = 5;
    expect(problem(Buffer.concat([PNG_SIGNATURE, ihdr(10, 10, 8, 6), chunk('IDAT', deflateSync(raw)), iend]))).toBe('corrupt');
  });
});
