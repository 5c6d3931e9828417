import { describe, expect, test } from 'vitest';
import { createMemoryReviewStore } from '../../storage/review/index.ts';
import { addComment, resolveComment, returnReport } from '../../report/index.ts';
import { reportFileName } from '../../report/index.ts';
import { carryReview, collectFiles, readReportFile } from './files.ts';

const exportFileName = (report: Parameters<typeof reportFileName>[0]) => reportFileName(report, 'json');
import { fileOf, unitReport } from './testUtils.tsx';

describe('collectFiles', () => {
  test('new units, a newer file as a new version (by file time), duplicates, and refused files that change nothing', async () => {
    const store = createMemoryReviewStore();
    // Received a millisecond apart: two files received in the same millisecond are listed in the
    // order of their random ids, and the listing below is by time received.
    let clock = Date.UTC(2023, 0, 9);
    const now = () => ++clock;
    const first = await collectFiles(
      [
        fileOf(unitReport('甲局', { cells: { 'proactive.licensing': 2 } }), 'jia-v2.json', 2000),
        fileOf(unitReport('甲局'), 'jia-v1.json', 1000),
        fileOf(unitReport('乙镇'), 'yi.json', 1500),
        fileOf('{"kind": "gov-info-disclosure-annual-report", "formatVersion": "2021", "schemaVersion": 2', 'broken.json', 1600),
        fileOf(JSON.stringify({ ...unitReport('丙局'), proactive: { ...unitReport('丙局').proactive, licensing: -3 } }), 'negative.json', 1700),
      ],
      store,
      { knownUnits: new Set(), now },
    );
    expect(first.map((o) => [o.file, o.kind])).toEqual([
      ['jia-v1.json', 'newUnit'],
      ['yi.json', 'newUnit'],
      ['broken.json', 'failed'],
      ['negative.json', 'failed'],
      ['jia-v2.json', 'newVersion'],
    ]);
    const broken = first.find((o) => o.file === 'broken.json');
    expect(broken?.kind === 'failed' && broken.problems[0]!.code).toBe('decode.truncated');
    const negative = first.find((o) => o.file === 'negative.json');
    expect(negative?.kind === 'failed' && negative.problems.map((p) => p.path)).toEqual(['proactive.licensing']);

    const listed = await store.list();
    if (!listed.ok) throw new Error('list');
    expect(listed.value.versions.map((v) => v.fileName)).toEqual(['jia-v1.json', 'yi.json', 'jia-v2.json']);
    expect(listed.value.versions[2]!.document.proactive.licensing).toBe(2);

    const again = await collectFiles([fileOf(unitReport('甲局'), 'jia-copy.json')], store, { knownUnits: new Set(listed.value.versions.map((v) => v.unitKey)) });
    expect(again).toEqual([{ file: 'jia-copy.json', kind: 'duplicate', agency: '甲局', year: 2022 }]);
  });

  test('a file in any status but submitted is recorded as submitted by its unit on receipt; the same file again is a duplicate', async () => {
    const store = createMemoryReviewStore();
    const approvedByFile = unitReport('甲局', { status: 'approved' });
    const [outcome] = await collectFiles([fileOf(approvedByFile, 'jia.json')], store, { knownUnits: new Set(), now: () => Date.UTC(2023, 0, 9) });
    expect(outcome!.kind).toBe('newUnit');
    const listed = await store.list();
    const doc = listed.ok ? listed.value.versions[0]!.document : undefined;
    expect(doc?.review.status).toBe('submitted');
    expect(doc?.review.history.at(-1)).toEqual({ action: 'submitted', at: '2023-01-09T00:00:00.000Z', by: '甲局', note: 'jia.json' });
    const [dup] = await collectFiles([fileOf(approvedByFile, 'jia (2).json')], store, { knownUnits: new Set(['2022|甲局']) });
    expect(dup!.kind).toBe('duplicate');
  });

  test('a new version carries on the review of the one before: comments the file lacks come along, the file’s own win', async () => {
    const store = createMemoryReviewStore();
    // Each file received a millisecond after the one before: two received in the same
    // millisecond are ordered by their random ids, and versions[1] would not be the later one.
    let clock = Date.UTC(2023, 0, 11);
    const now = () => ++clock;
    const ctx = { actor: '王审', now: () => new Date(Date.UTC(2023, 0, 10)) };
    let reviewed = addComment(unitReport('甲局'), { target: 'proactive.fees', text: '请核实收费金额' }, ctx);
    reviewed = addComment(reviewed, { target: '', text: '请补充创新情况' }, ctx);
    reviewed = returnReport(reviewed, '请修改后重报', ctx);
    const [c1, c2] = reviewed.review.comments;
    const latestReports = new Map([['2022|甲局', reviewed]]);

    // The clerk worked on their own draft: the file has none of the review.
    const fresh = unitReport('甲局', { cells: { 'proactive.fees': 0.5 }, status: 'notSubmitted' });
    const [one] = await collectFiles([fileOf(fresh, 'jia-v2.json')], store, { knownUnits: new Set(['2022|甲局']), latestReports, now });
    expect(one!.kind).toBe('newVersion');
    const listed = await store.list();
    const carried = listed.ok ? listed.value.versions[0]!.document : undefined;
    expect(carried?.review.comments.map((c) => c.id)).toEqual([c1!.id, c2!.id]);
    expect(carried?.review.history.map((e) => e.action)).toEqual(['commented', 'commented', 'returned', 'submitted']);
    expect(carried?.review.status).toBe('submitted');
    expect(carried?.proactive.fees).toBe(0.5);

    // The clerk imported the reviewed file and resolved one comment: the file's comment wins.
    const resolved = resolveComment({ ...reviewed, proactive: { ...reviewed.proactive, fees: 0.25 } }, c1!.id, { ...ctx, actor: '甲局 李文' });
    await collectFiles([fileOf(resolved, 'jia-v3.json')], store, { knownUnits: new Set(['2022|甲局']), latestReports, now });
    const again = await store.list();
    const latest = again.ok ? again.value.versions[1]!.document : undefined;
    expect(latest?.review.comments.map((c) => [c.id, c.resolved])).toEqual([
      [c1!.id, true],
      [c2!.id, false],
    ]);
    expect(carryReview(reviewed, reviewed)).toBe(reviewed);
  });

  test('a GBK (not UTF-8) file is refused, not read as mojibake', async () => {
    const result = await readReportFile(new Blob([new Uint8Array([0xc4, 0xea, 0xb1, 0xa8])]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.code).toBe('decode.notUtf8');
  });
});

test('export file name as the clerk names it, with unsafe characters replaced', () => {
  expect(exportFileName(unitReport('平罗县人民政府办公室'))).toBe('平罗县人民政府办公室-2022-政府信息公开年报.json');
  expect(exportFileName(unitReport('a/b:c'))).toBe('a_b_c-2022-政府信息公开年报.json');
  expect(exportFileName(unitReport(''))).toBe('未命名机关-2022-政府信息公开年报.json');
});
