/**
 * Sections 一, 五 and 六: parts with a title and a text. Parts are added (also the standard ones
 * the format suggests), removed, renamed and reordered with buttons or Alt+↑ / Alt+↓. Titled
 * parts are numbered （一）（二）… in order; a part without a title is a plain paragraph.
 */
import './sectionStrings.ts';
import { memo, useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { partNumber, sectionDef, type Label, type NarrativePart, type NarrativeSectionId } from '../../report/index.ts';
import { useEditor, useFieldStatus } from './context.ts';
import type { PartFields } from './form.ts';
import { markAria, markClass, MarkIcon } from './marks.tsx';
import { CommentNotes } from './ReviewComments.tsx';
import { InsertSentences } from './InsertSentences.tsx';
import { SENTENCE_SECTIONS } from '../../report/publish/sentences.ts';

/** A suggested part counts as present when a title holds most of its characters. */
export function hasPartLike(titles: readonly string[], suggestion: string): boolean {
  const wanted = [...new Set(suggestion.replace(/情况$/, ''))];
  return titles.some((title) => {
    const have = new Set(title);
    return wanted.filter((c) => have.has(c)).length / wanted.length >= 0.75;
  });
}

interface PartProps {
  section: NarrativeSectionId;
  part: PartFields;
  index: number;
  count: number;
  number: string | null;
  title: string;
  readOnly: boolean;
  onMove: (from: number, to: number, field: 'title' | 'text') => void;
  onRemove: (index: number) => void;
}

const PartEditor = memo(function PartEditor({ section, part, index, count, number, title, readOnly, onMove, onRemove }: PartProps) {
  const { t } = useTranslation();
  const base = `narrative.${section}.${index}` as const;
  const titleStatus = useFieldStatus(`${base}.title`);
  const textStatus = useFieldStatus(`${base}.text`);
  // A finding about the whole section (nothing written, no fee statement) marks its first part.
  const sectionStatus = useFieldStatus(`narrative.${section}`);
  const shownTextStatus = index === 0 && sectionStatus.marks.length > 0 && textStatus.marks.length === 0 ? sectionStatus : textStatus;
  // Review comments on the part always show at its text, whichever findings mark it.
  const textAria =
    shownTextStatus === textStatus
      ? markAria(`${base}.text`, textStatus)
      : markAria(`narrative.${section}`, textStatus.comments ? { ...sectionStatus, comments: textStatus.comments } : sectionStatus);
  const [confirming, setConfirming] = useState(false);
  const position = index + 1;
  const name = number ? `${number}${title}` : t('editor.narrative.untitled', { n: position });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (readOnly || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const field = (e.target as HTMLElement).dataset.path?.endsWith('.title') ? 'title' : 'text';
    const to = index + (e.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= count) return;
    e.preventDefault();
    onMove(index, to, field);
  };

  const remove = () => {
    const text = part.text.value;
    if (text.trim() && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    onRemove(index);
  };

  return (
    <li className="part" onKeyDown={onKeyDown}>
      <div className="part-head">
        <span className="part-number" aria-hidden="true">
          {number ?? '·'}
        </span>
        <div className={`part-title ${markClass(titleStatus)}`}>
          <input
            type="text"
            data-path={`${base}.title`}
            aria-label={t('editor.narrative.partTitle', { n: position })}
            placeholder={t('editor.narrative.titlePlaceholder')}
            lang="zh-CN"
            readOnly={readOnly}
            {...markAria(`${base}.title`, titleStatus)}
            {...part.title.props}
          />
          <MarkIcon status={titleStatus} />
        </div>
        {readOnly ? null : (
          <div className="part-actions">
            <button
              type="button"
              onClick={() => onMove(index, index - 1, 'title')}
              disabled={index === 0}
              aria-label={t('editor.narrative.moveUp', { part: name })}
              title={t('editor.narrative.moveUpHint')}
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => onMove(index, index + 1, 'title')}
              disabled={index === count - 1}
              aria-label={t('editor.narrative.moveDown', { part: name })}
              title={t('editor.narrative.moveDownHint')}
            >
              ↓
            </button>
            <button type="button" className={confirming ? 'danger' : undefined} onClick={remove} aria-label={confirming ? t('editor.narrative.confirmRemove', { part: name }) : t('editor.narrative.remove', { part: name })}>
              {confirming ? t('editor.narrative.confirmRemoveShort') : t('editor.narrative.removeShort')}
            </button>
            {confirming ? (
              <button type="button" onClick={() => setConfirming(false)}>
                {t('editor.narrative.cancel')}
              </button>
            ) : null}
          </div>
        )}
      </div>
      <CommentNotes status={textStatus} />
      <div className={`part-text ${markClass(shownTextStatus)}${textStatus.comments && shownTextStatus !== textStatus ? ' has-comment' : ''}`}>
        <textarea
          data-path={`${base}.text`}
          aria-label={t('editor.narrative.partText', { part: name })}
          rows={4}
          lang="zh-CN"
          readOnly={readOnly}
          {...textAria}
          {...part.text.props}
        />
        <MarkIcon status={shownTextStatus} />
      </div>
    </li>
  );
});

export function NarrativeSection({ section, readOnly }: { section: NarrativeSectionId; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { form, syncParts } = useEditor();
  const name = `narrative.${section}` as const;
  // The parts (a new array only when one is added, removed or moved) and their titles, which
  // decide the numbering; texts are not followed, so typing in a text re-renders nothing.
  const fields = useSyncExternalStore(form.subscribeParts, () => form.partList(section));
  const titleText = useSyncExternalStore(form.subscribeParts, () => form.titles(section));
  const titles = fields.length > 0 ? titleText.split('\u0000') : [];
  const pendingFocus = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The part last removed, offered back (撤销) until the parts change otherwise. */
  const [removed, setRemoved] = useState<{ index: number; part: { title: string; text: string } } | null>(null);

  // Layout effect: the focus follows the moved part in the same commit, so a quick second
  // Alt+Arrow lands on it and not on whatever now sits at the old place.
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    const el = list.current?.parentElement?.querySelector<HTMLElement>(`[data-path="${pendingFocus.current}"]`);
    pendingFocus.current = null;
    el?.focus();
  });

  /** The parts changed (the document follows, syncParts, by the caller). */
  const edit = useCallback(
    (change: (parts: PartFields[]) => void) => {
      const parts = [...form.partList(section)];
      change(parts);
      form.setParts(section, parts);
    },
    [form, section],
  );
  const append = useCallback((part: NarrativePart) => edit((parts) => parts.push(form.newPart(section, part))), [edit, form, section]);
  const insert = (index: number, part: NarrativePart) => edit((parts) => parts.splice(index, 0, form.newPart(section, part)));

  const numbers: (string | null)[] = [];
  let titled = 0;
  for (const title of titles) numbers.push(title.trim() ? partNumber(titled++) : null);

  const onMove = useCallback(
    (from: number, to: number, field: 'title' | 'text') => {
      if (to < 0 || to >= form.partList(section).length) return;
      edit((parts) => parts.splice(to, 0, ...parts.splice(from, 1)));
      syncParts(section);
      setRemoved(null);
      pendingFocus.current = `${name}.${to}.${field}`;
      setAnnouncement(t('editor.narrative.moved', { from: from + 1, to: to + 1 }));
    },
    [edit, form, name, section, syncParts, t],
  );

  const onRemove = useCallback(
    (index: number) => {
      const count = form.partList(section).length;
      const part = form.partValues(section)[index]!;
      edit((parts) => parts.splice(index, 1));
      syncParts(section);
      const next = Math.min(index, count - 2);
      pendingFocus.current = next >= 0 ? `${name}.${next}.title` : null;
      setRemoved({ index, part });
      const title = part.title.trim();
      setAnnouncement(title ? t('editor.narrative.removedTitled', { title }) : t('editor.narrative.removed', { n: index + 1 }));
    },
    [edit, form, name, section, syncParts, t],
  );

  /** 撤销: the removed part back where it was, its title and text as they were. */
  const undoRemove = () => {
    if (!removed) return;
    insert(removed.index, removed.part);
    syncParts(section);
    pendingFocus.current = `${name}.${removed.index}.text`;
    setRemoved(null);
    setAnnouncement(t('editor.narrative.restored', { n: removed.index + 1 }));
  };

  const add = (label?: Label) => {
    append({ title: label?.zh ?? '', text: '' });
    syncParts(section);
    setRemoved(null);
    pendingFocus.current = `${name}.${fields.length}.${label ? 'text' : 'title'}`;
    setAnnouncement(t('editor.narrative.added', { n: fields.length + 1 }));
  };

  /** An untitled opening paragraph (一 often starts with one): first, in one click. */
  const addOpening = () => {
    insert(0, { title: '', text: '' });
    syncParts(section);
    setRemoved(null);
    pendingFocus.current = `${name}.0.text`;
    setAnnouncement(t('editor.narrative.added', { n: 1 }));
  };

  const suggestions = (sectionDef(section).suggestedParts ?? []).filter((s) => !hasPartLike(titles, s.zh));

  return (
    <div className="narrative">
      {readOnly || (fields.length > 0 && !titles[0]?.trim()) ? null : (
        <p className="parts-opening">
          <button type="button" onClick={addOpening}>
            {t('editor.narrative.addOpening')}
          </button>
        </p>
      )}
      <ol className="parts" ref={list} data-part-list={section}>
        {fields.map((field, index) => (
          <PartEditor
            key={field.key}
            section={section}
            part={field}
            index={index}
            count={fields.length}
            number={numbers[index] ?? null}
            title={titles[index] ?? ''}
            readOnly={readOnly}
            onMove={onMove}
            onRemove={onRemove}
          />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="parts-add">
          <button type="button" onClick={() => add()}>
            {t('editor.narrative.add')}
          </button>
          {suggestions.length > 0 ? (
            <span className="suggestions">
              <span className="muted">{t('editor.narrative.suggested')}</span>
              {suggestions.map((s) => (
                <button key={s.zh} type="button" className="suggestion" onClick={() => add(s)} title={lang === 'en' ? s.zh : undefined}>
                  + {s[lang]}
                </button>
              ))}
            </span>
          ) : null}
        </div>
      )}
      {readOnly || !SENTENCE_SECTIONS.includes(section) ? null : <InsertSentences section={section} append={append} hasPartLike={hasPartLike} />}
      <div className={removed ? 'parts-notice' : 'visually-hidden'}>
        <p role="status">{announcement}</p>
        {removed ? (
          <button type="button" onClick={undoRemove}>
            {t('editor.narrative.undoRemove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
