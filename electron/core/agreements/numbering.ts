// Recognises the numbering a clause line starts with (`一、` `（一）` `1.` `1、` `2.1` `(1)` `①`
// `第三条` …) and reads its value. Whether a recognised label really is numbering, rather than a
// sentence that happens to start with a digit, is decided by its place in the sequence (sequence.ts).

export interface NumberLabel {
  /**
   * Which numbering family the label belongs to; nesting is decided per style. Full- and half-width
   * brackets and dots count as one style, since extracted text mixes them freely.
   */
  style: string;
  /** The label as written, without the separator after it: `一`, `（一）`, `2.1`, `(1)`, `第三条`. */
  number: string;
  /** Its value; a path for decimal labels (`2.1` → [2, 1]). */
  value: number[];
  /** The label with its separator, as written: `一、`, `（一）`, `2.1`, `1.`. */
  label: string;
  /** The whitespace the source puts between the label and the text after it: '' or ' '. */
  gap: string;
  /** The rest of the line. */
  rest: string;
  /** How sure the label alone is that this is numbering (see Evidence). */
  evidence: Evidence;
}

/**
 * `strong`: only numbering looks like this (`一、` `（一）` `①`). `weak`: sentences can start with
 * digits too, so a wrong number in the middle of a sentence means text. `glued`: a digit label with
 * nothing after it (`1.5倍`, `第三条规定`), which is text unless its number fits exactly.
 */
export type Evidence = 'strong' | 'weak' | 'glued';

const chineseDigits: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const chineseNumeral = '[零〇一二三四五六七八九十百]{1,5}';

interface Pattern {
  style: (number: string) => string;
  regex: RegExp;
  value: (number: string) => number[] | null;
  evidence: (glued: boolean) => Evidence;
}

const strong = (): Evidence => 'strong';
const weak = (): Evidence => 'weak';

// Every pattern captures: number, separator, gap, rest.
const patterns: Pattern[] = [
  {
    style: () => 'chinese',
    regex: new RegExp(`^(${chineseNumeral})([、．.])( ?)(.*)$`, 'u'),
    value: (number) => single(chineseNumeralValue(number)),
    evidence: strong,
  },
  {
    style: () => 'chinese-paren',
    regex: new RegExp(`^([（(] ?${chineseNumeral} ?[）)])([、．.]?)( ?)(.*)$`, 'u'),
    value: (number) => single(chineseNumeralValue(number.replace(/[（()） ]/gu, ''))),
    evidence: strong,
  },
  {
    style: () => 'arabic-paren',
    regex: /^([（(] ?\d{1,3} ?[）)])([、．.]?)( ?)(.*)$/u,
    value: (number) => [Number(number.replace(/\D/gu, ''))],
    evidence: strong,
  },
  {
    style: (number) => `decimal-${number.split(/[.．]/u).length}`,
    regex: /^(\d{1,3}(?:[.．]\d{1,3})+)([.．、]?)(?![\d.．])( ?)(.*)$/u,
    value: (number) => number.split(/[.．]/u).map(Number),
    evidence: (glued) => (glued ? 'glued' : 'weak'),
  },
  {
    style: () => 'arabic',
    regex: /^(\d{1,3})([.．、])(?![\d.．])( ?)(.*)$/u,
    value: (number) => [Number(number)],
    evidence: weak,
  },
  {
    style: () => 'arabic-half-paren',
    regex: /^(\d{1,3})([）)])( ?)(.*)$/u,
    value: (number) => [Number(number)],
    evidence: weak,
  },
  {
    style: () => 'circled',
    regex: /^([\u2460-\u2473])([、．.]?)( ?)(.*)$/u,
    value: (number) => [(number.codePointAt(0) ?? 0x2460) - 0x2460 + 1],
    evidence: strong,
  },
  {
    style: (number) => `ordinal-${number.at(-1) ?? ''}`,
    regex: new RegExp(`^(第(?:${chineseNumeral}|\\d{1,3})[条章节])([、．.：:]?)( ?)(.*)$`, 'u'),
    value: (number) => single(ordinalValue(number.slice(1, -1))),
    evidence: (glued) => (glued ? 'glued' : 'strong'),
  },
];

export function recogniseLabel(text: string): NumberLabel | null {
  for (const pattern of patterns) {
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const [, number = '', separator = '', gap = '', rest = ''] = match;
    const value = pattern.value(number);
    if (value === null) continue;
    return {
      style: pattern.style(number),
      number,
      value,
      label: number + separator,
      gap,
      rest,
      evidence: pattern.evidence(separator === '' && gap === ''),
    };
  }
  return null;
}

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103; null for strings that are not a Chinese numeral. */
export function chineseNumeralValue(numeral: string): number | null {
  let total = 0;
  let pending: number | null = null;
  for (const char of numeral) {
    const digit = chineseDigits[char];
    if (digit !== undefined) {
      pending = digit;
    } else if (char === '十' || char === '百') {
      total += (pending ?? 1) * (char === '十' ? 10 : 100);
      pending = null;
    } else {
      return null;
    }
  }
  const value = total + (pending ?? 0);
  return value > 0 ? value : null;
}

function ordinalValue(numeral: string): number | null {
  return /^\d+$/u.test(numeral) ? Number(numeral) : chineseNumeralValue(numeral);
}

function single(value: number | null): number[] | null {
  return value === null ? null : [value];
}
