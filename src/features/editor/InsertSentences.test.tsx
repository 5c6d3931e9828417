/** 插入表格数据说明: the preview, the insert into the right part, and the rules reading the text after. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { evaluate, setCell } from '../../report/index.ts';
import { standardSentences } from '../../report/publish/sentences.ts';
import { pingluo, renderEditor } from './test-utils.tsx';

vi.setConfig({ testTimeout: 30_000 });

const seedSentences = standardSentences(pingluo());
const sentence = (topic: string) => seedSentences.find((s) => s.topic === topic)!.text;

describe('插入表格数据说明', () => {
  test('一: the preview shows each sentence and where it goes; insert adds them at the end of their parts', async () => {
    const e = await renderEditor({ report: pingluo(), section: 'overview' });
    const before = pingluo().narrative.overview;
    await e.user.click(screen.getByRole('button', { name: '插入表格数据说明' }));
    const preview = screen.getByRole('group', { name: '插入表格数据说明（预览）' });
    expect(screen.getByRole('heading', { name: '插入表格数据说明（预览）' })).toHaveFocus();
    const boxes = within(preview).getAllByRole('checkbox');
    expect(boxes.map((b) => [(b as HTMLInputElement).checked, b.closest('label')!.textContent])).toEqual([
      [true, '规范性文件等（二） → 插入到“主动公开情况”末尾'],
      [true, '依申请公开（三） → 插入到“依申请公开情况”末尾'],
      [true, '行政复议、行政诉讼（四） → 插入到“依申请公开情况”末尾'],
    ]);
    for (const topic of ['proactive', 'applications', 'appeals']) expect(within(preview).getByText(sentence(topic))).toHaveAttribute('lang', 'zh-CN');
    // Nothing is written before the clerk says so.
    expect(e.latest().narrative.overview).toEqual(before);

    // Leave out the 二 sentence, from the keyboard: the checkbox keeps the focus.
    await e.user.tab();
    expect(boxes[0]).toHaveFocus();
    await e.user.keyboard(' ');
    expect(boxes[0]).not.toBeChecked();
    expect(boxes[0]).toHaveFocus();
    await e.user.click(within(preview).getByRole('button', { name: '插入所选（2段）' }));
    expect(screen.queryByRole('group', { name: '插入表格数据说明（预览）' })).toBeNull();

    const applicationsText = screen.getByRole('textbox', { name: '（二）依申请公开情况 正文' });
    const expected = `${before[2]!.text}\n${sentence('applications')}\n${sentence('appeals')}`;
    expect(applicationsText).toHaveValue(expected);
    await waitFor(() => expect(applicationsText).toHaveFocus());
    expect(screen.getByText('已插入 2 段文字。')).toBeInTheDocument();
    await waitFor(() => expect(e.latest().narrative.overview[2]!.text).toBe(expected));
    expect(e.latest().narrative.overview[1]).toEqual(before[1]);
    // The text agrees with the tables; a figure changed later disagrees with it.
    const narrativeCount = (r = e.latest()) => evaluate(r).filter((f) => f.rule === 'narrativeCount');
    expect(narrativeCount()).toEqual([]);
    expect(narrativeCount(setCell(e.latest(), 'applications.granted.naturalPerson', 4)).map((f) => [f.left, f.right])).toEqual([[3, 4]]);

    // Again: what is already there is said so and not offered twice.
    await e.user.click(screen.getByRole('button', { name: '插入表格数据说明' }));
    const again = within(screen.getByRole('group', { name: '插入表格数据说明（预览）' })).getAllByRole('checkbox');
    expect(again.map((b) => [(b as HTMLInputElement).checked, (b as HTMLInputElement).disabled])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(screen.getAllByText('（正文中已有）')).toHaveLength(2);
  });

  test('六 without a fee part: the sentence comes as a new part 信息处理费收取情况', async () => {
    const report = pingluo();
    report.narrative.other = [report.narrative.other[0]!];
    const e = await renderEditor({ report, section: 'other' });
    await e.user.click(screen.getByRole('button', { name: '插入表格数据说明' }));
    const preview = screen.getByRole('group', { name: '插入表格数据说明（预览）' });
    expect(within(preview).getByRole('checkbox').closest('label')).toHaveTextContent('收费情况 → 新增一部分“信息处理费收取情况”');
    await e.user.click(within(preview).getByRole('button', { name: '插入所选（1段）' }));
    await waitFor(() =>
      expect(e.latest().narrative.other).toEqual([report.narrative.other[0], { title: '信息处理费收取情况', text: sentence('fees') }]),
    );
    expect(screen.getByRole('textbox', { name: '（二）信息处理费收取情况 正文' })).toHaveValue(sentence('fees'));
    expect(evaluate(e.latest()).filter((f) => f.rule === 'feeStatement')).toEqual([]);
  });

  test('blank cells are named before inserting; Esc closes the preview and writes nothing', async () => {
    const report = pingluo();
    report.applications.granted.commercial = null;
    const e = await renderEditor({ report, section: 'overview' });
    const open = screen.getByRole('button', { name: '插入表格数据说明' });
    await e.user.click(open);
    expect(screen.getByText('表格中有 1 个相关单元格尚未填写，文字中按 0 计。')).toBeInTheDocument();
    await e.user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: '插入表格数据说明（预览）' })).toBeNull();
    expect(open).toHaveFocus();
    expect(e.latest().narrative.overview).toEqual(report.narrative.overview);
  });

  test('五 has no standard sentences; a ready report offers none', async () => {
    await renderEditor({ report: pingluo(), section: 'problems' });
    expect(screen.queryByRole('button', { name: '插入表格数据说明' })).toBeNull();
    await act(async () => {});
  });

  test('in English the UI is English and the sentences stay Chinese', async () => {
    const e = await renderEditor({ report: pingluo(), section: 'overview', lang: 'en' });
    await e.user.click(screen.getByRole('button', { name: 'Insert sentences from the tables' }));
    const preview = screen.getByRole('group', { name: 'Insert sentences from the tables (preview)' });
    expect(within(preview).getByText(sentence('applications'))).toHaveAttribute('lang', 'zh-CN');
    expect(within(preview).getAllByRole('checkbox')[1]!.closest('label')).toHaveTextContent('Applications (3) → At the end of “依申请公开情况”');
  });
});
