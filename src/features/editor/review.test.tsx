/**
 * The clerk's side of review: a returned report's comments at their cells and parts, the
 * 审核意见 panel (open first, go to, resolve, reopen), the return banner, counts in the section
 * list; resolving is an edit (onChange) and is refused while the report is 定稿.
 */
import type { ProfilerOnRenderCallback } from 'react';
import { screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { setCell, type Report, type ReviewComment } from '../../report/index.ts';
import { cell, navButton, pingluo, renderEditor } from './test-utils.tsx';

const REVIEWER = '平罗县政务公开办';
const CELL = 'applications.granted.naturalPerson';
const CELL_TEXT = '予以公开数与正文所写的不一致，请核对。';
const PART_TEXT = '请写明依申请公开的办理时限。';
const WHOLE_TEXT = '请补充发布日期。';
const RESOLVED_TEXT = '联系电话已核对。';
const REASON = '表三与正文数据不一致';

function comment(id: string, target: string, text: string, extra: Partial<ReviewComment> = {}): ReviewComment {
  return { id, target, text, author: REVIEWER, at: '2023-01-20T09:00:00+08:00', resolved: false, ...extra };
}

/** Pingluo 2022 as the 政务公开办 sends it back: returned, three open comments, one resolved. */
function returned(status: Report['status'] = 'draft'): Report {
  return {
    ...pingluo(),
    status,
    review: {
      status: 'returned',
      comments: [
        comment('c-resolved', 'meta.contact', RESOLVED_TEXT, { resolved: true, resolvedAt: '2023-01-20T10:00:00+08:00', at: '2023-01-20T08:00:00+08:00' }),
        comment('c-cell', CELL, CELL_TEXT),
        comment('c-part', 'narrative.overview.2', PART_TEXT, { partTitle: '依申请公开情况' }),
        comment('c-whole', '', WHOLE_TEXT),
      ],
      history: [
        { action: 'submitted', at: '2023-01-19T09:00:00+08:00', by: '平罗县人民政府办公室' },
        { action: 'commented', at: '2023-01-20T09:00:00+08:00', by: REVIEWER, note: CELL },
        { action: 'returned', at: '2023-01-20T09:05:00+08:00', by: REVIEWER, note: REASON },
      ],
    },
  };
}

const reviewPanel = () => within(screen.getByRole('region', { name: /^审核意见/ }));
const CELL_WHERE = '三、收到和处理政府信息公开申请情况 · （一）予以公开 自然人';
const PART_WHERE = '一、总体情况 · （二）依申请公开情况';

describe('comments where they point', () => {
  test('a cell with an open comment is marked (a corner flag) and described by the comment; other cells are not', async () => {
    await renderEditor({ report: returned(), section: 'applications' });
    const input = cell(CELL);
    expect(input).toHaveAccessibleDescription(`审核意见（${REVIEWER}）：${CELL_TEXT}`);
    const td = input.closest('td')!;
    expect(td).toHaveClass('has-comment');
    // Shown beside the cell too (on focus or hover), for those who see it.
    expect(td.querySelector('.cell-comments')).toHaveTextContent(CELL_TEXT);
    const other = cell('applications.granted.commercial');
    expect(other).not.toHaveAttribute('aria-describedby');
    expect(other.closest('td')).not.toHaveClass('has-comment');
  });

  test('a part’s comment shows beside the part and describes its text; it follows the part when moved', async () => {
    const e = await renderEditor({ report: returned(), section: 'overview' });
    const text = screen.getByRole('textbox', { name: '（二）依申请公开情况 正文' });
    expect(text).toHaveAccessibleDescription(`审核意见（${REVIEWER}）：${PART_TEXT}`);
    const part = text.closest('li')!;
    expect(within(within(part).getByRole('list', { name: '审核意见' })).getByText(PART_TEXT)).toBeInTheDocument();
    expect(within(part).getByText(new RegExp(REVIEWER))).toBeInTheDocument();
    expect(part.querySelector('.part-text')).toHaveClass('has-comment');
    // Other parts carry nothing.
    const first = screen.getByRole('textbox', { name: '（一）主动公开情况 正文' });
    expect(first).not.toHaveAccessibleDescription(/审核意见/);

    await e.user.click(screen.getByRole('button', { name: '上移 （二）依申请公开情况' }));
    const moved = screen.getByRole('textbox', { name: '（一）依申请公开情况 正文' });
    expect(moved).toHaveAccessibleDescription(`审核意见（${REVIEWER}）：${PART_TEXT}`);
    expect(screen.getByRole('textbox', { name: '（二）主动公开情况 正文' })).not.toHaveAccessibleDescription(/审核意见/);
    expect(reviewPanel().getByRole('button', { name: '转到：一、总体情况 · （一）依申请公开情况' })).toBeInTheDocument();
  });

  test('a header field’s and the preamble’s comments show beside them; a resolved one does not', async () => {
    const report = returned();
    report.review.comments.push(comment('c-date', 'meta.publishedOn', '发布日期未填。'), comment('c-pre', 'narrative.preamble', '导语请写明网址。'));
    await renderEditor({ report, section: 'meta' });
    const date = screen.getByLabelText('发布日期');
    expect(date).toHaveAccessibleDescription(`审核意见（${REVIEWER}）：发布日期未填。`);
    const field = date.closest('.meta-field') as HTMLElement;
    expect(within(field).getByRole('list', { name: '审核意见' })).toHaveTextContent('发布日期未填。');
    expect(field).toHaveClass('has-comment');
    const preamble = screen.getByRole('textbox', { name: '导语' });
    expect(preamble).toHaveAccessibleDescription(/导语请写明网址。/);
    expect(within(preamble.closest('.preamble') as HTMLElement).getByRole('list', { name: '审核意见' })).toHaveTextContent('导语请写明网址。');
    // 联系方式's comment is resolved: nothing beside it.
    const contact = screen.getByRole('textbox', { name: '联系方式' });
    expect(contact).not.toHaveAccessibleDescription(/审核意见/);
    expect(within(contact.closest('.meta-field') as HTMLElement).queryByRole('list')).toBeNull();
    expect(navButton(/报告信息与导语/)).toHaveAccessibleName(/2 条审核意见待处理/);
  });

  test('a returned report shows the reason and the comments on the whole report at the top', async () => {
    await renderEditor({ report: returned(), section: 'meta' });
    const banner = screen.getByRole('region', { name: '政务公开办已退回本年报，请修改' });
    expect(banner).toHaveTextContent(`退回原因： ${REASON}`);
    expect(banner).toHaveTextContent('还有 3 条审核意见待处理');
    const whole = screen.getByRole('region', { name: '对整份年报的审核意见' });
    expect(whole).toHaveTextContent(WHOLE_TEXT);
    expect(whole).toHaveTextContent(REVIEWER);
  });

  test('no banner and no panel for a report that was never reviewed', async () => {
    await renderEditor({ report: pingluo(), section: 'meta' });
    expect(screen.queryByRole('region', { name: /^审核意见/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /退回/ })).toBeNull();
  });

  test('the section list counts open comments per section', async () => {
    await renderEditor({ report: returned(), section: 'meta' });
    expect(navButton(/三、收到和处理政府信息公开申请情况/)).toHaveTextContent('✎ 1');
    expect(navButton(/三、收到和处理政府信息公开申请情况/)).toHaveAccessibleName(/1 条审核意见待处理/);
    expect(navButton(/一、总体情况/)).toHaveAccessibleName(/1 条审核意见待处理/);
    // The resolved comment on 联系方式 counts for nothing; the whole report's belongs to no section.
    expect(navButton(/报告信息与导语/)).not.toHaveTextContent('✎');
    expect(navButton(/四、政府信息公开行政复议/)).not.toHaveTextContent('✎');
  });
});

describe('the 审核意见 panel', () => {
  test('lists every comment, open first, with where, who, when and the text', async () => {
    await renderEditor({ report: returned(), section: 'meta' });
    const panel = reviewPanel();
    expect(screen.getByRole('heading', { name: /^审核意见/ })).toHaveTextContent('（3 条待处理）');
    expect(panel.getByText('审核状态：已退回修改')).toBeInTheDocument();
    const items = panel.getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.review-comment-text')!.textContent)).toEqual([CELL_TEXT, PART_TEXT, WHOLE_TEXT, RESOLVED_TEXT]);
    expect(items[0]).toHaveTextContent('待处理');
    expect(within(items[0]!).getByRole('button', { name: `转到：${CELL_WHERE}` })).toHaveTextContent('（一）予以公开 自然人');
    expect(items[0]).toHaveTextContent(REVIEWER);
    expect(items[0]).toHaveTextContent('2023');
    expect(within(items[1]!).getByRole('button', { name: `转到：${PART_WHERE}` })).toBeInTheDocument();
    // The whole report is nowhere to go to.
    expect(items[2]).toHaveTextContent('整份年报');
    expect(within(items[2]!).queryByRole('button', { name: /^转到/ })).toBeNull();
    expect(items[3]).toHaveTextContent('已解决');
    expect(within(items[3]!).getByRole('button', { name: '重新打开意见：报告信息与导语 · 联系方式' })).toBeInTheDocument();
  });

  test('go to: opens the section and focuses the cell or the part', async () => {
    const e = await renderEditor({ report: returned(), section: 'meta' });
    await e.user.click(reviewPanel().getByRole('button', { name: `转到：${CELL_WHERE}` }));
    expect(e.section()).toBe('applications');
    expect(document.activeElement).toBe(cell(CELL));

    await e.user.click(reviewPanel().getByRole('button', { name: `转到：${PART_WHERE}` }));
    expect(e.section()).toBe('overview');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '（二）依申请公开情况 正文' }));
  });

  test('resolve and reopen change the document’s review (onChange), the marks and the counts', async () => {
    const e = await renderEditor({ report: returned(), section: 'applications' });
    e.onChange.mockClear();
    await e.user.click(reviewPanel().getByRole('button', { name: `标记为已解决：${CELL_WHERE}` }));

    expect(e.onChange).toHaveBeenCalledTimes(1);
    const resolved = e.latest().review;
    const c = resolved.comments.find((x) => x.id === 'c-cell')!;
    expect(c.resolved).toBe(true);
    expect(c.resolvedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(resolved.history.at(-1)).toMatchObject({ action: 'resolved', by: '平罗县人民政府办公室', note: 'c-cell' });
    expect(resolved.status).toBe('returned');
    // Nothing else in the document changed.
    expect({ ...e.latest(), review: null }).toEqual({ ...returned(), review: null });

    expect(cell(CELL)).not.toHaveAccessibleDescription(/审核意见/);
    expect(cell(CELL).closest('td')).not.toHaveClass('has-comment');
    expect(navButton(/三、收到和处理政府信息公开申请情况/)).not.toHaveTextContent('✎');
    expect(screen.getByRole('heading', { name: /^审核意见/ })).toHaveTextContent('（2 条待处理）');
    // The focus stays with the comment (its button is now 重新打开), and it is said.
    const reopen = reviewPanel().getByRole('button', { name: `重新打开意见：${CELL_WHERE}` });
    expect(document.activeElement).toBe(reopen);
    expect(reviewPanel().getByRole('status')).toHaveTextContent(`已标记为已解决：${CELL_WHERE}`);
    // Resolved ones go last.
    expect(reviewPanel().getAllByRole('listitem').at(-1)).toHaveTextContent(CELL_TEXT);

    await e.user.click(reopen);
    const reopened = e.latest().review;
    expect(reopened.comments.find((x) => x.id === 'c-cell')).toMatchObject({ resolved: false });
    expect(reopened.comments.find((x) => x.id === 'c-cell')).not.toHaveProperty('resolvedAt');
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopened', note: 'c-cell' });
    expect(cell(CELL)).toHaveAccessibleDescription(`审核意见（${REVIEWER}）：${CELL_TEXT}`);
    expect(document.activeElement).toBe(reviewPanel().getByRole('button', { name: `标记为已解决：${CELL_WHERE}` }));
  });

  test('resolving every comment changes the banner’s help', async () => {
    const e = await renderEditor({ report: returned(), section: 'meta' });
    for (const name of [`标记为已解决：${CELL_WHERE}`, `标记为已解决：${PART_WHERE}`, '标记为已解决：整份年报']) {
      await e.user.click(reviewPanel().getByRole('button', { name }));
    }
    expect(e.latest().review.comments.every((c) => c.resolved)).toBe(true);
    expect(screen.getByRole('region', { name: '政务公开办已退回本年报，请修改' })).toHaveTextContent('审核意见都已处理。请重新定稿');
    expect(screen.queryByRole('region', { name: '对整份年报的审核意见' })).toBeNull();
  });

  test('a 定稿 report is read-only: comments show, but resolving waits until it is reopened', async () => {
    const e = await renderEditor({ report: returned('ready'), section: 'meta' });
    const panel = reviewPanel();
    expect(panel.getByText(/本报告已定稿，只读。要把意见标记为已解决，请先点“重新打开编辑”/)).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: /^标记为已解决/ })).toBeNull();
    expect(panel.queryByRole('button', { name: /^重新打开意见/ })).toBeNull();
    expect(panel.getByRole('button', { name: `转到：${CELL_WHERE}` })).toBeInTheDocument();

    await e.user.click(screen.getByRole('button', { name: '重新打开编辑' }));
    await e.user.click(reviewPanel().getByRole('button', { name: `标记为已解决：${CELL_WHERE}` }));
    expect(e.latest().status).toBe('draft');
    expect(e.latest().review.comments.find((x) => x.id === 'c-cell')!.resolved).toBe(true);
  });

  test('read-only by the parent: no resolving either', async () => {
    await renderEditor({ report: returned(), section: 'meta', readOnly: true });
    expect(reviewPanel().getByText('这里只读，不能标记意见。')).toBeInTheDocument();
    expect(reviewPanel().queryByRole('button', { name: /^标记为已解决/ })).toBeNull();
  });

  test('in English: the panel and the marks speak English, official labels from the model', async () => {
    await renderEditor({ report: returned(), section: 'applications', lang: 'en' });
    const panel = within(screen.getByRole('region', { name: /^Review comments/ }));
    expect(panel.getByText('Review status: returned for changes')).toBeInTheDocument();
    expect(panel.getByRole('button', { name: /^Go to: 3\. .* · \(1\) Disclosed — Natural persons$/ })).toBeInTheDocument();
    expect(cell(CELL)).toHaveAccessibleDescription(`Review comment (${REVIEWER}): ${CELL_TEXT}`);
    expect(screen.getByRole('region', { name: 'The reviewing office returned this report for changes' })).toHaveTextContent(REASON);
  });
});

describe('speed with comments', () => {
  test('typing into a cell re-renders no commented cell and no more than without comments', async () => {
    const commits: string[] = [];
    const probe: ProfilerOnRenderCallback = (id, phase) => {
      if (phase !== 'mount') commits.push(id);
    };
    const report = setCell(returned(), 'applications.newReceived.commercial', 5);
    const e = await renderEditor({ report, section: 'applications', probe });
    await e.user.click(cell('applications.withheld.stateSecret.commercial'));
    commits.length = 0;
    await e.user.keyboard('1');
    expect(e.latest().applications.withheld.stateSecret.commercial).toBe(1);
    expect(cell('applications.withheld.stateSecret.total')).toHaveTextContent(/^1$/);
    // Totals write their own numbers (GridCells useLiveTotal): nothing commits, as without comments.
    expect(commits).toEqual([]);
  });
});
