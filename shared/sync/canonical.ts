// RFC 8785 canonical JSON, the same text the `canonicalize` package gives for every value, written
// for the sizes the sync protocol hashes (a batch's records are megabytes): strings go through the
// engine's own JSON.stringify and well-formedness check instead of a character loop in script.
// Anything that is not plain JSON data (toJSON, functions, bigint, symbols) is left to the package,
// so those edge cases stay exactly as it treats them; `canonical.test.ts` pins the equality.
import canonicalize from 'canonicalize';

/** ES2024 `String.prototype.isWellFormed` (Node 20, Chromium 111); our TypeScript lib predates it. */
const wellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;
const isWellFormed = (text: string): boolean => wellFormed.call(text);

/** What JSON.stringify escapes in a well-formed string: the quote, the backslash, control characters. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** Strings at least this long go to a writer as pieces of their own (see `Sink`). */
const LONG_STRING = 1024;

/**
 * Where canonical text is written. Short pieces are gathered into one string; with a writer, a
 * long string value (a record's base64 image) is handed over as a piece of its own instead of
 * being joined to the rest. That keeps it a one-byte string when a record also holds Chinese text:
 * joined, the whole record would become a two-byte string, twice the size, slower to hash.
 */
class Sink {
  private gathered = '';
  constructor(private readonly writer: ((piece: string) => void) | null) {}

  add(piece: string): void {
    this.gathered += piece;
  }

  addString(quoted: string): void {
    if (!this.writer || quoted.length < LONG_STRING) {
      this.gathered += quoted;
      return;
    }
    this.flush();
    this.writer(quoted);
  }

  flush(): void {
    if (!this.writer || this.gathered === '') return;
    this.writer(this.gathered);
    this.gathered = '';
  }

  text(): string {
    return this.gathered;
  }
}

/** Writes the canonical text of `value` to `sink`; false when it has none (as `canonicalize` gives undefined). */
function write(value: unknown, ancestors: Set<object>, sink: Sink): boolean {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) throw new Error('Lone surrogate is not allowed');
      // JSON.stringify escapes nothing else in a well-formed string; a regular expression finds
      // these faster than its own scan, and most long strings (base64) have none.
      sink.addString(NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`);
      return true;
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      sink.add(JSON.stringify(value));
      return true;
    case 'boolean':
      sink.add(value ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default:
      return addFromPackage(canonicalize(value), sink);
  }
  if (value === null) {
    sink.add('null');
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return addFromPackage(canonicalize(value), sink);
  if (ancestors.has(value)) throw new Error('Circular reference detected');
  ancestors.add(value);
  if (Array.isArray(value)) {
    sink.add('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) sink.add(',');
      // A hole stays empty, as Array.prototype.map leaves it in the package.
      if (!(i in value)) continue;
      const item: unknown = value[i];
      // Nothing written for a value without JSON form: the package joins an empty string.
      write(item === undefined || typeof item === 'symbol' ? null : item, ancestors, sink);
    }
    sink.add(']');
  } else {
    const record = value as Record<string, unknown>;
    sink.add('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'symbol') continue;
      if (!isWellFormed(key)) throw new Error('Lone surrogate is not allowed');
      sink.add(`${first ? '' : ','}${JSON.stringify(key)}:`);
      // The package writes `String(undefined)` for a value without JSON form.
      if (!write(item, ancestors, sink)) sink.add('undefined');
      first = false;
    }
    sink.add('}');
  }
  ancestors.delete(value);
  return true;
}

function addFromPackage(text: string | undefined, sink: Sink): boolean {
  if (text === undefined) return false;
  sink.add(text);
  return true;
}

/**
 * The canonical JSON text of `array`, handed to `writer` in pieces that concatenate to
 * `canonicalJson(array)`: a hash takes a batch's megabytes this way without one string of that
 * size being built first, and long strings inside stay pieces of their own (`Sink`).
 */
export function writeCanonicalArray(array: readonly unknown[], writer: (piece: string) => void): void {
  const sink = new Sink(writer);
  const ancestors = new Set<object>([array]);
  sink.add('[');
  for (let i = 0; i < array.length; i += 1) {
    if (i > 0) sink.add(',');
    if (!(i in array)) continue;
    const item: unknown = array[i];
    write(item === undefined || typeof item === 'symbol' ? null : item, ancestors, sink);
    sink.flush();
  }
  sink.add(']');
  sink.flush();
}

/** The canonical JSON text of `value`; throws when it has none (undefined, NaN, a lone surrogate, a cycle). */
export function canonicalJson(value: unknown): string {
  const sink = new Sink(null);
  if (!write(value, new Set(), sink)) throw new Error('value has no JSON form');
  return sink.text();
}
