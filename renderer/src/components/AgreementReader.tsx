// The agreement as a registrant reads it: contents, three text sizes, the clauses, and the parent's
// agree controls, which stay disabled until the end of the text has been on screen. The end is an
// element after the last clause watched by an IntersectionObserver, so every way of scrolling
// (wheel, touch, scroll bar, End / PageDown / Space, a jump from the contents) counts the same.
// Give the reader a `key` per text version: a new text is a new reading.
import { Segmented, Typography } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDocument, AgreementSection } from '../../../shared/domain/agreement';
import { AgreementText, clauseKey } from './AgreementText';

/** When the text was opened and when its end was first reached; goes into the consent record. */
export interface ReadingRecord {
  openedAt: string;
  reachedEndAt: string;
  durationMs: number;
}

const fontSizes = { small: 16, medium: 20, large: 26 } as const;
type FontSize = keyof typeof fontSizes;

interface TocEntry {
  key: string;
  depth: number;
  label: string;
}

function entryLabel(section: AgreementSection): string {
  const text = section.heading ?? section.paragraphs[0] ?? '';
  const short = section.heading === null && text.length > 18 ? `${text.slice(0, 18)}\u2026` : text;
  return [section.number, short].filter(Boolean).join(' ');
}

/** Top-level clauses, and the clauses below them that have a heading of their own. */
function tableOfContents(document: AgreementDocument): TocEntry[] {
  return document.sections.flatMap((section, index) => [
    { key: clauseKey([index]), depth: 0, label: entryLabel(section) },
    ...section.sections.flatMap((child, childIndex) =>
      child.heading === null ? [] : [{ key: clauseKey([index, childIndex]), depth: 1, label: entryLabel(child) }],
    ),
  ]);
}

interface AgreementReaderProps {
  document: AgreementDocument;
  /** The agree controls; they are also inside a disabled fieldset until the end is reached. */
  actions: (reachedEnd: boolean) => ReactNode;
  onReachedEnd?: (reading: ReadingRecord) => void;
}

export function AgreementReader({ document, actions, onReachedEnd }: AgreementReaderProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const [opened] = useState(() => ({ at: new Date().toISOString(), mono: performance.now() }));
  const [reachedEnd, setReachedEnd] = useState(false);
  const [fontSize, setFontSize] = useState<FontSize>('medium');
  // The observer is set up once per reading; it calls the latest callback the parent passed.
  const report = useRef(onReachedEnd);
  useEffect(() => {
    report.current = onReachedEnd;
  }, [onReachedEnd]);

  useEffect(() => {
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const end = endRef.current;
    if (!end) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        setReachedEnd(true);
        report.current?.({
          openedAt: opened.at,
          reachedEndAt: new Date().toISOString(),
          durationMs: Math.round(performance.now() - opened.mono),
        });
      },
      { root: scrollRef.current },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [opened]);

  function jumpTo(key: string) {
    const container = scrollRef.current;
    const target = container?.querySelector(`[data-clause="${key}"]`);
    if (!container || !target) return;
    container.scrollTop += target.getBoundingClientRect().top - container.getBoundingClientRect().top;
    container.focus({ preventScroll: true });
  }

  const toc = tableOfContents(document);
  const style = { '--reader-font-size': `${fontSizes[fontSize]}px` } as CSSProperties;

  return (
    <div className="reader" style={style}>
      <div className="reader-toolbar">
        <Typography.Text>{t('reader.fontSize')}</Typography.Text>
        <Segmented<FontSize>
          value={fontSize}
          onChange={setFontSize}
          options={(Object.keys(fontSizes) as FontSize[]).map((size) => ({ value: size, label: t(`reader.font.${size}`) }))}
        />
      </div>
      <div className="reader-layout">
        <nav className="reader-toc" aria-label={t('reader.toc')}>
          <Typography.Text strong>{t('reader.toc')}</Typography.Text>
          <ol>
            {toc.map((entry) => (
              <li key={entry.key} className={`reader-toc-depth-${entry.depth}`}>
                <button type="button" onClick={() => jumpTo(entry.key)}>
                  {entry.label}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div ref={scrollRef} className="reader-scroll" tabIndex={0} role="region" aria-label={t('reader.region')}>
          <h2 className="reader-title">{document.title}</h2>
          {document.dateLine && <p className="reader-date">{document.dateLine}</p>}
          <AgreementText document={document} />
          <div ref={endRef} className="reader-end" data-testid="reader-end">
            {t('reader.end')}
          </div>
        </div>
      </div>
      <div className="reader-footer">
        <Typography.Text type={reachedEnd ? 'success' : 'secondary'} aria-live="polite">
          {reachedEnd ? t('reader.reachedEnd') : t('reader.scrollHint')}
        </Typography.Text>
        <fieldset className="reader-actions" disabled={!reachedEnd}>
          {actions(reachedEnd)}
        </fieldset>
      </div>
    </div>
  );
}
