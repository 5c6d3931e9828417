/** Findings: the panel, marks on cells, click to go, explanations, 定稿 refused and allowed. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { setCell, type Report } from '../../report/index.ts';
import { cell, navButton, newReport, pingluo, renderEditor } from './test-utils.tsx';

const panel = () => within(screen.getByRole('complementary'));

function unbalanced(): Report {
  return setCell(newReport(), 'applications.newReceived.naturalPerson', 3);
}

describe('the findings panel', () => {
  test('lists an error with its two sides and difference; a click opens the section and focuses the cell', async () => {
    const e = await renderEditor({ report: unbalanced(), section: 'meta' });
    const item = panel().getByRole('button', { name: /自然人栏不平衡/ });
    expect(item).toHaveTextContent('错误');
    expect(item).toHaveTextContent('三、收到和处理政府信息公开申请情况');
    const sides = item.closest('li')!.querySelector('dl')!;
    expect(within(sides).getByText('左边').nextElementSibling).toHaveTextContent('3');
    expect(within(sides).getByText('右边').nextElementSibling).toHaveTextContent('0');
    expect(within(sides).getByText('相差').nextElementSibling).toHaveTextContent('+3');

    await e.user.click(item);
    expect(e.section()).toBe('applications');
    expect(screen.getByRole('heading', { level: 2, name: '三、收到和处理政府信息公开申请情况' })).toBeInTheDocument();
    expect(document.activeElement).toBe(cell('applications.newReceived.naturalPerson'));
  });

  test('cells of a finding are marked (not by colour alone) and described by its message; others are not', async () => {
    await renderEditor({ report: unbalanced(), section: 'applications' });
    for (const row of ['newReceived', 'carriedOver', 'carriedForward']) {
      const input = cell(`applications.${row}.naturalPerson`);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(/错误：自然人栏不平衡：一、本年新收 \+ 二、上年结转 = 3/);
      expect(input.closest('td')).toHaveClass('mark-error');
      expect(input.closest('td')!.querySelector('.mark-icon')).toHaveTextContent('✕');
    }
    const computed = screen.getByRole('textbox', { name: '（七）总计 自然人' });
    expect(computed).toHaveAttribute('aria-invalid', 'true');
    expect(cell('applications.newReceived.commercial')).not.toHaveAttribute('aria-invalid');
    expect(cell('applications.newReceived.commercial')).not.toHaveAttribute('aria-describedby');
    expect(cell('applications.granted.naturalPerson')).not.toHaveAttribute('aria-invalid');
  });

  test('findings follow typing: fixing the balance removes the marks', async () => {
    const e = await renderEditor({ report: unbalanced(), section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.keyboard('3');
    // Findings follow when the clerk pauses.
    await waitFor(() => expect(cell('applications.newReceived.naturalPerson')).not.toHaveAttribute('aria-invalid'));
    expect(panel().queryByRole('button', { name: /不平衡/ })).toBeNull();
    expect(panel().queryByRole('heading', { name: /错误/ })).toBeNull();
  });

  test('a narrative finding focuses the part it is about', async () => {
    const report = pingluo();
    report.narrative.overview[2]!.text = '全年共受理25件，均为自然人申请。';
    const e = await renderEditor({ report, section: 'applications' });
    const item = panel().getByRole('button', { name: /正文写“受理25件”/ });
    expect(item).toHaveTextContent('警告');
    await e.user.click(item);
    expect(e.section()).toBe('overview');
    // The narrative's code arrives first (on a first visit), then its part takes the focus.
    const text = await screen.findByRole('textbox', { name: '（二）依申请公开情况 正文' });
    await waitFor(() => expect(document.activeElement).toBe(text));
    expect(text).toHaveAccessibleDescription(/警告：正文写“受理25件”（25），而表格中/);
    expect(text).not.toHaveAttribute('aria-invalid');
  });

  test('a text-against-table warning puts the caret on the number it names, full-width digits too (issue 20.8)', async () => {
    const report = pingluo();
    const text = '本年度，我办全年共受理２５件政府信息公开申请，均按时答复。另有3件咨询。';
    report.narrative.overview[2]!.text = text;
    // From the header: its part of the lazy code is shown, then 一's (the boundary suspends again).
    const e = await renderEditor({ report, section: 'meta' });
    await e.user.click(panel().getByRole('button', { name: /正文写“受理25件”/ }));
    const area = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: '（二）依申请公开情况 正文' });
    await waitFor(() => expect(document.activeElement).toBe(area));
    const start = text.indexOf('２５');
    await waitFor(() => expect([area.selectionStart, area.selectionEnd]).toEqual([start, start + 2]));
  });

  test('section states in the side list', async () => {
    const report = unbalanced();
    report.narrative.overview[0]!.text = '2024年，我办……';
    await renderEditor({ report, section: 'meta' });
    expect(navButton(/三、收到和处理政府信息公开申请情况/)).toHaveTextContent('有错误');
    expect(navButton(/一、总体情况/)).toHaveTextContent('填写中');
    expect(navButton(/四、政府信息公开行政复议/)).toHaveTextContent('未开始');
    expect(navButton(/报告信息与导语/)).toHaveTextContent('已填完');
    expect(navButton(/报告信息与导语/)).toHaveAttribute('aria-current', 'step');
  });
});

describe('explanations', () => {
  function withCarryoverWarning() {
    const lastYear = pingluo();
    lastYear.meta.year = 2021;
    lastYear.applications.carriedForward.naturalPerson = 2;
    return { report: pingluo(), lastYear };
  }

  test('a warning is explained in at least one sentence, kept in the document and shown beside it', async () => {
    const { report, lastYear } = withCarryoverWarning();
    const e = await renderEditor({ report, lastYear, section: 'applications' });
    const item = panel().getByRole('button', { name: /自然人：上年结转 0 与上年报告的结转下年度 2 不一致/ }).closest('li')!;
    expect(navButton(/三、收到和处理/)).toHaveTextContent('有待说明的警告');
    const carriedOver = cell('applications.carriedOver.naturalPerson');
    expect(carriedOver.closest('td')).toHaveClass('mark-warning');

    await e.user.click(within(item).getByRole('button', { name: '说明原因' }));
    const box = await within(item).findByRole('textbox', { name: /为什么这样是对的/ });
    await e.user.type(box, '对');
    await e.user.click(within(item).getByRole('button', { name: '保存说明' }));
    expect(box).toHaveAccessibleDescription('请至少写一句话（不少于 5 个字）。');
    expect(e.latest().explanations).toEqual({});

    await e.user.clear(box);
    await e.user.type(box, '上年报告结转数填错，已按实际办理情况更正。');
    await e.user.click(within(item).getByRole('button', { name: '保存说明' }));
    expect(e.latest().explanations).toEqual({ 'carryover:naturalPerson': '上年报告结转数填错，已按实际办理情况更正。' });
    expect(item).toHaveTextContent('说明： 上年报告结转数填错，已按实际办理情况更正。');
    expect(item).toHaveTextContent('已说明');
    expect(carriedOver.closest('td')).toHaveClass('mark-explained');
    expect(carriedOver).toHaveAccessibleDescription(/警告（已说明）/);
    expect(navButton(/三、收到和处理/)).toHaveTextContent('已填完');
  });
});

describe('定稿', () => {
  test('refused while errors remain, listing them; blanks count from then on', async () => {
    const e = await renderEditor({ report: newReport(), section: 'appeals' });
    await e.user.click(screen.getByRole('button', { name: '定稿' }));
    const check = await screen.findByRole('region', { name: /暂不能定稿：还有 \d+ 个问题/ });
    await waitFor(() => expect(within(check).getByRole('heading')).toHaveFocus());
    expect(within(check).getByRole('button', { name: /四、政府信息公开行政复议、行政诉讼情况有 12 个单元格未填写/ })).toBeInTheDocument();
    expect(within(check).getByRole('button', { name: /一、总体情况未填写/ })).toBeInTheDocument();
    expect(e.latest().status).toBe('draft');
    // Blank cells are now marked as errors.
    expect(cell('appeals.review.upheld')).toHaveAttribute('aria-invalid', 'true');
    // Going to a blocker from the list.
    await e.user.click(within(check).getByRole('button', { name: /一、总体情况未填写/ }));
    expect(e.section()).toBe('overview');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '（一）主动公开 正文' }));
  });

  test('"3件" in a cell is one error at 定稿 (not a number), not also a blank (issue 20.9)', async () => {
    const report = pingluo();
    const e = await renderEditor({ report, section: 'appeals' });
    await e.user.click(cell('appeals.review.upheld'));
    await e.user.keyboard('3件');
    await e.user.click(screen.getByRole('button', { name: '定稿' }));
    const check = await screen.findByRole('region', { name: '暂不能定稿：还有 1 个问题' });
    expect(within(check).getAllByRole('button', { name: /“3件”/ })).toHaveLength(1);
    expect(within(check).queryByRole('button', { name: /未填写/ })).toBeNull();
    expect(e.latest().status).toBe('draft');
  });

  test('refused while a warning is unexplained; allowed once it is explained; a ready report is read-only until reopened', async () => {
    const report = pingluo();
    report.meta.publishedOn = '2023-02-20';
    const e = await renderEditor({ report, section: 'proactive' });
    await e.user.click(screen.getByRole('button', { name: '定稿' }));
    const check = await screen.findByRole('region', { name: '暂不能定稿：还有 1 个问题' });
    const warning = within(check).getByRole('button', { name: /发布日期 2023-02-20 晚于 2023-01-31/ }).closest('li')!;
    await e.user.click(within(warning).getByRole('button', { name: '说明原因' }));
    await e.user.type(within(warning).getByRole('textbox'), '春节假期顺延，经县政务公开办同意后发布。');
    await e.user.click(within(warning).getByRole('button', { name: '保存说明' }));
    expect(screen.getByText('问题都已处理，可以定稿了。')).toBeInTheDocument();

    await e.user.click(screen.getByRole('button', { name: '定稿' }));
    expect(e.latest().status).toBe('ready');
    expect(e.latest().explanations['deadline:meta.publishedOn']).toBe('春节假期顺延，经县政务公开办同意后发布。');
    expect(screen.getByText('本报告已定稿，只读。如需修改，请点“重新打开编辑”。')).toBeInTheDocument();
    expect(cell('proactive.licensing')).toHaveAttribute('readonly');
    await e.user.click(cell('proactive.licensing'));
    await e.user.keyboard('9');
    expect(cell('proactive.licensing')).toHaveValue('0');

    await e.user.click(screen.getByRole('button', { name: '重新打开编辑' }));
    expect(e.latest().status).toBe('draft');
    expect(cell('proactive.licensing')).not.toHaveAttribute('readonly');
  });

  test('a report that arrives ready is read-only by itself', async () => {
    await renderEditor({ report: { ...pingluo(), status: 'ready' }, section: 'overview' });
    expect(screen.getByRole('textbox', { name: '（一）主动公开情况 正文' })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: /添加一部分/ })).toBeNull();
    expect(screen.getByRole('button', { name: '重新打开编辑' })).toBeEnabled();
  });
});
