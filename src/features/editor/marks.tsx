/**
 * How a cell or field in a finding looks and what it tells assistive technology: a border
 * pattern and an icon per severity (never colour alone), aria-invalid for errors, and the
 * findings' messages as its accessible description.
 */
import { useLang } from '../../i18n/index.ts';
import type { Label } from '../../report/index.ts';
import { useCachedT } from './cachedT.ts';
import { commentDescriptionId, findingDescriptionId, invalidMessageId } from './context.ts';
import type { FieldStatus } from './store.ts';

export const SEVERITY_ICON = { error: '✕', warning: '▲', hint: 'i' } as const;

/**
 * CSS classes of a marked cell or field: `mark-error`, `mark-warning`, `mark-hint`,
 * `mark-explained`, and `has-comment` when a review comment on it is open.
 */
export function markClass(status: FieldStatus): string {
  const comment = status.comments ? ' has-comment' : '';
  if (status.worst) return `marked mark-${status.worst}${comment}`;
  if (status.marks.length > 0) return `marked mark-explained${comment}`;
  return comment.trim();
}

/** aria-* of a marked input: findings' messages and open review comments describe it. */
export function markAria(path: string, status: FieldStatus) {
  const ids = status.marks.map((m) => findingDescriptionId(m.key));
  if (status.invalid) ids.unshift(invalidMessageId(path));
  for (const c of status.comments ?? []) ids.push(commentDescriptionId(c.index));
  return {
    'aria-invalid': status.worst === 'error' ? (true as const) : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

/** The icon in the corner of a marked cell (decorative: the description carries the words). */
export function MarkIcon({ status }: { status: FieldStatus }) {
  if (status.marks.length === 0 && !status.invalid) return null;
  const icon = status.worst ? SEVERITY_ICON[status.worst] : '✓';
  return (
    <span className="mark-icon" aria-hidden="true">
      {icon}
    </span>
  );
}

/** The inline message of text that is not a value ("不能为负数"). */
export function InvalidMessage({ path, status }: { path: string; status: FieldStatus }) {
  const t = useCachedT();
  if (!status.invalid) return null;
  return (
    <span id={invalidMessageId(path)} className="field-message">
      {t(`editor.parse.${status.invalid.reason}`)}
    </span>
  );
}

/**
 * An official label in the UI language. In English the official Chinese stays visible beneath
 * (the printed report is Chinese, and clerks match labels against it).
 */
export function OfficialLabel({ label }: { label: Label }) {
  const lang = useLang();
  if (lang === 'zh') return <>{label.zh}</>;
  return (
    <>
      <span className="label-en">{label.en}</span>
      <span className="label-zh" lang="zh-CN">
        {label.zh}
      </span>
    </>
  );
}
