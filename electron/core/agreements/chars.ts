// Character classes the normaliser reasons with. "Wide" characters are the ones Chinese typesetting
// puts side by side without spaces, so whitespace between two of them is extraction damage.

const wideCharacter = new RegExp(
  [
    '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}',
    '\\u3000-\\u303f\\uff01-\\uff60\\uffe0-\\uffe6\\ufe30-\\ufe4f', // CJK and full-width punctuation
    '\\u2460-\\u24ff\\u3200-\\u32ff', // ① and other enclosed numbers
    '\\u2014\\u2015\\u2018-\\u201f\\u2026]', // dashes, curly quotes and … as Chinese text uses them
  ].join(''),
  'u',
);

export function isWide(char: string): boolean {
  return wideCharacter.test(char);
}

/**
 * Whitespace as JavaScript's `\s` defines it (ideographic space, no-break space and BOM included);
 * the invariant the importer keeps is stated over the same class.
 */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Last and first code points, so surrogate pairs count as one character. */
export function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? '';
}

export function firstChar(text: string): string {
  return Array.from(text)[0] ?? '';
}

export function charLength(text: string): number {
  return Array.from(text).length;
}
