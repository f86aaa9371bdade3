import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodePng, pixelRows, signaturePng, type ColorType, type Rgba } from '../../../test/support/png';
import { sha256Hex } from './ed25519';
import { decodePng } from './png';
import { checkSignatureImage, signatureImageLimits } from './signatureImage';

const INK = [0, 0, 0, 255] as const;
const CLEAR = [255, 255, 255, 0] as const;

describe('the signature image check', () => {
  it.each([0, 2, 4, 6] as ColorType[])('accepts a handwritten signature in colour type %i', (colorType) => {
    const bytes = signaturePng({ colorType });
    const result = checkSignatureImage(bytes);
    expect(result).toMatchObject({ ok: true, sha256: sha256Hex(bytes), width: 400, height: 160 });
  });

  it('accepts the pad image Chromium makes, counting its ink as a pixel-by-pixel count does', () => {
    const bytes = readFileSync(new URL('../../../test/fixtures/signature-pad-1150x256.png', import.meta.url));
    const { pixels } = decodePng(bytes);
    let ink = 0;
    for (let p = 0; p < pixels.length; p += 4) {
      if (pixels[p + 3]! >= 128 && pixels[p]! * 299 + pixels[p + 1]! * 587 + pixels[p + 2]! * 114 < 128_000) ink += 1;
    }
    expect(ink).toBeGreaterThan(signatureImageLimits.minInkPixels);
    expect(checkSignatureImage(bytes)).toEqual({ ok: true, sha256: sha256Hex(bytes), width: 1150, height: 256, inkPixels: ink });
  });

  it('refuses a file over the size limit before decoding it', () => {
    const noise = randomBytes(400 * 400 * 4);
    const at = (x: number, y: number, c: number) => noise[(y * 400 + x) * 4 + c] ?? 0;
    const bytes = encodePng({ width: 400, height: 400, paint: (x, y) => [at(x, y, 0), at(x, y, 1), at(x, y, 2), at(x, y, 3)] });
    expect(bytes.length).toBeGreaterThan(signatureImageLimits.maxBytes);
    expect(checkSignatureImage(bytes)).toEqual({ ok: false, problem: 'too_large', params: { maxKiB: 512 } });
  });

  it('refuses images smaller or larger than a signature pad', () => {
    for (const [width, height] of [
      [99, 200],
      [400, 99],
      [4001, 200],
      [400, 4001],
    ] as const) {
      expect(checkSignatureImage(encodePng({ width, height })), `${width}x${height}`).toMatchObject({ ok: false, problem: 'dimensions', params: { width, height } });
    }
    expect(checkSignatureImage(signaturePng({ width: 100, height: 100 })).ok).toBe(true);
  });

  it('refuses an empty pad, a tap, a short tick and a filled rectangle', () => {
    expect(checkSignatureImage(encodePng({ width: 400, height: 160 }))).toMatchObject({ problem: 'empty' });
    // White strokes on a transparent pad are no ink either.
    const white = encodePng({ width: 400, height: 160, paint: (x, y) => (y === 80 ? [255, 255, 255, 255] : CLEAR) });
    expect(checkSignatureImage(white)).toMatchObject({ problem: 'empty' });
    const tap = encodePng({ width: 400, height: 160, paint: (x, y) => (Math.hypot(x - 200, y - 80) < 6 ? INK : CLEAR) });
    expect(checkSignatureImage(tap)).toMatchObject({ problem: 'trivial' });
    const tick = encodePng({ width: 400, height: 160, paint: (x, y) => (x >= 100 && x < 130 && y >= 78 && y < 88 ? INK : CLEAR) });
    expect(checkSignatureImage(tick)).toMatchObject({ problem: 'trivial' });
    const filled = encodePng({ width: 400, height: 160, paint: (x) => (x < 300 ? INK : CLEAR) });
    expect(checkSignatureImage(filled)).toMatchObject({ problem: 'filled' });
  });

  it('counts only dark, mostly opaque pixels as ink', () => {
    const faint = encodePng({ width: 400, height: 160, paint: (x, y) => (Math.abs(y - 80) < 3 ? [0, 0, 0, 100] : CLEAR) });
    expect(checkSignatureImage(faint)).toMatchObject({ problem: 'empty' });
    const grey = encodePng({ width: 400, height: 160, colorType: 0, paint: (x, y) => (Math.abs(y - 80) < 3 ? [127, 127, 127, 255] : [255, 255, 255, 255]) });
    expect(checkSignatureImage(grey)).toMatchObject({ ok: true, inkPixels: 400 * 5 });
  });

  it('counts the same ink whatever scanline filter and colour type the pad used', () => {
    // Strokes of every darkness and opacity around the limits, on a background that is not ink.
    const paint = (x: number, y: number): Rgba => {
      if (Math.abs(y - 80 - 40 * Math.sin(x / 30)) > 3) return [250, 250, 250, (x * y) % 120];
      const v = (x * 7 + y * 13) % 256;
      return [v, 255 - v, (v * 3) % 256, 100 + ((x + y) % 60)];
    };
    for (const colorType of [0, 2, 4, 6] as ColorType[]) {
      const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
      let expected = 0;
      for (const row of pixelRows({ width: 400, height: 160, colorType, paint })) {
        for (let p = 0; p < row.length; p += channels) {
          const alpha = colorType === 4 || colorType === 6 ? row[p + channels - 1]! : 255;
          const luma = channels <= 2 ? row[p]! : (row[p]! * 299 + row[p + 1]! * 587 + row[p + 2]! * 114) / 1000;
          if (alpha >= 128 && luma < 128) expected += 1;
        }
      }
      expect(expected, `colour type ${colorType}`).toBeGreaterThan(signatureImageLimits.minInkPixels);
      for (const filter of [0, 1, 2, 3, 4, -1]) {
        const bytes = encodePng({ width: 400, height: 160, colorType, paint, ...(filter >= 0 ? { filter: () => filter } : {}) });
        expect(checkSignatureImage(bytes), `colour type ${colorType}, filter ${filter}`).toMatchObject({ ok: true, inkPixels: expected });
      }
    }
  });

  it('passes decoding problems on', () => {
    const bytes = signaturePng();
    const at = bytes.indexOf('IDAT') + 20;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    expect(checkSignatureImage(bytes)).toEqual({ ok: false, problem: 'corrupt', params: {} });
  });
});
