// The clauses of an agreement as plain DOM: numbers and headings styled, no per-line state. Each
// top-level clause is skipped by the browser while off screen (`content-visibility: auto`), so long
// agreements scroll smoothly; its estimated height keeps the end of the text where it belongs until
// the clause is laid out for real.
import { memo, type CSSProperties } from 'react';
import type { AgreementDocument, AgreementSection } from '../../../shared/domain/agreement';

/** `data-clause` value of a clause: its path of indexes, e.g. `2.0.1`. */
export function clauseKey(path: readonly number[]): string {
  return path.join('.');
}

function textLength(section: AgreementSection): number {
  return section.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, section.heading?.length ?? 0) +
    section.sections.reduce((sum, child) => sum + textLength(child), 0);
}

function paragraphCount(section: AgreementSection): number {
  return section.paragraphs.length + section.sections.reduce((sum, child) => sum + paragraphCount(child), 1);
}

/** A rough height in px at the largest font, used only until the clause has been rendered once. */
function estimatedHeight(section: AgreementSection): number {
  return Math.round(textLength(section) * 1.6 + paragraphCount(section) * 40);
}

function Clause({ section, path }: { section: AgreementSection; path: number[] }) {
  const depth = path.length - 1;
  const number = section.number === null ? null : <span className="clause-number">{section.number}</span>;
  const [first, ...rest] = section.paragraphs;
  // Without a heading the number runs into the clause's first sentence, as the source writes it.
  const runIn = section.heading === null && first !== undefined;
  const style: CSSProperties | undefined =
    depth === 0 ? { containIntrinsicSize: `auto ${estimatedHeight(section)}px` } : undefined;
  return (
    <section className={depth === 0 ? 'clause clause-top' : 'clause'} data-clause={clauseKey(path)} style={style}>
      {section.heading !== null &&
        (depth === 0 ? (
          <h3 className="clause-heading">
            {number}
            {section.heading}
          </h3>
        ) : (
          <h4 className="clause-heading">
            {number}
            {section.heading}
          </h4>
        ))}
      {runIn ? (
        <p>
          {number}
          {first}
        </p>
      ) : (
        section.heading === null && number
      )}
      {(runIn ? rest : section.paragraphs).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {section.sections.length > 0 && (
        <div className="clause-children">
          {section.sections.map((child, index) => (
            <Clause key={index} section={child} path={[...path, index]} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Rendered once per document: changing the font size only changes a CSS variable above it. */
export const AgreementText = memo(function AgreementText({ document }: { document: AgreementDocument }) {
  return (
    <>
      {document.preamble.length > 0 && (
        <section className="clause clause-top" data-clause="preamble">
          {document.preamble.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      )}
      {document.sections.map((section, index) => (
        <Clause key={index} section={section} path={[index]} />
      ))}
    </>
  );
});
