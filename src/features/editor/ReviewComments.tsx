/**
 * The clerk's side of review (issue 6): the 政务公开办's comments, as they came back in the
 * report file, shown where they point — marks and descriptions on cells, notes beside fields
 * and parts, the whole report's comments and the return reason at the top — and a panel that
 * lists them all, goes to each, and marks it resolved or open again. Resolving is an edit of
 * the document (its `review` block), so it autosaves like any other and is refused while the
 * report is 定稿 (read-only).
 *
 * Everything here reads the store's ReviewPlacement, which changes only when a comment or its
 * place does, never on a keystroke in a cell.
 */
import './reviewStrings.ts';
// A part's name without a title (第n段（无标题）) is in the sections' strings.
import './sectionStrings.ts';
import { memo, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLang } from '../../i18n/index.ts';
import {
  CELL_BY_ID,
  META_FIELDS,
  cellLabel,
  partNumber,
  reopenComment,
  resolveComment,
  resolvedSinceReturn,
  returnReason,
  sectionDef,
  type Lang,
  type NarrativeSectionId,
  type Report,
} from '../../report/index.ts';
import { useFormatDateTime } from '../../ui/format.ts';
import { onConnectionChange, rememberedConnection } from '../../sync/connection.ts';
import { useDerivedValue, useEditor, useStoreValue } from './context.ts';
import type { FieldStatus, PlacedComment, ReviewPlacement } from './store.ts';

// i18next's own TFunction: ReturnType<typeof useTranslation>['t'] instantiates the whole key
// union again and, with ~700 keys, went past TypeScript's depth (TS2589) at targetName's t().
type T = TFunction;

/** Why the clerk cannot resolve comments right now: 定稿, or the parent made the editor read-only. */
export type ReviewLock = 'ready' | 'readOnly' | null;

/** Where a comment points, in words: the section, and the cell, field or part within it. */
export interface TargetName {
  readonly section: string;
  readonly name: string;
}

export function targetName(report: Report, placed: PlacedComment, lang: Lang, t: T): TargetName {
  const { target } = placed;
  if (!target) return { section: '', name: t('editor.review.whole') };
  const cell = CELL_BY_ID.get(target);
  if (cell) return { section: sectionDef(cell.section).heading[lang], name: cellLabel(target, lang) };
  const meta = /^meta\.(\w+)$/.exec(target)?.[1];
  if (meta && meta in META_FIELDS) return { section: t('editor.nav.meta'), name: META_FIELDS[meta as keyof typeof META_FIELDS][lang] };
  if (target === 'narrative.preamble') return { section: t('editor.nav.meta'), name: t('editor.meta.preamble') };
  const part = /^narrative\.(overview|problems|other)\.(\d+)$/.exec(target);
  if (part) {
    const section = part[1] as NarrativeSectionId;
    const index = Number(part[2]);
    const parts = report.narrative[section];
    const title = parts[index]?.title.trim() ?? '';
    // Numbered as printed: only titled parts take （一）（二）….
    const name = title ? `${partNumber(parts.slice(0, index).filter((p) => p.title.trim()).length)}${title}` : t('editor.narrative.untitled', { n: index + 1 });
    return { section: sectionDef(section).heading[lang], name };
  }
  return { section: '', name: target };
}

const titlesKeys = new WeakMap<Report['narrative'], string>();

/** The part titles, as one string: a comment's name changes with its part's title. Cached: read on every keystroke. */
function titlesKey(report: Report): string {
  const { narrative } = report;
  let key = titlesKeys.get(narrative);
  if (key === undefined) {
    key = [narrative.overview, narrative.problems, narrative.other].map((parts) => parts.map((p) => p.title).join('\u0001')).join('\u0002');
    titlesKeys.set(narrative, key);
  }
  return key;
}


/** Open comments beside a field, the preamble or a part. */
export function CommentNotes({ status }: { status: FieldStatus }) {
  const { t } = useTranslation();
  const format = useFormatDateTime();
  if (!status.comments) return null;
  return (
    <ul className="comment-notes" aria-label={t('editor.review.heading')}>
      {status.comments.map((c) => (
        <CommentNote key={c.index} placed={c} t={t} format={format} />
      ))}
    </ul>
  );
}

function CommentNote({ placed, t, format }: { placed: PlacedComment; t: T; format: (iso: string) => string }) {
  return (
    <li className="comment-note">
      <span className="comment-note-head">
        <span aria-hidden="true">✎ </span>
        {t('editor.review.noteHead', { author: placed.comment.author, time: format(placed.comment.at) })}
      </span>
      <span className="comment-note-text">{placed.comment.text}</span>
    </li>
  );
}

const connectedAsUnit = () => rememberedConnection()?.role === 'unit';

/** The returned banner's line, one per state of the draft; each has a 重新报送 (connected) twin. */
export type ReturnedStep =
  /** Open for the changes, comments still open. */
  | 'returnedHelp'
  /** Open for the changes, every comment resolved. */
  | 'returnedHelpDone'
  /** Open for the changes, returned with a reason and no comment. */
  | 'returnedHelpNoComments'
  /** 定稿 with comments open: not reopened since the return came (replication keeps the 定稿), or marked ready again without them. */
  | 'returnedReadyOpen'
  /** 定稿, no comment open, none resolved since the return: nothing says the clerk revised it. */
  | 'returnedReady'
  /** Comments resolved since the return, all of them, and 定稿 again after that: only 报送 is left. */
  | 'resubmit';

export function returnedStep(ready: boolean, placement: Pick<ReviewPlacement, 'review' | 'comments' | 'openCount'>): ReturnedStep {
  if (placement.openCount > 0) return ready ? 'returnedReadyOpen' : 'returnedHelp';
  if (ready) return resolvedSinceReturn(placement.review) ? 'resubmit' : 'returnedReady';
  return placement.comments.length > 0 ? 'returnedHelpDone' : 'returnedHelpNoComments';
}

/** At the top of the editor: the return and its reason, and the comments on the whole report. */
export const ReviewBanner = memo(function ReviewBanner() {
  const { t } = useTranslation();
  const format = useFormatDateTime();
  const placement = useDerivedValue((s) => s.getReviewPlacement());
  // 定稿 now: after the clerk's changes, or still the submission's (a return by replication).
  const ready = useStoreValue((s) => s.getReport().status === 'ready');
  // Connected to the 政务公开办's server as a unit: it goes back by 重新报送, not by a JSON file.
  const shared = useSyncExternalStore(onConnectionChange, connectedAsUnit);
  const reason = returnReason(placement.review);
  if (reason === null && placement.openWhole.length === 0) return null;
  return (
    <div className="review-banner">
      {reason !== null ? (
        <section className="review-returned" aria-labelledby="review-returned-heading">
          <h2 id="review-returned-heading">
            <span aria-hidden="true">↩ </span>
            {t('editor.review.returnedHeading')}
          </h2>
          {reason ? (
            <p className="review-reason">
              <span className="review-reason-label">{t('editor.review.returnedReason')}</span> {reason}
            </p>
          ) : null}
          <p className="review-returned-help">
            {t(`editor.review.${returnedStep(ready, placement)}${shared ? 'Shared' : ''}`, { n: placement.openCount })}
          </p>
        </section>
      ) : null}
      {placement.openWhole.length > 0 ? (
        <section className="review-whole" aria-labelledby="review-whole-heading">
          <h2 id="review-whole-heading">{t('editor.review.wholeHeading')}</h2>
          <ul className="comment-notes">
            {placement.openWhole.map((c) => (
              <CommentNote key={c.index} placed={c} t={t} format={format} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
});

/** 审核意见: every comment, open first, with where it points, who wrote it and when; go to it, resolve or reopen it. */
export const ReviewPanel = memo(function ReviewPanel({ lock }: { lock: ReviewLock }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { store, goTo } = useEditor();
  const format = useFormatDateTime();
  const placement = useDerivedValue((s) => s.getReviewPlacement());
  // Part titles name part comments; re-render when one changes (a string: compared by value).
  useStoreValue((s) => titlesKey(s.getReport()));
  const report = store.getReport();
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLUListElement>(null);
  /** The comment whose button was pressed: its other button takes the focus after the change. */
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    list.current?.querySelector<HTMLElement>(`[data-comment-action="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const { review, comments, openCount } = placement;
  if (comments.length === 0 && review.status === 'notSubmitted') return null;

  const act = (placed: PlacedComment, where: string) => {
    const current = store.getReport();
    const ctx = { actor: current.meta.agency.trim() || t('editor.review.clerk') };
    const next = placed.comment.resolved ? reopenComment(current, placed.comment.id, ctx) : resolveComment(current, placed.comment.id, ctx);
    pendingFocus.current = placed.index;
    store.setReview(next.review);
    setAnnouncement(t(placed.comment.resolved ? 'editor.review.didReopen' : 'editor.review.didResolve', { where }));
  };

  return (
    <section className="review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">
        {t('editor.review.heading')} <span className="count">{t('editor.review.openCount', { n: openCount })}</span>
      </h2>
      <p className="review-status">
        {t('editor.review.statusLine', { status: t(`editor.review.status.${review.status}`) })}
      </p>
      {lock && comments.length > 0 ? <p className="review-lock">{t(lock === 'ready' ? 'editor.review.lockedReady' : 'editor.review.lockedReadOnly')}</p> : null}
      {comments.length === 0 ? <p className="muted">{t('editor.review.none')}</p> : null}
      <ul className="review-comments" ref={list}>
        {comments.map((c) => {
          const name = targetName(report, c, lang, t);
          const where = name.section ? `${name.section} · ${name.name}` : name.name;
          const resolved = c.comment.resolved;
          return (
            <li key={c.index} className={`review-comment ${resolved ? 'is-resolved' : 'is-open'}`}>
              <p className="review-comment-state">
                <span aria-hidden="true">{resolved ? '✓ ' : '✎ '}</span>
                {resolved && c.comment.resolvedAt
                  ? t('editor.review.resolvedAt', { time: format(c.comment.resolvedAt) })
                  : t(resolved ? 'editor.review.resolved' : 'editor.review.open')}
              </p>
              {name.section ? <span className="finding-where">{name.section}</span> : null}
              {c.path ? (
                <button type="button" className="link-button review-go" aria-label={t('editor.review.goTo', { where })} onClick={() => goTo(c.path)}>
                  {name.name}
                </button>
              ) : (
                <strong className="review-go">{name.name}</strong>
              )}
              <p className="review-comment-text">{c.comment.text}</p>
              <p className="review-comment-meta">{t('editor.review.noteHead', { author: c.comment.author, time: format(c.comment.at) })}</p>
              {lock ? null : (
                <button
                  type="button"
                  className={resolved ? undefined : 'primary'}
                  data-comment-action={c.index}
                  aria-label={t(resolved ? 'editor.review.reopenLabel' : 'editor.review.resolveLabel', { where })}
                  onClick={() => act(c, where)}
                >
                  {t(resolved ? 'editor.review.reopen' : 'editor.review.resolve')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
});
