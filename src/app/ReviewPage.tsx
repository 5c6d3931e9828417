/**
 * The supervisor's workspace, composed: the review feature with the editor's read-only layout
 * and the print layout passed in (features do not import one another).
 */
import { ReviewWorkspace } from '../features/review/index.ts';
import { Editor } from '../features/editor/index.ts';
import { PrintView } from '../features/print/index.ts';
import { RouteErrorBoundary } from './ErrorBoundary.tsx';
import { ReviewRecovery } from './ReviewRecovery.tsx';

export function ReviewPage({ unit }: { unit?: string }) {
  return (
    <RouteErrorBoundary key={unit} area="review" recovery={(retry) => <ReviewRecovery unit={unit} retry={retry} />}>
      <ReviewWorkspace
      unit={unit}
      renderReport={(report, context) => <Editor key={`${context.unit.key}:${report.meta.agency}`} report={report} readOnly />}
      renderPrint={(report) => <PrintView report={report} />}
      />
    </RouteErrorBoundary>
  );
}
