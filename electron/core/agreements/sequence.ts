// Where a new clause goes in the tree. Numbering styles nest in the order they first appear: a style
// already open continues that level (closing everything below it), a style not yet open starts a level
// below the current clause. The number is then checked against that place: it should continue its
// siblings, or be the first of a new level.

export interface OpenLevel {
  style: string;
  /** The clause's number value; null for headings without a number. */
  value: readonly number[] | null;
  /** Markdown heading level (`##` → 2); null for everything else. */
  rank: number | null;
}

export interface Placement {
  /** How many open levels stay open; the new clause becomes a child of the last of them. */
  depth: number;
  /** Whether the number fits that place. */
  plausible: boolean;
}

/**
 * `lastOfStyle` is the last number of this style anywhere before, for numbering that runs on
 * through the whole text (第三条 under 第二章 after 第二条 under 第一章).
 */
export function placeNumbered(
  open: readonly OpenLevel[],
  style: string,
  value: readonly number[],
  lastOfStyle: readonly number[] | null = null,
): Placement {
  const sibling = open.findLastIndex((level) => level.style === style);
  if (sibling >= 0) {
    const previous = open[sibling]?.value ?? null;
    return { depth: sibling, plausible: previous !== null && follows(previous, value) };
  }
  const runsOn = lastOfStyle !== null && follows(lastOfStyle, value);
  return { depth: open.length, plausible: runsOn || startsLevel(value, open.at(-1)?.value ?? null) };
}

/** Headings without a number take part in the same style order. */
export function placeUnnumbered(open: readonly OpenLevel[], style: string): number {
  const sibling = open.findLastIndex((level) => level.style === style);
  return sibling >= 0 ? sibling : open.length;
}

/** A markdown heading closes every open level that is not a heading of a higher rank. */
export function placeRanked(open: readonly OpenLevel[], rank: number): number {
  let depth = open.length;
  while (depth > 0 && isClosedBy(open[depth - 1], rank)) depth--;
  return depth;
}

function isClosedBy(level: OpenLevel | undefined, rank: number): boolean {
  return level !== undefined && (level.rank === null || level.rank >= rank);
}

/** 3 → 4; 2.1 → 2.2; and for decimals also 2.3 → 3.1. */
function follows(previous: readonly number[], next: readonly number[]): boolean {
  if (previous.length !== next.length || previous.length === 0) return false;
  const last = next.length - 1;
  if (samePrefix(previous, next, last) && next[last] === (previous[last] ?? 0) + 1) return true;
  return last > 0 && next[last] === 1 && follows(previous.slice(0, last), next.slice(0, last));
}

/** The first clause of a new level is number 1; a decimal one also repeats its parent's number (二 → 2.1). */
function startsLevel(value: readonly number[], parent: readonly number[] | null): boolean {
  const last = value.length - 1;
  if (value[last] !== 1) return false;
  const parentKnown = parent !== null && parent.length === last;
  return !parentKnown || samePrefix(parent, value, last);
}

function samePrefix(a: readonly number[], b: readonly number[], length: number): boolean {
  return a.slice(0, length).every((part, index) => part === b[index]);
}
