// @vitest-environment node
/** Where a unit stands for a year (the supervisor's units table), and the documents' kinds. */
import { describe, expect, it } from 'vitest';
import { approveReport, emptyReport, returnReport, submit, type Report } from '../report/index.ts';
import { parseDocId, readShared, sharedDoc, unitProgress, type UnitProgress } from './docs.ts';

const at = (minute: number) => ({ actor: 'x', now: () => new Date(Date.UTC(2023, 0, 10, 9, minute)) });
const draft = emptyReport({ agency: '平罗县民政局', year: 2022 });
const submitted = submit(draft, at(1));
const returned = returnReport(submitted, '请补充', at(2));
const resubmitted = submit(returned, at(3));
const approved = approveReport(submitted, at(4));

describe('unitProgress', () => {
  const cases: [string, Report | undefined, Report | undefined, boolean, UnitProgress][] = [
    ['nothing at all', undefined, undefined, false, 'notStarted'],
    ['only a working copy: the clerk is filling', undefined, undefined, true, 'filling'],
    ['submitted, working copy or not', submitted, undefined, true, 'submitted'],
    ['submitted without a working copy (a file-era unit)', submitted, undefined, false, 'submitted'],
    ['returned, the clerk working on the fix', submitted, returned, true, 'returned'],
    ['submitted again after the return', resubmitted, returned, true, 'submitted'],
    ['approved', submitted, approved, true, 'approved'],
  ];
  it.each(cases)('%s', (_name, report, review, working, expected) => {
    expect(unitProgress(report, review, working)).toBe(expected);
  });
});

describe('shared documents', () => {
  it('a working copy is its own kind, read back through the same decoder as a file', () => {
    const made = sharedDoc('working', draft, { unit: 'mzj', by: 'mzj', draftId: 'd1' });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.doc).toMatchObject({ _id: 'working:2022:mzj', type: 'working', year: 2022, by: 'mzj', draftId: 'd1' });
    const read = readShared(made.doc);
    expect(read?.ok && [read.kind, read.unit]).toEqual(['working', 'mzj']);
    expect(readShared({ _id: 'working:2022:mzj', type: 'working', report: { nonsense: true } })).toMatchObject({ ok: false, unit: 'mzj' });
    expect(readShared({ _id: '_design/nianbao' })).toBeUndefined();
    expect(readShared({ _id: 'roster' })).toBeUndefined();
  });

  it('a report without a year is not shared', () => {
    expect(sharedDoc('working', emptyReport({ agency: 'x' }), { unit: 'mzj', by: 'mzj' })).toMatchObject({ ok: false, reason: 'noYear' });
  });

  it("a review is named after the unit whose database it goes to, not after its writer", () => {
    const made = sharedDoc('review', returned, { unit: 'mzj', by: 'zwgk' });
    expect(made.ok && [made.doc._id, made.doc.by]).toEqual(['review:2022:mzj', 'zwgk']);
  });
});

describe('parseDocId', () => {
  it.each([
    ['report:2022:mzj', { kind: 'report', year: 2022, unit: 'mzj' }],
    ['review:2023:jiao-yu_2', { kind: 'review', year: 2023, unit: 'jiao-yu_2' }],
    ['working:2022:mzj', { kind: 'working', year: 2022, unit: 'mzj' }],
    // The ids before units were named in them, and anything else, are not nianbao's documents.
    ['report:2022', undefined],
    ['report:22:mzj', undefined],
    ['report:2022:mzj:x', undefined],
    ['report:2022:MZJ', undefined],
    ['_design/nianbao', undefined],
    ['roster', undefined],
  ])('%s', (id, expected) => {
    expect(parseDocId(id)).toEqual(expected);
  });
});
