// A one-line-per-clause summary of an agreement (number, heading, paragraph count), indented by
// nesting: what IT staff check after importing a new version, and what the snapshot tests pin.
import type { AgreementDocument, AgreementSection } from './types';

export function outline(document: AgreementDocument): string {
  const lines = [`${document.title} [preamble ${document.preamble.length}¶]`];
  const addSection = (section: AgreementSection, depth: number): void => {
    const heading = section.heading === null ? '' : ` ${section.heading}`;
    lines.push(`${'  '.repeat(depth)}${section.number ?? '·'}${heading} [${section.paragraphs.length}¶]`);
    section.sections.forEach((child) => addSection(child, depth + 1));
  };
  document.sections.forEach((section) => addSection(section, 0));
  return `${lines.join('\n')}\n`;
}
