/**
 * What changed between two versions of a report: entered cells by id, meta fields, status,
 * narrative parts (`narrative.overview.0` = the first part of 一) and explanations. Computed
 * cells follow their parts, so they are left out.
 */
import { ENTERED_CELLS, META_FIELDS, NARRATIVE_SECTION_IDS, getCell, type Report } from '../report/index.ts';

const META_KEYS = Object.keys(META_FIELDS) as (keyof typeof META_FIELDS)[];

export function changedParts(before: Report | undefined, after: Report): string[] {
  if (!before) return [];
  const changed: string[] = [];
  if (before.status !== after.status) changed.push('status');
  for (const key of META_KEYS) {
    if (before.meta[key] !== after.meta[key]) changed.push(`meta.${key}`);
  }
  if (before.narrative.preamble !== after.narrative.preamble) changed.push('narrative.preamble');
  for (const section of NARRATIVE_SECTION_IDS) {
    const a = before.narrative[section];
    const b = after.narrative[section];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i];
      const y = b[i];
      if (!x || !y || x.title !== y.title || x.text !== y.text) changed.push(`narrative.${section}.${i}`);
    }
  }
  for (const cell of ENTERED_CELLS) {
    if (getCell(before, cell.id) !== getCell(after, cell.id)) changed.push(cell.id);
  }
  if (!sameRecord(before.explanations, after.explanations)) changed.push('explanations');
  return changed;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}
