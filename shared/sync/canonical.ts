// RFC 8785 canonical JSON, the same text the `canonicalize` package gives for every value, written
// for the sizes the sync protocol hashes (a batch's records are megabytes): strings go through the
// engine's own JSON.stringify and well-formedness check instead of a character loop in script.
// Anything that is not plain JSON data (toJSON, functions, bigint, symbols) is left to the package,
// so those edge cases stay exactly as it treats them; `canonical.test.ts` pins the equality.
import canonicalize from 'canonicalize';

/** ES2024 `String.prototype.isWellFormed` (Node 20, Chromium 111); our TypeScript lib predates it. */
const wellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;
const isWellFormed = (text: string): boolean => wellFormed.call(text);

function text(value: unknown, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) throw new Error('Lone surrogate is not allowed');
      return JSON.stringify(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return canonicalize(value);
  }
  if (value === null) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalize(value);
  if (ancestors.has(value)) throw new Error('Circular reference detected');
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      // A hole stays empty, as Array.prototype.map leaves it in the package.
      if (!(i in value)) continue;
      const item: unknown = value[i];
      out += text(item === undefined || typeof item === 'symbol' ? null : item, ancestors) ?? '';
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'symbol') continue;
      if (!isWellFormed(key)) throw new Error('Lone surrogate is not allowed');
      out += `${first ? '' : ','}${JSON.stringify(key)}:${String(text(item, ancestors))}`;
      first = false;
    }
    out += '}';
  }
  ancestors.delete(value);
  return out;
}

/**
 * The canonical JSON text of `array`, handed to `write` in pieces (brackets, commas, one piece per
 * element) that concatenate to `canonicalJson(array)`: a hash takes a batch's megabytes this way
 * without one string of that size being built first.
 */
export function writeCanonicalArray(array: readonly unknown[], write: (piece: string) => void): void {
  const ancestors = new Set<object>([array]);
  write('[');
  for (let i = 0; i < array.length; i += 1) {
    if (i > 0) write(',');
    if (!(i in array)) continue;
    const item: unknown = array[i];
    write(text(item === undefined || typeof item === 'symbol' ? null : item, ancestors) ?? '');
  }
  write(']');
}

/** The canonical JSON text of `value`; throws when it has none (undefined, NaN, a lone surrogate, a cycle). */
export function canonicalJson(value: unknown): string {
  const result = text(value, new Set());
  if (result === undefined) throw new Error('value has no JSON form');
  return result;
}
