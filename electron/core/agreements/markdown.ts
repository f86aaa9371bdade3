// The two markdown constructs the importer gives meaning to: `#` headings (their level nests them)
// and bullet list items (each its own paragraph). Everything else is text, markers included.

export interface MarkdownHeading {
  rank: number;
  content: string;
}

export function markdownHeading(text: string): MarkdownHeading | null {
  const match = /^(#{1,6}) (.*\S.*)$/u.exec(text);
  return match ? { rank: match[1]?.length ?? 1, content: match[2] ?? '' } : null;
}

export function isMarkdownListItem(text: string): boolean {
  return /^[-*+] \S/u.test(text);
}
