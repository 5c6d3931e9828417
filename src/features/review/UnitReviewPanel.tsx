/**
 * Reviewing one unit's report: its status and history, findings with the clerk's explanations,
 * comments (add on a cell, a part or the whole report; resolve, reopen), return with a reason
 * or approve, and export of the reviewed file for the clerk.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, ReviewComment } from '../../report/index.ts';
import { addComment, approveReport, reopenComment, resolveComment, returnReport } from '../../report/review/actions.ts';
import { returnReason } from '../../report/review/targets.ts';
import { useLang } from '../../i18n/index.ts';
import { CommentsList } from './CommentsList.tsx';
import { FindingsList } from './FindingsList.tsx';
import { downloadReport } from './files.ts';
import type { ReviewUnit } from './model.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { targetGroups } from './targets.ts';
import type { ActResult } from './useReviewWorkspace.ts';
import { useFormatDateTime } from '../../ui/format.ts';
import { useActErrorText } from './useActErrorText.ts';

export interface UnitReviewPanelProps {
  readonly unit: ReviewUnit;
  /** The reviewer's name for comments and the history; actions wait until there is one. */
  readonly reviewer: string;
  readonly onAct: (unit: ReviewUnit, action: (report: Report) => Report) => Promise<ActResult>;
  /** Go to a cell or part in the report shown beside the panel. */
  readonly onOpenCell?: (target: string) => void;
  /** The comment target (controlled, e.g. picked by clicking a cell in the report view). */
  readonly target?: string;
  readonly onTargetChange?: (target: string) => void;
}

export function UnitReviewPanel({ unit, reviewer, onAct, onOpenCell, target: controlledTarget, onTargetChange }: UnitReviewPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormatDateTime('short');
  const errorText = useActErrorText();
  const ids = useId();
  const [ownTarget, setOwnTarget] = useState('');
  const target = controlledTarget ?? ownTarget;
  const setTarget = onTargetChange ?? setOwnTarget;
  const [commentText, setCommentText] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [commentMissing, setCommentMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const actor = reviewer.trim();
  const ctx = { actor };
  const report = unit.report;
  const errors = unit.summary.errors;
  // A file its unit never marked ready (未定稿) is not approved: it goes back to be finished.
  const notReady = unit.status === 'notReady';
  const words = {
    whole: t('review.target.whole'),
    preamble: t('review.target.preamble'),
    untitledPart: t('review.view.untitledPart'),
    general: t('review.target.general'),
  };

  async function run(action: (r: Report) => Report, done: string): Promise<boolean> {
    setBusy(true);
    setError('');
    setNotice('');
    const result = await onAct(unit, action);
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return false;
    }
    setNotice(done);
    return true;
  }

  async function onComment(e: FormEvent) {
    e.preventDefault();
    if (!commentText.trim()) {
      setCommentMissing(true);
      return;
    }
    setCommentMissing(false);
    if (await run((r) => addComment(r, { target, text: commentText }, ctx), t('review.panel.commentAdded'))) setCommentText('');
  }

  async function onReturn(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    if (await run((r) => returnReport(r, reason, ctx), t('review.panel.returned'))) setReason('');
  }

  const onResolve = (c: ReviewComment) => void run((r) => resolveComment(r, c.id, ctx), t('review.panel.commentResolved'));
  const onReopen = (c: ReviewComment) => void run((r) => reopenComment(r, c.id, ctx), t('review.panel.commentReopened'));
  const onApprove = () => void run((r) => approveReport(r, ctx), t('review.panel.approved'));
  const onExport = () => setNotice(t('review.panel.exported', { file: downloadReport(report) }));

  const noActor = !actor;
  const reasonNow = returnReason(report.review);

  return (
    <section className="rv-panel" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>
        {t('review.panel.heading')} <StatusBadge status={unit.status} />
      </h2>
      {reasonNow ? (
        <p className="rv-return-reason">
          <strong>{t('review.panel.returnReason')}</strong> {reasonNow}
        </p>
      ) : null}
      <p className="rv-summary">
        {t('review.panel.summary', {
          errors,
          unexplained: unit.summary.unexplainedWarnings,
          explained: unit.summary.explainedWarnings,
          comments: unit.openComments,
        })}
      </p>
      {noActor ? <p className="rv-warning-text" id={`${ids}-noactor`}>{t('review.panel.needReviewer')}</p> : null}
      <div aria-live="polite" className="rv-notice">
        {notice}
      </div>
      {error ? (
        <p role="alert" className="rv-error-text">
          {error}
        </p>
      ) : null}

      <h3>{t('review.findings.heading')}</h3>
      <FindingsList report={report} findings={unit.findings} onOpenCell={onOpenCell} />

      <h3>{t('review.comments.heading')}</h3>
      <CommentsList report={report} onResolve={onResolve} onReopen={onReopen} onOpenTarget={onOpenCell} disabled={busy || noActor} />
      <form className="rv-form" onSubmit={(e) => void onComment(e)} aria-label={t('review.comments.add')}>
        <label htmlFor={`${ids}-target`}>{t('review.comments.target')}</label>
        <select id={`${ids}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
          {targetGroups(report, lang, words).map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p className="rv-hint">{t('review.comments.pickHint')}</p>
        <label htmlFor={`${ids}-text`}>{t('review.comments.text')}</label>
        <textarea
          id={`${ids}-text`}
          rows={3}
          value={commentText}
          onChange={(e) => setCommentText(e.target.value)}
          aria-invalid={commentMissing || undefined}
          aria-describedby={commentMissing ? `${ids}-text-err` : undefined}
        />
        {commentMissing ? (
          <p id={`${ids}-text-err`} className="rv-error-text">
            {t('review.comments.textRequired')}
          </p>
        ) : null}
        <button type="submit" disabled={busy || noActor}>
          {t('review.comments.add')}
        </button>
      </form>

      <h3>{t('review.panel.decision')}</h3>
      <form className="rv-form" onSubmit={(e) => void onReturn(e)} aria-label={t('review.panel.return')}>
        <label htmlFor={`${ids}-reason`}>{t('review.panel.reason')}</label>
        <textarea
          id={`${ids}-reason`}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-required="true"
          aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? `${ids}-reason-err` : undefined}
        />
        {reasonMissing ? (
          <p id={`${ids}-reason-err`} className="rv-error-text">
            {t('review.panel.reasonRequired')}
          </p>
        ) : null}
        <button type="submit" disabled={busy || noActor || unit.status === 'returned'}>
          {t('review.panel.return')}
        </button>
      </form>
      <div className="rv-actions">
        <button
          type="button"
          className="primary"
          onClick={onApprove}
          disabled={busy || noActor || errors > 0 || notReady || unit.status === 'approved'}
          aria-describedby={errors > 0 || notReady ? `${ids}-noapprove` : undefined}
        >
          {t('review.panel.approve')}
        </button>
        {errors > 0 || notReady ? (
          <span id={`${ids}-noapprove`} className="rv-hint">
            {notReady ? t('review.panel.cannotApproveDraft') : t('review.panel.cannotApprove', { count: errors })}
          </span>
        ) : null}
        <button type="button" onClick={onExport}>
          {t('review.panel.export')}
        </button>
      </div>

      <details className="rv-history">
        <summary>{t('review.panel.history', { count: report.review.history.length })}</summary>
        <ol>
          {report.review.history.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{format(e.at)}</time> {t(`review.history.${e.action}`)} · {e.by}
              {e.note && (e.action === 'returned' || e.action === 'submitted' || e.action === 'approved') ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
