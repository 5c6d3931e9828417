import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { RowSelectionState } from '@tanstack/react-table';
import { toRow, unitRows, type SharedUnits, type UnitRow } from './model.ts';
import { BROKEN_BALANCE, renderUi, unitReport, unitsOf } from './testUtils.tsx';
import { UnitsTable } from './UnitsTable.tsx';

const rows: UnitRow[] = unitsOf(
  unitReport('甲局', { status: 'approved' }),
  unitReport('乙镇', { cells: BROKEN_BALANCE }),
  unitReport('丙街道', { status: 'returned', cells: { ...BROKEN_BALANCE, 'applications.newReceived.commercial': 5 } }),
  unitReport('丁局', { year: 2021 }),
).map((u) => toRow(u));

function Harness({ onBatch }: { onBatch?: (keys: readonly string[]) => void }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  return (
    <UnitsTable
      rows={rows}
      rowSelection={selection}
      onRowSelectionChange={setSelection}
      renderBatchActions={(keys) => (
        <button type="button" onClick={() => onBatch?.(keys)}>
          batch
        </button>
      )}
    />
  );
}

const agencies = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('rowheader')[0]!.textContent);

describe('UnitsTable', () => {
  test('shows every unit with status, counts and kind', () => {
    renderUi(<Harness />);
    expect(screen.getAllByRole('row')).toHaveLength(5);
    const row = screen.getByRole('row', { name: /丙街道/ });
    // The review's status and the progress say the same here (a file: no server to ask).
    expect(within(row).getAllByText('已退回')).toHaveLength(2);
    expect(within(row).getByText('县级以上人民政府部门')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '丙街道' })).toHaveAttribute('href', `#/review/${encodeURIComponent('2022|丙街道')}`);
  });

  test('header buttons sort and say so with aria-sort; the keyboard works', async () => {
    const user = userEvent.setup();
    renderUi(<Harness />);
    const errorsHeader = screen.getByRole('columnheader', { name: /错误/ });
    expect(errorsHeader).toHaveAttribute('aria-sort', 'none');
    const button = within(errorsHeader).getByRole('button');
    button.focus();
    await user.keyboard('{Enter}');
    // Counts sort most first.
    expect(errorsHeader).toHaveAttribute('aria-sort', 'descending');
    const errorsOf = (name: string) => rows.find((r) => r.agency === name)!.errors;
    const order = agencies();
    expect(order.slice(0, 2).every((a) => errorsOf(a!) > 0)).toBe(true);
    expect(errorsOf(order[0]!)).toBeGreaterThanOrEqual(errorsOf(order[1]!));
    await user.click(button);
    expect(errorsHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(errorsOf(agencies()[0]!)).toBe(0);

    const agencyHeader = screen.getByRole('columnheader', { name: /机关名称/ });
    await user.click(within(agencyHeader).getByRole('button'));
    expect(agencyHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(errorsHeader).toHaveAttribute('aria-sort', 'none');
    expect(agencies()).toEqual(['丙街道', '丁局', '甲局', '乙镇'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  test('filters by status, year and findings, and searches the agency', async () => {
    const user = userEvent.setup();
    renderUi(<Harness />);
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'errors');
    expect(agencies().sort()).toEqual(['丙街道', '乙镇'].sort());
    expect(screen.getByText('显示 2 / 4 个，已选 0 个')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '审核状态' }), 'returned');
    expect(agencies()).toEqual(['丙街道']);
    await user.selectOptions(screen.getByRole('combobox', { name: '审核状态' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'clean');
    // 丁局's 2021 report still says 2022 in its text: an unexplained yearMismatch warning.
    expect(agencies()).toEqual(['甲局']);
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'unexplained');
    expect(agencies()).toContain('丁局');
    expect(agencies()).not.toContain('甲局');
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '2021');
    expect(agencies()).toEqual(['丁局']);
    await user.selectOptions(screen.getByRole('combobox', { name: '年度' }), '');
    await user.type(screen.getByRole('searchbox', { name: '搜索机关名称' }), '镇');
    expect(agencies()).toEqual(['乙镇']);
    await user.clear(screen.getByRole('searchbox', { name: '搜索机关名称' }));
    await user.type(screen.getByRole('searchbox', { name: '搜索机关名称' }), '没有这个');
    expect(screen.getByText('没有符合筛选条件的单位。')).toBeInTheDocument();
  });

  test('selection: rows, all shown; batch actions get the selected rows that are shown', async () => {
    const user = userEvent.setup();
    const onBatch = vi.fn();
    renderUi(<Harness onBatch={onBatch} />);
    await user.click(screen.getByRole('checkbox', { name: '选择 甲局 2022' }));
    await user.click(screen.getByRole('checkbox', { name: '选择 乙镇 2022' }));
    expect(screen.getByRole('row', { name: /甲局/ })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'batch' }));
    expect([...onBatch.mock.lastCall![0]].sort()).toEqual(['2022|乙镇', '2022|甲局'].sort());

    // Filtered to errors: the selected 甲局 is hidden and not acted on.
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'errors');
    await user.click(screen.getByRole('button', { name: 'batch' }));
    expect(onBatch.mock.lastCall![0]).toEqual(['2022|乙镇']);

    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: 'batch' }));
    expect([...onBatch.mock.lastCall![0]].sort()).toEqual(['2022|丙街道', '2022|乙镇'].sort());
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: 'batch' }));
    expect(onBatch.mock.lastCall![0]).toEqual([]);
    // 甲局, hidden by the filter, is still selected.
    await user.selectOptions(screen.getByRole('combobox', { name: '检查结果' }), 'all');
    expect(screen.getByRole('checkbox', { name: '选择 甲局 2022' })).toBeChecked();
  });

  test('in English', () => {
    renderUi(<Harness />, 'en');
    expect(screen.getByRole('columnheader', { name: /Unexplained warnings/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /甲局/ })).toHaveTextContent('Approved');
    expect(screen.getByRole('row', { name: /甲局/ })).toHaveTextContent('Government department');
  });

  test('connected: roster units with nothing received are rows too; counts per progress filter the table; a conflict is marked', async () => {
    const user = userEvent.setup();
    const units = unitsOf(unitReport('甲局', { status: 'approved' }), unitReport('乙镇'), unitReport('丙街道', { status: 'returned' }));
    const shared: SharedUnits = {
      roster: ['甲局', '乙镇', '丙街道', '丁局', '戊局'],
      units: new Map([
        ['乙镇', { years: new Map([[2022, 'submitted' as const]]), conflict: true }],
        ['丁局', { years: new Map([[2022, 'filling' as const]]), conflict: false }],
        ['戊局', { years: new Map(), conflict: false }],
      ]),
    };
    function Connected() {
      const [selection, setSelection] = useState<RowSelectionState>({});
      return <UnitsTable rows={unitRows(units, shared)} rowSelection={selection} onRowSelectionChange={setSelection} />;
    }
    renderUi(<Connected />);
    expect(screen.getAllByRole('row')).toHaveLength(6);
    // 丁局 is filling in on the server, 戊局 has nothing: neither has a page to open nor a selection box.
    const ding = screen.getByRole('row', { name: /丁局/ });
    expect(within(ding).getByText('填报中')).toBeInTheDocument();
    expect(within(ding).queryByRole('link')).toBeNull();
    expect(within(ding).getByRole('checkbox')).toBeDisabled();
    expect(within(screen.getByRole('row', { name: /戊局/ })).getByText('未开始')).toBeInTheDocument();
    // The conflict mark, in words.
    expect(within(screen.getByRole('row', { name: /乙镇/ })).getByText('有冲突')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /甲局/ })).queryByText('有冲突')).toBeNull();
    expect(screen.getByText('1 个单位有冲突的版本')).toBeInTheDocument();

    const counts = screen.getByRole('group', { name: '按进度筛选' });
    const count = (name: string) => within(counts).getByRole('button', { name: new RegExp(name) });
    expect([...['未开始', '填报中', '已报送', '已退回', '已通过'].map((p) => count(p).textContent)]).toEqual(['– 未开始 1', '✎ 填报中 1', '● 已报送 1', '↩ 已退回 1', '✓ 已通过 1']);
    await user.click(count('未开始'));
    expect(count('未开始')).toHaveAttribute('aria-pressed', 'true');
    expect(agencies()).toEqual(['戊局']);
    expect(screen.getByRole('combobox', { name: '进度' })).toHaveValue('notStarted');
    await user.click(count('未开始'));
    expect(agencies()).toHaveLength(5);
    await user.selectOptions(screen.getByRole('combobox', { name: '进度' }), 'submitted');
    expect(agencies()).toEqual(['乙镇']);
    // Selecting all shown never takes a unit with nothing received.
    await user.selectOptions(screen.getByRole('combobox', { name: '进度' }), '');
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    expect(screen.getByText(/已选 3 个/)).toBeInTheDocument();
  });
});
