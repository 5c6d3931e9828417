/**
 * Status that says one thing everywhere (issue 16 points 4 and 5): the counts of errors and
 * unexplained warnings in the editor's header are the ones 我的年报 shows for the same draft (the
 * store's summary fields); a returned report is 已退回 in the header and the banner, and after
 * 定稿 the banner no longer asks for it; the "checked as you type" hint is not on a ready report.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { aggregateReports, emptyReport, openReturned, returnReport, setCell, submit, type Report } from '../../report/index.ts';
import { summaryFields } from '../../storage/records.ts';
import { newReport, pingluo, renderEditor } from './test-utils.tsx';

vi.setConfig({ testTimeout: 30_000 });

const headerCounts = () => {
  const line = document.querySelector('.editor-summary')!.textContent!;
  return { errors: Number(/错误 (\d+)/.exec(line)![1]), warnings: Number(/待说明的警告 (\d+)/.exec(line)![1]) };
};

const cases: [string, Report][] = [
  // 六 untouched: not yet "silent about fees" in a draft (the list once counted it).
  ['a draft with an unbalanced column and 六 empty', setCell(newReport(), 'applications.newReceived.naturalPerson', 3)],
  ['the seed as a draft, 六 emptied', { ...pingluo(), narrative: { ...pingluo().narrative, other: [] } }],
  // Marked ready elsewhere with blanks left: checked as a finished report, in both places.
  ['a ready report with blanks', { ...emptyReport({ agency: '某局', year: 2023 }), status: 'ready' }],
  ['the seed, ready', { ...pingluo(), status: 'ready' }],
];

describe('the editor and 我的年报 count alike', () => {
  test.each(cases)('%s', async (_name, report) => {
    await renderEditor({ report, section: 'applications' });
    const listed = summaryFields(report, undefined);
    await waitFor(() => expect(headerCounts()).toEqual({ errors: listed.errors, warnings: listed.warnings }));
  });
});

test('a ready report does not say "边填边查"; a draft does', async () => {
  await renderEditor({ report: { ...pingluo(), status: 'ready' } });
  expect(screen.getByRole('heading', { name: /检查结果/ })).toBeInTheDocument();
  expect(screen.queryByText(/边填边查/)).not.toBeInTheDocument();
});

test('a draft says "边填边查"', async () => {
  await renderEditor({ report: pingluo() });
  expect(screen.getByText(/边填边查/)).toBeInTheDocument();
});

describe('a returned report', () => {
  // As the clerk's import opens it (the 政务公开办's file says 定稿).
  const returned = () => openReturned(returnReport(submit({ ...pingluo(), status: 'ready' }, { actor: '某局' }), '三表不平衡，请更正', { actor: '县政务公开办 王某' }));

  test('is 已退回 in the header, editable; after 定稿 the banner no longer asks for it, nor claims a revision', async () => {
    const report = returned();
    expect(report.status).toBe('draft');
    const e = await renderEditor({ report });
    expect(document.querySelector('.status-badge')).toHaveTextContent('已退回');
    expect(screen.getByRole('heading', { name: /政务公开办已退回本年报/ })).toBeInTheDocument();
    // Returned with a reason and no comment: the reason is what to act on.
    expect(screen.getByText(/请按退回原因修改，然后重新定稿/)).toBeInTheDocument();
    await e.user.click(screen.getByRole('button', { name: '定稿' }));
    await waitFor(() => expect(document.querySelector('.status-badge')).toHaveTextContent('已定稿'));
    expect(screen.queryByText(/请按退回原因修改/)).not.toBeInTheDocument();
    // Nothing in the document says it was revised (no comment resolved): it is 定稿, to be checked and sent.
    expect(screen.getByText(/请对照退回原因检查/)).toBeInTheDocument();
    expect(screen.queryByText(/已按审核意见修改|已重新定稿/)).not.toBeInTheDocument();
    expect(e.latest().status).toBe('ready');
  });
});

test('an aggregate (汇总) opened as a draft has the area government\'s deadline, not a unit\'s', async () => {
  const unit = { ...pingluo(), meta: { ...pingluo().meta, agencyKind: 'department' as const } };
  const { report } = aggregateReports([{ name: 'a', report: unit, approved: true }], { agency: '平罗县人民政府', year: 2022 });
  await renderEditor({ report, section: 'meta' });
  expect(await screen.findByText(/2023-03-31/)).toBeInTheDocument();
  expect(screen.queryByText(/2023-01-31/)).not.toBeInTheDocument();
});

test('read-only from outside says why, and never tells a reader who cannot reopen to 重新打开编辑', async () => {
  // The supervisor's 填报版式 of a unit's ready report: the reopen button is disabled there.
  await renderEditor({ report: { ...pingluo(), status: 'ready' }, readOnly: true, readOnlyNote: '单位报送的年报，此处只读。' });
  expect(screen.getByText('单位报送的年报，此处只读。')).toBeInTheDocument();
  expect(screen.queryByText(/请点“重新打开编辑”/)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '重新打开编辑' })).toBeDisabled();
});

test('a ready draft the clerk holds says how to reopen it', async () => {
  await renderEditor({ report: { ...pingluo(), status: 'ready' } });
  expect(screen.getByText(/请点“重新打开编辑”/)).toBeInTheDocument();
});
