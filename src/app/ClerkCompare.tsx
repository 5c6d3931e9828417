/**
 * The review's compare view for the clerk: two versions of the unit's submitted report (a
 * conflict the clerk settles in the sharing panel). Its own chunk, with the review's strings and
 * styles, loaded when the clerk opens the comparison: the draft page only holds one import().
 */
import '../features/review/strings.ts';
import '../features/review/review.css';
import type { Report } from '../report/index.ts';
import { ComparisonView } from '../features/review/ComparePanel.tsx';

export default function ClerkCompare({ shown, other }: { shown: Report; other: Report }) {
  return <ComparisonView before={other} after={shown} />;
}
