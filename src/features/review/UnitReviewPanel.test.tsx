import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { evaluate, type Report } from '../../report/index.ts';
import { buildUnits } from './model.ts';
import { BROKEN_BALANCE, renderUi, unitReport, version } from './testUtils.tsx';
import { UnitReviewPanel } from './UnitReviewPanel.tsx';

/** The panel over a unit held in state: onAct applies the action as the workspace would. */
function Harness({ report, reviewer = '县政务公开办 王审', onChange }: { report: Report; reviewer?: string; onChange?: (r: Report) => void }) {
  const [current, setCurrent] = useState(() => version(report));
  const unit = buildUnits([current])[0]!;
  return (
    <UnitReviewPanel
      unit={unit}
      reviewer={reviewer}
      onAct={async (_unit, action) => {
        const next = action(current.document);
        setCurrent({ ...current, document: next });
        onChange?.(next);
        return { ok: true };
      }}
    />
  );
}

afterEach(() => vi.restoreAllMocks());
// Rendering the panel's long target list in jsdom takes a while on a small machine.
vi.setConfig({ testTimeout: 30_000 });

describe('UnitReviewPanel', () => {
  test('comments on a chosen cell; the text is required; resolve and reopen', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness report={unitReport('甲局')} onChange={onChange} />);
    expect(screen.getByText('还没有审核意见。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    expect(screen.getByText('请填写意见内容。')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByRole('combobox', { name: '意见针对' }), 'applications.granted.naturalPerson');
    await user.click(screen.getByRole('textbox', { name: '意见内容' }));
    await user.paste('予以公开数与正文“3件”不符');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    const list = screen.getByRole('list', { name: '审核意见' });
    expect(within(list).getByText('予以公开数与正文“3件”不符')).toBeInTheDocument();
    expect(within(list).getByText(/三 · （一）予以公开 自然人/)).toBeInTheDocument();
    expect(within(list).getByText(/县政务公开办 王审/)).toBeInTheDocument();
    expect(screen.getByText('已添加审核意见。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '意见内容' })).toHaveValue('');
    const stored = onChange.mock.lastCall![0] as Report;
    expect(stored.review.comments).toEqual([expect.objectContaining({ target: 'applications.granted.naturalPerson', author: '县政务公开办 王审', resolved: false })]);

    await user.click(within(list).getByRole('button', { name: /标为已解决/ }));
    expect(within(list).getByText(/✓ 已解决/)).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: /重新打开/ }));
    expect(within(list).getByText(/✎ 未解决/)).toBeInTheDocument();
    expect((onChange.mock.lastCall![0] as Report).review.history.map((e) => e.action)).toEqual(['commented', 'resolved', 'reopened']);
  });

  test('a comment on a narrative part and on the whole report', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness report={unitReport('甲局')} onChange={onChange} />);
    await user.selectOptions(screen.getByRole('combobox', { name: '意见针对' }), 'narrative.overview.2');
    await user.type(screen.getByRole('textbox', { name: '意见内容' }), '请写明办理时限');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '意见针对' }), '');
    await user.type(screen.getByRole('textbox', { name: '意见内容' }), '整体较好');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    const comments = (onChange.mock.lastCall![0] as Report).review.comments;
    expect(comments.map((c) => [c.target, c.partTitle])).toEqual([
      ['narrative.overview.2', '依申请公开情况'],
      ['', undefined],
    ]);
    const list = screen.getByRole('list', { name: '审核意见' });
    expect(within(list).getByText(/一、总体情况 · （二）依申请公开情况/)).toBeInTheDocument();
    expect(within(list).getByText('整份报告')).toBeInTheDocument();
  });

  test('return needs a reason; the reason is shown and kept in the history', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness report={unitReport('乙镇', { cells: BROKEN_BALANCE })} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: '退回修改' }));
    expect(screen.getByText('退回时必须写明理由，填报单位才知道要改什么。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '退回理由（必填）' })).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('textbox', { name: '退回理由（必填）' }));
    await user.paste('表三自然人栏不平衡，请更正后重新报送');
    await user.click(screen.getByRole('button', { name: '退回修改' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('已退回');
    expect(screen.getByText('表三自然人栏不平衡，请更正后重新报送', { selector: '.rv-return-reason *, .rv-return-reason' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '退回修改' })).toBeDisabled();
    const report = onChange.mock.lastCall![0] as Report;
    expect(report.review.status).toBe('returned');
    expect(report.review.history.at(-1)).toMatchObject({ action: 'returned', by: '县政务公开办 王审', note: '表三自然人栏不平衡，请更正后重新报送' });
  });

  test('a report with errors cannot be approved (and says why); a clean one can', async () => {
    const user = userEvent.setup();
    const { unmount } = renderUi(<Harness report={unitReport('乙镇', { cells: BROKEN_BALANCE })} />);
    const approve = screen.getByRole('button', { name: '审核通过' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(/个错误，不能通过/);
    expect(screen.getAllByText('错误').length).toBeGreaterThan(0);
    unmount();

    const onChange = vi.fn();
    renderUi(<Harness report={unitReport('甲局')} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    expect((onChange.mock.lastCall![0] as Report).review.status).toBe('approved');
    expect(screen.getByRole('button', { name: '审核通过' })).toBeDisabled();
    expect(screen.getByText('已通过。')).toBeInTheDocument();
  });

  test('warnings show the clerk’s explanation beside them, or that there is none', () => {
    // The seed copied as a 2021 report still says 2022 in its text: yearMismatch warnings.
    const base = unitReport('丙局', { year: 2021 });
    const warnings = evaluate(base).filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(1);
    const { unmount } = renderUi(<Harness report={base} />);
    expect(screen.getAllByText('填报单位未作说明。')).toHaveLength(warnings.length);
    unmount();

    // Explain the first warning only.
    const explained = { ...base, explanations: { [warnings[0]!.key]: '本单位沿用上年模板，已核对数字无误' } };
    renderUi(<Harness report={explained} />);
    const item = screen.getByText('本单位沿用上年模板，已核对数字无误', { exact: false }).closest('li')!;
    expect(item).toHaveTextContent('填报单位说明：');
    expect(item).toHaveTextContent(warnings[0]!.message.zh);
    expect(screen.getAllByText('填报单位未作说明。')).toHaveLength(warnings.length - 1);
  });

  test('without a reviewer name nothing can be done, and it says so', () => {
    renderUi(<Harness report={unitReport('甲局')} reviewer="  " />);
    expect(screen.getByText(/请先在审核工作台填写审核人姓名/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '审核通过' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '退回修改' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '添加审核意见' })).toBeDisabled();
  });

  test('export downloads the reviewed file under the clerk’s name', async () => {
    const user = userEvent.setup();
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderUi(<Harness report={unitReport('甲局')} />);
    await user.type(screen.getByRole('textbox', { name: '意见内容' }), '好');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    await user.click(screen.getByRole('button', { name: '导出审核后的文件' }));
    expect(clicks).toEqual(['甲局-2022-政府信息公开年报.json']);
    const exported = JSON.parse(await blob!.text()) as Report;
    expect(exported.review.comments.map((c) => c.text)).toEqual(['好']);
    expect(screen.getByText('已导出：甲局-2022-政府信息公开年报.json')).toBeInTheDocument();
  });
});

test('a draft (never marked ready) says 未定稿 and cannot be approved', async () => {
  renderUi(<Harness report={{ ...unitReport('戊局'), status: 'draft' }} />);
  expect(screen.getAllByText('未定稿').length).toBeGreaterThan(0);
  const approve = screen.getByRole('button', { name: '审核通过' });
  expect(approve).toBeDisabled();
  expect(approve).toHaveAccessibleDescription(/未定稿/);
});

