// Finds the date an agreement says it was published, updated or took effect (`更新于 : 2022-05-22`,
// `生效日期：2022年5月22日`, `本协议自2022年5月22日起生效`) and writes it as an ISO date.
import { charLength } from './chars';

const date = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const keyword = '(?:更新于|更新日期|更新时间|最近更新|最后更新|发布于|发布日期|发布时间|生效日期|生效时间|修订日期|版本日期)';
const statedDate = new RegExp(`${keyword}\\s*[为是]?\\s*[:：]?\\s*${date}|自\\s*${date}\\s*起(?:生效|施行|实施)`, 'u');
const anyDate = new RegExp(date, 'u');
/** A date line is a label and a date, not a sentence. */
const maxDateLine = 40;

/** The line states a date and nothing else worth a paragraph (`更新于 : 2022-05-22`). */
export function isDateLine(text: string): boolean {
  return charLength(text) <= maxDateLine && !/[，,。；;]/u.test(text) && isoDate(anyDate.exec(asciiDigits(text))) !== null;
}

/** The first stated date: a date line may state it bare, the body only next to a keyword. */
export function findPublishedAt(dateLine: string | null, body: readonly string[]): string | null {
  if (dateLine !== null) {
    const digits = asciiDigits(dateLine);
    const found = isoDate(statedDate.exec(digits)) ?? isoDate(anyDate.exec(digits));
    if (found !== null) return found;
  }
  for (const text of body) {
    const found = isoDate(statedDate.exec(asciiDigits(text)));
    if (found !== null) return found;
  }
  return null;
}

/** Full-width digits (`２０２２`) read as digits; each is one UTF-16 unit, so offsets stay put. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30));
}

function isoDate(match: RegExpExecArray | null): string | null {
  if (!match) return null;
  // Keyword form fills groups 1–3, the 自…起生效 form groups 4–6.
  const [year, month, day] = (match[1] === undefined ? match.slice(4, 7) : match.slice(1, 4)).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return valid ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
