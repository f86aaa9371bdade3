// Builds the clause tree from the tidied lines after the header, in one pass: each line opens a
// clause (a number, a bracketed heading, a markdown heading, a guessed heading), continues the
// paragraph a previous line left open, or starts a new paragraph in the innermost open clause.
import { headingOf, isUnnumberedHeading, splitHeading, standaloneBracketHeading } from './headings';
import type { SourceLine } from './lines';
import { isMarkdownListItem, markdownHeading } from './markdown';
import { recogniseLabel, type NumberLabel } from './numbering';
import {
  blankLinesEndParagraphs,
  endsParagraph,
  endsWithFullStop,
  endsWithSemicolon,
  joinLines,
} from './paragraphs';
import { placeNumbered, placeRanked, placeUnnumbered, type OpenLevel } from './sequence';
import type { AgreementFormat, AgreementSection, ImportWarning, ImportWarningCode } from './types';

export interface Body {
  preamble: string[];
  sections: AgreementSection[];
  warnings: ImportWarning[];
}

export function buildBody(lines: readonly SourceLine[], format: AgreementFormat): Body {
  return new BodyBuilder(lines, format).build();
}

interface OpenSection extends OpenLevel {
  section: AgreementSection;
}

/** The paragraph the next line may still join. */
interface CurrentParagraph {
  paragraphs: string[];
  open: boolean;
}

class BodyBuilder {
  private readonly preamble: string[] = [];
  private readonly sections: AgreementSection[] = [];
  private readonly warnings: ImportWarning[] = [];
  private readonly open: OpenSection[] = [];
  private current: CurrentParagraph | null = null;
  private readonly lastOfStyle = new Map<string, readonly number[]>();
  private readonly blanksEndParagraphs: boolean;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly format: AgreementFormat,
  ) {
    // In markdown a blank line always ends a paragraph; plain text is judged by its habits.
    this.blanksEndParagraphs = format === 'markdown' || blankLinesEndParagraphs(lines);
  }

  build(): Body {
    this.lines.forEach((line, index) => this.read(line, this.lines[index + 1]));
    return { preamble: this.preamble, sections: this.sections, warnings: this.warnings };
  }

  private read(line: SourceLine, next: SourceLine | undefined): void {
    if (this.format === 'markdown' && this.readMarkdownBlock(line)) return;
    if (this.readNumbered(line)) return;
    if (this.readBracketHeading(line)) return;
    if (this.continueParagraph(line)) return;
    if (this.format === 'text' && this.readUnnumberedHeading(line, next)) return;
    this.startParagraph(line);
  }

  private readMarkdownBlock(line: SourceLine): boolean {
    const heading = markdownHeading(line.text);
    if (heading) {
      const label = recogniseLabel(heading.content);
      const section = newSection(line.text, label?.number ?? null, headingOf(label?.rest ?? heading.content));
      this.openSection(section, placeRanked(this.open, heading.rank), {
        style: `markdown-${heading.rank}`,
        value: null,
        rank: heading.rank,
      });
      return true;
    }
    if (isMarkdownListItem(line.text)) {
      this.addParagraph(line.text);
      return true;
    }
    return false;
  }

  private readNumbered(line: SourceLine): boolean {
    const label = recogniseLabel(line.text);
    if (!label) return false;
    const placement = placeNumbered(this.open, label.style, label.value, this.lastOfStyle.get(label.style) ?? null);
    if (!placement.plausible) {
      if (this.isText(label)) {
        this.warn(line, 'numbering_ignored');
        return false;
      }
      this.warn(line, 'numbering_sequence');
    }
    const rest = splitHeading(label.rest);
    const opening = rest.opening === '' ? label.label : label.label + label.gap + rest.opening;
    this.openSection(newSection(opening, label.number, rest.heading), placement.depth, {
      style: label.style,
      value: label.value,
      rank: null,
    });
    this.lastOfStyle.set(label.style, label.value);
    if (rest.paragraph !== null) this.addParagraph(rest.paragraph);
    return true;
  }

  /** A label whose number does not fit is text when the label alone is not convincing. */
  private isText(label: NumberLabel): boolean {
    switch (label.evidence) {
      case 'glued':
        return true;
      case 'weak':
        return this.format === 'text' && this.current?.open === true;
      case 'strong':
        return false;
    }
  }

  /** A line that is only `【定义】`. With text after it (`【审慎阅读】您在注册前……`) it is a paragraph with a lead-in. */
  private readBracketHeading(line: SourceLine): boolean {
    const bracket = standaloneBracketHeading(line.text);
    if (!bracket) return false;
    const style = 'bracket';
    this.openSection(newSection(bracket.opening, null, bracket.heading), placeUnnumbered(this.open, style), {
      style,
      value: null,
      rank: null,
    });
    return true;
  }

  private continueParagraph(line: SourceLine): boolean {
    const current = this.current;
    if (!current?.open) return false;
    if (this.format === 'markdown' && line.blankBefore) return false;
    if (line.blankBefore && this.blanksEndParagraphs) this.warn(line, 'joined_across_blank_line');
    const last = current.paragraphs.length - 1;
    const joined = joinLines(current.paragraphs[last] ?? '', line.text);
    current.paragraphs[last] = joined;
    current.open = this.format === 'markdown' || !endsParagraph(joined);
    return true;
  }

  /**
   * Only where a heading can stand: at the start of the body or after a finished paragraph. Right
   * after a clause's opening line, a short line is the start of its text (`二、期限` / `本协议有效期至`).
   */
  private readUnnumberedHeading(line: SourceLine, next: SourceLine | undefined): boolean {
    const atStart = this.open.length === 0 && this.preamble.length === 0;
    if (!(atStart || this.current !== null) || !isUnnumberedHeading(line.text, next?.text)) return false;
    const style = 'heading';
    this.openSection(newSection(line.text, null, line.text), placeUnnumbered(this.open, style), {
      style,
      value: null,
      rank: null,
    });
    this.warn(line, 'heading_guess');
    return true;
  }

  private startParagraph(line: SourceLine): void {
    if (this.format === 'text' && this.listHasEnded()) this.warn(line, 'paragraph_after_list');
    this.addParagraph(line.text);
  }

  /**
   * The innermost clause is the last item of a list whose items end in semicolons and whose last
   * item ends in a full stop: text after it probably belongs to the clause above, but the tree keeps
   * paragraphs before sub-clauses, so it stays with the item and a person is asked to look.
   */
  private listHasEnded(): boolean {
    const item = this.open.at(-1)?.section;
    const siblings = this.open.at(-2)?.section.sections ?? this.sections;
    const previous = siblings.at(-2);
    const itemEnd = item?.paragraphs.at(-1);
    const previousEnd = previous?.paragraphs.at(-1);
    return (
      itemEnd !== undefined && previousEnd !== undefined && endsWithFullStop(itemEnd) && endsWithSemicolon(previousEnd)
    );
  }

  private openSection(section: AgreementSection, depth: number, level: OpenLevel): void {
    this.open.length = depth;
    (this.open.at(-1)?.section.sections ?? this.sections).push(section);
    this.open.push({ ...level, section });
    this.current = null;
  }

  private addParagraph(text: string): void {
    const paragraphs = this.open.at(-1)?.section.paragraphs ?? this.preamble;
    paragraphs.push(text);
    this.current = { paragraphs, open: this.format === 'markdown' || !endsParagraph(text) };
  }

  private warn(line: SourceLine, code: ImportWarningCode): void {
    this.warnings.push({ line: line.lineNo, code, text: line.text });
  }
}

function newSection(opening: string, number: string | null, heading: string | null): AgreementSection {
  return { number, heading, opening, paragraphs: [], sections: [] };
}
