/**
 * The supervisor's review workspace (审核工作台). The app composes these with the editor's
 * read-only layout and the print view:
 * - `ReviewWorkspace` — the whole page (`#/review`, `#/review/<unit>`), with `renderReport` /
 *   `renderPrint` slots for the editor and print layouts;
 * - `UnitReviewPanel` — findings, comments, return/approve and export of one unit;
 * - `CommentsList`, `ComparePanel` / `ComparisonView`, `AggregatePanel`, `UnitsTable`,
 *   `ReportView` (the compact read-only view), and the workspace hook and model.
 */
import './strings.ts';

export { ReviewWorkspace, type ReviewWorkspaceProps, type ReportSlotContext } from './ReviewWorkspace.tsx';
export { UnitReviewPanel, type UnitReviewPanelProps } from './UnitReviewPanel.tsx';
export { CommentsList, type CommentsListProps } from './CommentsList.tsx';
export { FindingsList, findingTarget } from './FindingsList.tsx';
export { ComparePanel, ComparisonView, type ComparePanelProps, type CompareCandidate } from './ComparePanel.tsx';
export { AggregatePanel, type AggregatePanelProps } from './AggregatePanel.tsx';
export { UnitsTable, type UnitsTableProps } from './UnitsTable.tsx';
export { createUnitsTableView, type UnitsTableView } from './unitsTableModel.ts';
export { ReportView, viewTargetId, type ReportViewProps } from './ReportView.tsx';
export { CollectPanel } from './CollectPanel.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { useReviewWorkspace, type ReviewWorkspaceState, type ActResult } from './useReviewWorkspace.ts';
export { buildUnits, buildAggregate, planApproval, toRow, type ReviewUnit, type UnitRow, type WorkspaceAggregate } from './model.ts';
export { collectFiles, downloadReport, type CollectOutcome } from './files.ts';
export { targetLabel, targetGroups } from './targets.ts';
