// Input clean-up before validation, so that what a person types on a Chinese IME or pastes from a
// chat app is judged by its meaning: full-width forms become ASCII (NFKC), stray spaces go away.

// Zero-width characters survive NFKC and trim but come along when text is pasted from web pages.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Dash look-alikes NFKC leaves alone (hyphen, en/em dash, minus); an IME types "——" for "-".
const DASHES = /[\u2010-\u2015\u2212]/g;
// Middle-dot look-alikes people type for the "·" separating parts of minority and foreign names.
const NAME_DOTS = /[\u2022\u2027\u2219\u30FB]/g;
const HAN = /\p{Script=Han}/u;

function fold(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '');
}

/** Free text: NFKC, trimmed, inner whitespace collapsed to one space. */
export function normalizeText(raw: string): string {
  return fold(raw).trim().replace(/\s+/g, ' ');
}

/** Citizen ID number: NFKC, no whitespace anywhere, check character X in upper case. */
export function normalizeIdNumber(raw: string): string {
  return fold(raw).replace(/\s+/g, '').replace(/x/g, 'X');
}

/** Unified social credit code: NFKC, no whitespace, upper case (the code has no lower-case letters). */
export function normalizeCreditCode(raw: string): string {
  return fold(raw).replace(/\s+/g, '').toUpperCase();
}

/** Phone numbers: NFKC, trimmed, every dash look-alike (and runs of them) turned into one "-". */
export function normalizePhone(raw: string): string {
  return fold(raw).trim().replace(DASHES, '-').replace(/-+/g, '-');
}

/** Email: NFKC, trimmed; the ideographic full stop a Chinese IME types for "." becomes ".". */
export function normalizeEmail(raw: string): string {
  return fold(raw).trim().replace(/\u3002/g, '.');
}

/**
 * Person name: NFKC, middle-dot look-alikes → "·", whitespace collapsed. Chinese names are written
 * without spaces, so any space in a name with Han characters is a typing slip and is removed.
 */
export function normalizePersonName(raw: string): string {
  const text = normalizeText(raw).replace(NAME_DOTS, '·');
  return HAN.test(text) ? text.replace(/ /g, '') : text;
}
