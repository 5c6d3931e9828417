/**
 * The returned banner says what is true of the draft in each state it can be in after a return:
 * open for the changes or still 定稿 (a return that comes by replication keeps the 定稿 of the
 * submission; the clerk may also mark it ready again with comments open), comments open, all
 * resolved or none, and whether the clerk resolved any since this return. Only the last state,
 * every comment resolved since the return and 定稿 after that, may say the report was dealt with
 * and marked ready again; each state in both languages, with and without the connection.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { rememberConnection } from '../../sync/connection.ts';
import { withReviewOf } from '../../sync/clerk.ts';
import { addComment, openReturned, resolveComment, returnReport, submit, type ActionContext, type Report } from '../../report/index.ts';
import { pingluo, renderEditor } from './test-utils.tsx';

vi.setConfig({ testTimeout: 30_000 });

const UNIT = { url: 'http://127.0.0.1:5984', user: 'plzfb', role: 'unit' as const };

/** One minute per action, so that the history's order is its time order. */
function clock(actor: string): ActionContext {
  let minute = 0;
  let id = 0;
  return { actor, now: () => new Date(Date.UTC(2023, 0, 20, 1, minute++)), newId: () => `c${++id}` };
}

/** The clerk's 定稿 report, submitted; the 政务公开办 comments (or not) and returns it. */
function returnedReport(comments: number): { submitted: Report; reviewed: Report } {
  const clerk = clock('平罗县人民政府办公室');
  const submitted = submit({ ...pingluo(), status: 'ready' }, clerk);
  const office = { ...clock('平罗县政务公开办'), now: () => new Date(Date.UTC(2023, 0, 21, 1, 0)) };
  let reviewed = submitted;
  for (let i = 0; i < comments; i++) reviewed = addComment(reviewed, { target: i === 0 ? 'meta.contact' : '', text: `审核意见${i + 1}` }, office);
  return { submitted, reviewed: returnReport(reviewed, '请按意见修改', { ...office, now: () => new Date(Date.UTC(2023, 0, 21, 2, 0)) }) };
}

const later = (minute: number): ActionContext => ({ actor: '平罗县人民政府办公室', now: () => new Date(Date.UTC(2023, 0, 22, 1, minute)) });

/** As replication leaves it: the clerk's 定稿 draft, the reviewer's review (src/sync/clerk.ts). */
const arrived = (comments: number) => {
  const { submitted, reviewed } = returnedReport(comments);
  return withReviewOf(submitted, reviewed);
};
/** As the clerk's import of the returned file opens it: a draft again. */
const imported = (comments: number) => openReturned(returnedReport(comments).reviewed);
const resolveAll = (report: Report) => report.review.comments.reduce((r, c, i) => resolveComment(r, c.id, later(i)), report);

interface Case {
  readonly state: string;
  readonly report: () => Report;
  /** Text of the help line: not connected, connected as a unit (zh-CN); not connected (en). */
  readonly file: string;
  readonly shared: string;
  readonly en: string;
}

const cases: Case[] = [
  {
    // A return that arrives opens the 定稿 draft for the changes, as an imported returned file does.
    state: 'arrived by replication on the 定稿 draft, 2 comments open: opened for the changes',
    report: () => arrived(2),
    file: '还有 2 条审核意见待处理。请逐条修改，改好一条就在“审核意见”中标记为已解决；全部处理后重新定稿，导出 JSON 报送。',
    shared: '还有 2 条审核意见待处理。请逐条修改，改好一条就在“审核意见”中标记为已解决；全部处理后重新定稿，点工具栏中的“重新报送”。',
    en: 'Review comments still open: 2. Make each change',
  },
  {
    state: 'arrived by replication with a reason and no comment: opened for the changes',
    report: () => arrived(0),
    file: '请按退回原因修改，然后重新定稿，导出 JSON 报送。',
    shared: '请按退回原因修改，然后重新定稿，再点工具栏中的“重新报送”。',
    en: 'Make the changes the reason above asks for, then mark the report ready again and export the JSON',
  },
  {
    state: 'opened for the changes, 2 comments open',
    report: () => imported(2),
    file: '还有 2 条审核意见待处理。请逐条修改，改好一条就在“审核意见”中标记为已解决；全部处理后重新定稿，导出 JSON 报送。',
    shared: '还有 2 条审核意见待处理。请逐条修改，改好一条就在“审核意见”中标记为已解决；全部处理后重新定稿，点工具栏中的“重新报送”。',
    en: 'Review comments still open: 2. Make each change',
  },
  {
    state: 'opened for the changes, every comment resolved',
    report: () => resolveAll(imported(2)),
    file: '审核意见都已处理。请重新定稿，导出 JSON 报送。',
    shared: '审核意见都已处理。请重新定稿，再点工具栏中的“重新报送”。',
    en: 'All review comments are dealt with. Mark the report ready again and export the JSON',
  },
  {
    state: 'opened for the changes, returned with no comment',
    report: () => imported(0),
    file: '请按退回原因修改，然后重新定稿，导出 JSON 报送。',
    shared: '请按退回原因修改，然后重新定稿，再点工具栏中的“重新报送”。',
    en: 'Make the changes the reason above asks for, then mark the report ready again and export the JSON',
  },
  {
    state: 'marked ready again with 1 of 2 comments open',
    report: () => ({ ...resolveComment(imported(2), 'c1', later(0)), status: 'ready' }),
    file: '还有 1 条审核意见待处理。请先点“重新打开编辑”',
    shared: '还有 1 条审核意见待处理。请先点“重新打开编辑”，逐条修改，改好一条就在“审核意见”中标记为已解决；全部处理后重新定稿，点工具栏中的“重新报送”。',
    en: 'Review comments still open: 1. Press “Reopen for editing” first',
  },
  {
    state: 'marked ready again with no comment resolved since the return (none came)',
    report: () => ({ ...imported(0), status: 'ready' }),
    file: '请对照退回原因检查',
    shared: '改好后重新定稿；然后点工具栏中的“重新报送”，报送政务公开办。',
    en: 'Check it against the reason for the return',
  },
  {
    state: 'every comment resolved since the return, then marked ready again',
    report: () => ({ ...resolveAll(imported(2)), status: 'ready' }),
    file: '审核意见都已处理，本报告已重新定稿。请导出 JSON，报送政务公开办。',
    shared: '审核意见都已处理，本报告已重新定稿。请点工具栏中的“重新报送”，报送政务公开办。',
    en: 'All review comments are dealt with and the report is marked ready again. Export the JSON and send it to the reviewing office.',
  },
];

const help = () => document.querySelector('.review-returned-help')!.textContent!;
/** Said only where every comment of this return was resolved and the report marked ready after. */
const REVISED = ['已按审核意见修改', '已重新定稿', 'marked ready again. ', 'Changed and marked ready again'];

afterEach(() => rememberConnection(undefined));

describe('the returned banner says what is true of the draft', () => {
  test.each(cases)('$state', async ({ state, report, file, shared, en }) => {
    const claimsRevised = state.startsWith('every comment resolved since the return');
    await renderEditor({ report: report(), section: 'meta' });
    // The banner is lazy: on a cold, loaded machine it may come a moment after the editor.
    await screen.findByRole('region', { name: '政务公开办已退回本年报，请修改' });
    expect(help()).toContain(file);
    for (const claim of REVISED.slice(0, 2)) expect(help().includes(claim), claim).toBe(claimsRevised && claim === '已重新定稿');
    cleanup();

    rememberConnection(UNIT);
    await renderEditor({ report: report(), section: 'meta' });
    await screen.findByRole('region', { name: '政务公开办已退回本年报，请修改' });
    expect(help()).toContain(shared);
    expect(help()).not.toContain('JSON');
    cleanup();
    rememberConnection(undefined);

    await renderEditor({ report: report(), section: 'meta', lang: 'en' });
    await screen.findByRole('region', { name: 'The reviewing office returned this report for changes' });
    expect(help()).toContain(en);
    expect(help().includes('report is marked ready again'), 'en claims it was revised').toBe(claimsRevised);
    expect(help()).not.toContain('Changed and marked ready again');
  });
});
