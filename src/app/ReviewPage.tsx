/**
 * The supervisor's workspace, composed: the review feature with the editor's read-only layout
 * and the print layout passed in (features do not import one another).
 */
import { ComparisonView, ReviewWorkspace } from '../features/review/index.ts';
import { SharedReview } from '../features/sharing/index.ts';
import { Editor } from '../features/editor/index.ts';
import { PrintView } from '../features/print/index.ts';
import { RouteErrorBoundary } from './ErrorBoundary.tsx';
import { ReviewRecovery } from './ReviewRecovery.tsx';

export function ReviewPage({ unit }: { unit?: string }) {
  return (
    // The connection to the sharing server outlives the unit shown (and a unit's failure).
    <SharedReview unitPage={unit !== undefined} renderConflict={(shown, other) => <ComparisonView before={other} after={shown} />}>
      {(store, shared) => (
        <RouteErrorBoundary key={unit} area="review" recovery={(retry) => <ReviewRecovery unit={unit} retry={retry} />}>
          <ReviewWorkspace
            key={store ? 'shared' : 'files'}
            unit={unit}
            store={store}
            shared={shared?.shared}
            onUnitShown={shared?.onUnitShown}
            renderConflicts={shared?.renderConflicts}
            renderReport={(report, context) => <Editor key={`${context.unit.key}:${report.meta.agency}`} report={report} readOnly />}
            renderPrint={(report) => <PrintView report={report} />}
          />
        </RouteErrorBoundary>
      )}
    </SharedReview>
  );
}
