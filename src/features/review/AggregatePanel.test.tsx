import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ENTERED_CELLS, getCell, setCell, type Report } from '../../report/index.ts';
import { AggregatePanel } from './AggregatePanel.tsx';
import { renderUi, unitReport, unitsOf } from './testUtils.tsx';

vi.setConfig({ testTimeout: 30_000 });

describe('AggregatePanel', () => {
  const a = unitReport('甲局', { status: 'approved', cells: { 'applications.newReceived.naturalPerson': 30, 'applications.granted.naturalPerson': 9 } });
  const b = unitReport('乙镇', { status: 'approved', cells: { 'proactive.fees': 1.5 } });
  const c = unitReport('丙街道', { status: 'submitted' });
  const d = unitReport('丁局', { status: 'approved' });
  const old = unitReport('戊局', { year: 2021, status: 'approved' });
  const all = unitsOf(a, b, c, d, old);
  const selected = all.filter((u) => ['甲局', '乙镇', '丙街道'].includes(u.agency));

  test('requires the agency; sums the approved; names missing, unapproved and unselected units prominently; hands the report on', async () => {
    const user = userEvent.setup();
    const onBuilt = vi.fn();
    const onAgencyChange = vi.fn();
    renderUi(<AggregatePanel selected={selected} all={all} roster={['庚乡']} defaultAgency="" onBuilt={onBuilt} onAgencyChange={onAgencyChange} />);
    expect(screen.getByRole('combobox', { name: '年度' })).toHaveValue('2022');
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(screen.getByText(/请填写汇总机关名称/)).toBeInTheDocument();
    expect(onBuilt).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: '汇总机关名称' }), '某县人民政府');
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(onAgencyChange).toHaveBeenCalledWith('某县人民政府');
    const report = onBuilt.mock.lastCall![0] as Report;
    for (const cell of ENTERED_CELLS) {
      const values = [a, b].map((r) => getCell(r, cell.id));
      const expected = values.every((v) => v === null) ? null : Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 10_000) / 10_000;
      expect(getCell(report, cell.id), cell.id).toBe(expected);
    }
    expect(report.meta).toMatchObject({ agency: '某县人民政府', agencyKind: 'government', year: 2022 });

    const attention = screen.getByRole('region', { name: /以下单位未计入汇总或需要注意/ });
    expect(within(attention).getByText('未通过审核，未计入（1 个）').nextSibling).toHaveTextContent('丙街道');
    expect(within(attention).getByText('有本年度报告但未选中，未计入（1 个）').nextSibling).toHaveTextContent('丁局');
    expect(within(attention).getByText('没有本年度报告（2 个）').nextSibling).toHaveTextContent(/庚乡.*戊局|戊局.*庚乡/);
    expect(screen.getByText('已计入 2 个单位：')).toBeInTheDocument();
    const totals = screen.getByRole('table', { name: '主要合计' });
    expect(within(within(totals).getByRole('row', { name: /一、本年新收政府信息公开申请数量 总计/ })).getByRole('cell')).toHaveTextContent('54');
    expect(within(within(totals).getByRole('row', { name: /行政事业性收费/ })).getByRole('cell')).toHaveTextContent('1.5');
  });

  test('including the unapproved sums them and still names them', async () => {
    const user = userEvent.setup();
    const onBuilt = vi.fn();
    renderUi(<AggregatePanel selected={selected} all={all} roster={[]} defaultAgency="某县人民政府" onBuilt={onBuilt} />, 'en');
    await user.click(screen.getByRole('checkbox', { name: 'Include reports not yet approved' }));
    await user.click(screen.getByRole('button', { name: 'Build the aggregate' }));
    expect((onBuilt.mock.lastCall![0] as Report).applications.newReceived.naturalPerson).toBe(30 + 24 + 24);
    expect(screen.getByText('Included although not approved (1)').nextSibling).toHaveTextContent('丙街道');
  });

  test('a print button appears when the app can print', async () => {
    const user = userEvent.setup();
    const onPrint = vi.fn();
    renderUi(<AggregatePanel selected={selected} all={all} roster={[]} defaultAgency="某县人民政府" onPrint={onPrint} />);
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    await user.click(screen.getByRole('button', { name: '打印汇总' }));
    expect((onPrint.mock.lastCall![0] as Report).aggregate?.units).toHaveLength(2);
  });

  test('no roster: never "all expected units are in"; it says none was given and lists who is counted', async () => {
    const user = userEvent.setup();
    const only = unitsOf(unitReport('甲局', { status: 'approved' }));
    renderUi(<AggregatePanel selected={only} all={only} roster={[]} defaultAgency="某县人民政府" />);
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(screen.queryByText(/所有应报送单位均已计入/)).not.toBeInTheDocument();
    expect(screen.getByText(/没有应报送单位名单/)).toBeInTheDocument();
    expect(screen.getByText('已计入 1 个单位：').parentElement).toHaveTextContent('甲局');
  });

  test('blank is not zero: units with blank cells are named, all-blank totals stay blank, the grand total is "（七）总计"', async () => {
    const user = userEvent.setup();
    let blank = unitReport('己局', { status: 'approved' });
    for (const cell of ENTERED_CELLS) if (cell.section === 'applications') blank = setCell(blank, cell.id, null);
    const units = unitsOf(blank);
    renderUi(<AggregatePanel selected={units} all={units} roster={['己局']} defaultAgency="某县人民政府" />);
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    const attention = screen.getByRole('region', { name: /以下单位未计入汇总或需要注意/ });
    expect(within(attention).getByText('有未填的格子（未按 0 计）（1 个）').nextSibling).toHaveTextContent(/己局（\d+ 格）/);
    const totals = screen.getByRole('table', { name: '主要合计' });
    const row = within(totals).getByRole('row', { name: /^（七）总计/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent(/^（七）总计$/);
    expect(within(row).getByRole('cell')).toHaveTextContent('—');
    // 二 is filled: its figure shows.
    expect(within(within(totals).getByRole('row', { name: /行政事业性收费/ })).getByRole('cell')).not.toHaveTextContent('—');
  });

  test('the empty aggregate (no unit counted) shows one sign everywhere', async () => {
    const user = userEvent.setup();
    const pending = unitsOf(unitReport('丙街道', { status: 'submitted' }));
    renderUi(<AggregatePanel selected={pending} all={pending} roster={['丙街道']} defaultAgency="某县人民政府" />);
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(screen.getByText('没有计入任何单位。')).toBeInTheDocument();
    const cells = within(screen.getByRole('table', { name: '主要合计' })).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(cells.map(() => '—'));
  });

  test('a result given (kept from before) shows at once, and a new one is handed on to be kept', async () => {
    const user = userEvent.setup();
    const onBuilt = vi.fn();
    renderUi(<AggregatePanel selected={selected} all={all} roster={[]} defaultAgency="某县人民政府" kept={{ year: 2022, includeUnapproved: true }} onBuilt={onBuilt} />);
    expect(screen.getByRole('checkbox', { name: '未通过审核的也计入' })).toBeChecked();
    expect(screen.getByText('已计入 3 个单位：')).toBeInTheDocument();
    expect(onBuilt).not.toHaveBeenCalled();
    await user.click(screen.getByRole('checkbox', { name: '未通过审核的也计入' }));
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(onBuilt.mock.lastCall![1]).toEqual({ year: 2022, includeUnapproved: false });
  });
});

