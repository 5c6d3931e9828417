/**
 * 插入表格数据说明: the standard sentences written from the current tables (report/publish),
 * shown first, then added to the end of the part they belong in (or as that part, when the
 * section has none like it). They are then the clerk's text like any other: editable, and read
 * by the narrative rules against the tables.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NarrativePart, NarrativeSectionId, Report } from '../../report/index.ts';
import { standardSentences, type StandardSentence } from '../../report/publish/sentences.ts';
import { useEditor } from './context.ts';
import './sentences.css';

interface Planned {
  readonly sentence: StandardSentence;
  /** The part it goes into; null: a new part titled as the standard one. */
  readonly index: number | null;
  /** The part's text holds it already (inserted before, figures unchanged). */
  readonly present: boolean;
}

type PartMatcher = (titles: readonly string[], suggestion: string) => boolean;

function plan(section: NarrativeSectionId, report: Report, parts: readonly { title: string; text: string }[], hasPartLike: PartMatcher): Planned[] {
  return standardSentences(report)
    .filter((s) => s.section === section)
    .map((sentence) => {
      const found = parts.findIndex((p) => hasPartLike([p.title], sentence.part.zh));
      const index = found >= 0 ? found : null;
      return { sentence, index, present: index !== null && parts[index]!.text.includes(sentence.text) };
    });
}

export function InsertSentences({
  section,
  append,
  hasPartLike,
}: {
  section: NarrativeSectionId;
  /** Adds a part at the end of the section (the caller tells the document). */
  append: (part: NarrativePart) => void;
  /** Whether a part is the standard one (as the section's suggestions decide it). */
  hasPartLike: PartMatcher;
}) {
  const { t } = useTranslation();
  const { form, store, syncParts } = useEditor();
  const [planned, setPlanned] = useState<Planned[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const isOpen = planned !== null;
  // On opening, the reader starts at the preview's heading (not on each re-render: a checkbox keeps focus).
  useEffect(() => {
    if (isOpen) heading.current?.focus();
  }, [isOpen]);

  const parts = () => form.partValues(section);

  const open = () => {
    const next = plan(section, store.getReport(), parts(), hasPartLike);
    setPlanned(next);
    setChosen(new Set(next.flatMap((p, i) => (p.present ? [] : [i]))));
    setAnnouncement('');
  };

  const close = () => {
    setPlanned(null);
    opener.current?.focus();
  };

  const insert = () => {
    if (!planned) return;
    const current = parts();
    // Sentences for the same part go in together, in their order, one paragraph each.
    const intoExisting = new Map<number, string[]>();
    const intoNew = new Map<string, string[]>();
    planned.forEach((p, i) => {
      if (!chosen.has(i)) return;
      if (p.index !== null) intoExisting.set(p.index, [...(intoExisting.get(p.index) ?? []), p.sentence.text]);
      else intoNew.set(p.sentence.part.zh, [...(intoNew.get(p.sentence.part.zh) ?? []), p.sentence.text]);
    });
    for (const [index, texts] of intoExisting) {
      const before = current[index]!.text.replace(/\s+$/, '');
      form.set(`narrative.${section}.${index}.text`, [before, ...texts].filter(Boolean).join('\n'));
    }
    for (const [title, texts] of intoNew) append({ title, text: texts.join('\n') });
    syncParts(section);
    const count = [...intoExisting.values(), ...intoNew.values()].reduce((a, x) => a + x.length, 0);
    setPlanned(null);
    setAnnouncement(t('editor.sentences.inserted', { n: count }));
    // The clerk reads on where the text went: the first part written to.
    const first = intoExisting.size > 0 ? Math.min(...intoExisting.keys()) : current.length;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-path="narrative.${section}.${first}.text"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  const blank = planned ? new Set(planned.flatMap((p) => p.sentence.blank)).size : 0;

  return (
    <div className="insert-sentences">
      <button type="button" ref={opener} onClick={open} aria-expanded={planned !== null}>
        {t('editor.sentences.open')}
      </button>
      {planned ? (
        <div className="sentences-preview" role="group" aria-labelledby={headingId} onKeyDown={onKeyDown}>
          <h3 id={headingId} tabIndex={-1} ref={heading}>
            {t('editor.sentences.heading')}
          </h3>
          <p className="muted">{t('editor.sentences.help')}</p>
          {blank > 0 ? <p className="sentences-blank">{t('editor.sentences.blank', { n: blank })}</p> : null}
          <ul>
            {planned.map((p, i) => {
              const where =
                p.index === null
                  ? t('editor.sentences.newPart', { title: p.sentence.part.zh })
                  : t('editor.sentences.endOf', { title: parts()[p.index]!.title || t('editor.narrative.untitled', { n: p.index + 1 }) });
              return (
                <li key={p.sentence.topic}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(i)}
                      disabled={p.present}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(i);
                        else next.delete(i);
                        setChosen(next);
                      }}
                    />
                    <span>
                      {t(`editor.sentences.topic.${p.sentence.topic}`)} → {where}
                      {p.present ? <em> {t('editor.sentences.present')}</em> : null}
                    </span>
                  </label>
                  <p className="sentence-text" lang="zh-CN">
                    {p.sentence.text}
                  </p>
                </li>
              );
            })}
          </ul>
          <div className="sentences-actions">
            <button type="button" className="primary" onClick={insert} disabled={chosen.size === 0}>
              {t('editor.sentences.insert', { n: chosen.size })}
            </button>
            <button type="button" onClick={close}>
              {t('editor.narrative.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
