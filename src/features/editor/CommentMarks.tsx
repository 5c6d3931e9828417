/**
 * The parts of review comments every editor shows (the grids' cells, the hidden descriptions):
 * small, in the editor's first load. The banner and the 审核意见 panel (ReviewComments.tsx)
 * load only for a report that has a review to show.
 */
import { memo } from 'react';
import { useCachedT } from './cachedT.ts';
import { commentDescriptionId, useDerivedValue } from './context.ts';
import type { FieldStatus } from './store.ts';

/** The hidden texts that cells and fields with an open comment point to (aria-describedby). */
export const CommentDescriptions = memo(function CommentDescriptions() {
  const t = useCachedT();
  const placement = useDerivedValue((s) => s.getReviewPlacement());
  return (
    <div hidden>
      {placement.comments
        .filter((c) => !c.comment.resolved && c.path)
        .map((c) => (
          <span key={c.index} id={commentDescriptionId(c.index)}>
            {t('editor.review.description', { author: c.comment.author, text: c.comment.text })}
          </span>
        ))}
    </div>
  );
});

/** The comments of a cell, opening beside it on focus or hover like a finding's message (decorative: the description carries them). */
export function CellComments({ status }: { status: FieldStatus }) {
  if (!status.comments) return null;
  return (
    <span className="cell-comments" aria-hidden="true">
      {status.comments.map((c) => (
        <span key={c.index} className="cell-comment">
          ✎ {c.comment.text}
        </span>
      ))}
    </span>
  );
}
