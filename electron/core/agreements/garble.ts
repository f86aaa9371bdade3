// Recognises text that decoded without error but is mojibake: the bytes were in another encoding, or
// were already mangled by an earlier conversion. Importing such a text would put garbage in front of
// registrants under a valid-looking hash, so the importer refuses it.
import { withoutWhitespace } from './chars';

/**
 * What no agreement contains but broken conversions leave behind: U+FFFD, `锟斤拷` (U+FFFD read as
 * GBK), private-use characters, and control characters other than tab, vertical tab and form feed.
 */
const brokenCharacter = /\uFFFD|锟斤拷|\p{Co}|[^\P{Cc}\t\v\f]/u;

/**
 * Share of a line's Han characters outside the common sets above which it is mojibake: UTF-8 read as
 * GBK gives about 60 %, real agreements well under 1 %.
 */
const maxRareHanShare = 0.25;
/** A few rare characters (names, places) are normal; only a run of them is evidence. */
const minSuspicious = 3;
/** Share of a line's characters that are Latin-1 letters (`Ã`, `æ`, `è`) above which Chinese was read as Latin-1. */
const maxLatin1Share = 0.05;

export interface Garbling {
  /** 1-based line of the first garbled line. */
  line: number;
}

/** Checked line by line, so a file that is only partly in the wrong encoding is caught too. */
export function findGarbling(text: string): Garbling | null {
  const index = text.split(/\r\n|\r|\n/u).findIndex(isGarbled);
  return index < 0 ? null : { line: index + 1 };
}

function isGarbled(line: string): boolean {
  if (brokenCharacter.test(line)) return true;
  const han = line.match(/\p{Script=Han}/gu) ?? [];
  const rare = han.filter((char) => !commonHan().has(char)).length;
  if (rare >= minSuspicious && rare / han.length > maxRareHanShare) return true;
  const latin1 = line.match(/[\u00c0-\u00ff]/gu)?.length ?? 0;
  return latin1 >= minSuspicious && latin1 / withoutWhitespace(line).length > maxLatin1Share;
}

let commonHanSet: Set<string> | null = null;

/**
 * GB2312 (simplified) plus Big5 level 1 (traditional): the characters everyday Chinese text is made
 * of. Built from the platform's own decoders instead of an embedded table.
 */
function commonHan(): Set<string> {
  if (commonHanSet) return commonHanSet;
  const set = new Set<string>();
  addDoubleByteRange(set, 'gb18030', [0xb0, 0xf7], [[0xa1, 0xfe]]);
  addDoubleByteRange(set, 'big5', [0xa4, 0xc6], [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ]);
  commonHanSet = set;
  return set;
}

function addDoubleByteRange(
  set: Set<string>,
  encoding: string,
  [firstLead, lastLead]: [number, number],
  trailRanges: [number, number][],
): void {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (const [firstTrail, lastTrail] of trailRanges) {
      for (let trail = firstTrail; trail <= lastTrail; trail++) {
        try {
          set.add(decoder.decode(new Uint8Array([lead, trail])));
        } catch {
          // Unassigned code positions inside the ranges are simply not part of the set.
        }
      }
    }
  }
}
