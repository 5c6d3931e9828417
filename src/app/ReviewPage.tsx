/**
 * The supervisor's workspace, composed: the review feature with the editor's read-only layout
 * and the print layout passed in (features do not import one another).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComparisonView, ReviewWorkspace, createUnitsTableView } from '../features/review/index.ts';
import { SharedReview } from '../features/sharing/index.ts';
import { Editor } from '../features/editor/index.ts';
import { PrintView } from '../features/print/index.ts';
import type { Report } from '../report/index.ts';
import { RouteErrorBoundary } from './ErrorBoundary.tsx';
import { ReviewRecovery } from './ReviewRecovery.tsx';

interface Printing {
  readonly report: Report;
  /** The button that opened the print view: the focus goes back to it. */
  readonly from: Element | null;
  /** The workspace's page it was opened from. */
  readonly unit: string | undefined;
}

export function ReviewPage({ unit }: { unit?: string }) {
  const { t } = useTranslation();
  // The 汇总 being printed. Its print view takes the page as a draft's print route does (the
  // same PrintView: A4 sheets, 打印, HTML, Word); the workspace and the server's connection stay
  // mounted behind it, hidden (so not printed either), and 返回汇总 finds them as they were.
  const [printing, setPrinting] = useState<Printing | null>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  // The units table's filters, sort, ticked rows and scroll: kept here, they outlive the
  // workspace, which is mounted anew when the server's store comes in (or comes back after a
  // reconnection) and on each unit's page.
  const [tableView] = useState(createUnitsTableView);

  // Another page of the workspace was asked for (a link, the browser's back): it is shown.
  if (printing && printing.unit !== unit) setPrinting(null);

  useEffect(() => {
    if (!printing) return;
    document.documentElement.scrollIntoView?.({ block: 'start' });
    backRef.current?.focus();
  }, [printing]);

  function closePrint() {
    const from = printing?.from;
    setPrinting(null);
    // After the workspace is shown again: the focus back on 打印汇总.
    requestAnimationFrame(() => {
      if (from instanceof HTMLElement && from.isConnected) {
        from.scrollIntoView?.({ block: 'center' });
        from.focus();
      }
    });
  }

  return (
    <>
      {printing ? (
        <>
          <p className="no-print">
            <button ref={backRef} type="button" onClick={closePrint}>
              ← {t('review.aggregate.backFromPrint')}
            </button>
          </p>
          <PrintView report={printing.report} />
        </>
      ) : null}
      <div hidden={printing !== null}>
        {/* The connection to the sharing server outlives the unit shown (and a unit's failure). */}
        <SharedReview unitPage={unit !== undefined} renderConflict={(shown, other) => <ComparisonView before={other} after={shown} />}>
          {(store, shared) => (
            <RouteErrorBoundary key={unit} area="review" recovery={(retry) => <ReviewRecovery unit={unit} retry={retry} />}>
              <ReviewWorkspace
                key={store ? 'shared' : 'files'}
                unit={unit}
                tableView={tableView}
                store={store}
                shared={shared?.shared}
                renderConflicts={shared?.renderConflicts}
                renderReport={(report, context) => (
                  <Editor key={`${context.unit.key}:${report.meta.agency}`} report={report} readOnly readOnlyNote={t('review.unit.editorReadOnly')} />
                )}
                renderPrint={(report) => <PrintView report={report} />}
                onPrintAggregate={(report) => setPrinting({ report, from: document.activeElement, unit })}
              />
            </RouteErrorBoundary>
          )}
        </SharedReview>
      </div>
    </>
  );
}
