import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, writeCanonicalArray } from './canonical';

/** The package's answer, or the message it throws. */
function reference(value: unknown): string {
  try {
    const text = canonicalize(value);
    return text === undefined ? 'throws: value has no JSON form' : text;
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

function ours(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

/** A small seeded generator (mulberry32), so a failure names a case that can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const characters = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u007f', 'é', '张', '€', '\u2028', '\u2029', '😀', '\ufeff'];
  const string = (): string => Array.from({ length: Math.floor(next() * 8) }, () => pick(characters)).join('');
  const numbers = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_SAFE_INTEGER, -1.5e300, 2 ** 53 + 2, 1 / 3];
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth > 3 || roll < 0.45) return pick<unknown>([null, true, false, pick(numbers), string(), next() * 1e6 - 5e5]);
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 5) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i -= 1) object[string()] = value(depth + 1);
    return object;
  };
  return { value };
}

describe('canonicalJson', () => {
  it('gives the canonicalize package’s text for a thousand generated JSON values', () => {
    const { value } = generator(20261204);
    for (let i = 0; i < 1000; i += 1) {
      const input = value(0);
      expect(ours(input), JSON.stringify(input)).toBe(reference(input));
    }
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 asks', () => {
    const input = { b: 1, a: 2, '😀': 3, '\uffff': 4, A: 5, aa: 6, '': 7 };
    expect(canonicalJson(input)).toBe(reference(input));
    expect(canonicalJson(input).startsWith('{"":7,"A":5,"a":2,"aa":6,"b":1,')).toBe(true);
  });

  it('treats what is not plain JSON data the way the package does', () => {
    const cases: unknown[] = [
      { skipped: undefined, kept: 1, symbol: Symbol('s') },
      [undefined, Symbol('s'), () => 1, 2],
      { fn: () => 1 },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { when: new Date(Date.UTC(2026, 11, 4)), nested: { toJSON: () => ({ b: 2, a: 1 }) } },
      Number.NaN,
      Number.POSITIVE_INFINITY,
      { value: Number.NEGATIVE_INFINITY },
      'lone \ud800 surrogate',
      { 'key \udc00': 1 },
      ['\ud83d'],
      undefined,
      () => 1,
    ];
    for (const input of cases) expect(ours(input)).toBe(reference(input));
  });

  it('refuses a cycle', () => {
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = { again: looped };
    expect(() => canonicalJson(looped)).toThrow('Circular reference detected');
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});

describe('writeCanonicalArray', () => {
  it('writes pieces that join to the canonical text of the array', () => {
    const { value } = generator(7);
    for (let i = 0; i < 200; i += 1) {
      const array = Array.from({ length: i % 7 }, () => value(1));
      const pieces: string[] = [];
      writeCanonicalArray(array, (piece) => pieces.push(piece));
      expect(pieces.join('')).toBe(reference(array));
    }
    // eslint-disable-next-line no-sparse-arrays
    const odd = [undefined, , () => 1, { b: 1, a: [2] }];
    const pieces: string[] = [];
    writeCanonicalArray(odd, (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(reference(odd));
  });

  it('writes long strings, escaped or not, exactly as the package does', () => {
    const long = (unit: string) => unit.repeat(Math.ceil(1500 / unit.length));
    const record = {
      payload: { name: '张三', note: long('行"\\\n\u0001') },
      signature_png: long('iVBORw0KGgoAAAANSUhEUg+/='),
      texts: [long('我同意'), long('a\u2028b😀'), 'short'],
    };
    for (const array of [[record], [record, record, 1, null]]) {
      const pieces: string[] = [];
      writeCanonicalArray(array, (piece) => pieces.push(piece));
      expect(pieces.join('')).toBe(reference(array));
    }
    expect(canonicalJson(record)).toBe(reference(record));
  });

  it('refuses an element that contains the array', () => {
    const array: unknown[] = [1];
    array.push({ back: array });
    expect(() => writeCanonicalArray(array, () => undefined)).toThrow('Circular reference detected');
  });
});
