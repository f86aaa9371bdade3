// Masking for everything that leaves core (lists, supervisor exports, logs): enough of a value to
// tell records apart at the counter, never enough to identify the person.

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  const hidden = chars.length - keepStart - keepEnd;
  // A value too short to keep both ends would be shown whole; hide all of it instead.
  if (hidden <= 0) return '*'.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(-keepEnd).join('');
}

/** `11010519491231002X` → `1101**********002X`; other documents keep their first and last two. */
export function maskIdNumber(value: string): string {
  return [...value].length === 18 ? maskMiddle(value, 4, 4) : maskMiddle(value, 2, 2);
}

/** `13800138000` → `138****8000`; other numbers keep their first and last two. */
export function maskMobile(value: string): string {
  return [...value].length === 11 ? maskMiddle(value, 3, 4) : maskMiddle(value, 2, 2);
}

/**
 * Chinese names keep the surname's first character (`欧阳小明` → `欧***`); Latin names keep the
 * first letter and a fixed `***`, so the mask does not reveal the name's length.
 */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  const [first] = chars;
  if (first === undefined) return '';
  if (/^[A-Za-z]$/.test(first)) return `${first}***`;
  return chars.length === 1 ? '*' : first + '*'.repeat(chars.length - 1);
}

// Full-width digits, X and + fold to ASCII one UTF-16 unit for one, so match positions in the
// folded copy are positions in the original text.
const FULL_WIDTH = /[\uFF0B\uFF10-\uFF19\uFF38\uFF58]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

// Runs are bounded by non-digits, so longer numbers (timestamps, sizes) are left alone. An
// 18-character run ending in X is an ID number whatever follows the X.
const PERSONAL_DATA =
  /(?<!\d)(?:(?<idNumber>\d{17}(?:[Xx]|\d(?!\d)))|(?<legacyIdNumber>\d{15}(?!\d))|(?<mobilePrefix>(?:\+|00)?86[ -]?)?(?<mobile>1[3-9]\d(?:[ -]?\d{4}){2})(?!\d))/g;

function maskFound(groups: Partial<Record<string, string>>): string {
  if (groups.idNumber !== undefined) return maskIdNumber(groups.idNumber.toUpperCase());
  if (groups.legacyIdNumber !== undefined) return maskIdNumber(groups.legacyIdNumber);
  return (groups.mobilePrefix ?? '') + maskMobile((groups.mobile ?? '').replace(/[ -]/g, ''));
}

/**
 * Masks ID numbers (18 characters, checksum valid or not, and the legacy 15 digits) and mainland
 * mobile numbers, also written with +86 or in 3-4-4 groups, in free text. A safety net for logs,
 * not a substitute for leaving personal data out of them.
 */
export function redactPersonalData(text: string): string {
  const folded = text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));
  let redacted = '';
  let copied = 0;
  for (const match of folded.matchAll(PERSONAL_DATA)) {
    redacted += text.slice(copied, match.index) + maskFound(match.groups ?? {});
    copied = match.index + match[0].length;
  }
  return redacted + text.slice(copied);
}
