import { useState } from 'react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { RowSelectionState } from '@tanstack/react-table';
import { toRow, unitRows, type SharedUnits, type UnitRow } from './model.ts';
import { BROKEN_BALANCE, renderUi, unitReport, unitsOf } from './testUtils.tsx';
import { ROW_HEIGHT, UnitsTable } from './UnitsTable.tsx';

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

describe('UnitsTable at a province’s size (windowed rows)', () => {
  const COUNT = 5_000;
  const STATUSES = ['submitted', 'returned', 'approved'] as const;
  const many: UnitRow[] = Array.from({ length: COUNT }, (_, i) => ({
    key: `2022|单位${String(i).padStart(4, '0')}`,
    agency: `单位${String(i).padStart(4, '0')}`,
    kind: 'department',
    year: 2022,
    status: STATUSES[i % 3]!,
    errors: i % 7 === 0 ? 1 : 0,
    unexplainedWarnings: 0,
    explainedWarnings: 0,
    openComments: 0,
    versions: 1,
    lastChange: 1_700_000_000_000 + i * 60_000,
    progress: STATUSES[i % 3]!,
    conflict: false,
    received: true,
  }));

  function Big() {
    const [selection, setSelection] = useState<RowSelectionState>({});
    return <UnitsTable rows={many} rowSelection={selection} onRowSelectionChange={setSelection} />;
  }

  const table = () => screen.getByRole('table');
  const bodyRows = () => screen.getAllByRole('row').slice(1);
  const rowIndexes = () => bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
  const scroller = () => table().closest('.rv-table-scroll') as HTMLElement;
  const scrollTo = (top: number) => {
    scroller().scrollTop = top;
    fireEvent.scroll(scroller());
  };

  test('only a window of rows is in the DOM; aria-rowcount counts them all', () => {
    renderUi(<Big />);
    expect(table()).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    expect(screen.getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    const shown = rowIndexes();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    expect(shown[0]).toBe(2);
    // Consecutive rows, numbered as in the whole table.
    expect(shown).toEqual(shown.map((_, i) => i + 2));
    // The gap below keeps the scroll height of the whole table.
    const gap = table().querySelector<HTMLElement>('tr.rv-gap')!;
    expect(gap).toHaveAttribute('aria-hidden', 'true');
    expect(parseInt(gap.style.height, 10)).toBe((COUNT - shown.length) * ROW_HEIGHT);
    expect(screen.getByText(`显示 ${COUNT} / ${COUNT} 个，已选 0 个`)).toBeInTheDocument();
  });

  test('scrolling shows later rows, and only them', () => {
    renderUi(<Big />);
    scrollTo(2_500 * ROW_HEIGHT);
    const shown = rowIndexes();
    expect(shown.length).toBeLessThan(60);
    expect(shown).toContain(2_502);
    expect(screen.getByRole('link', { name: '单位2500' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '单位0000' })).toBeNull();
    scrollTo((COUNT - 5) * ROW_HEIGHT);
    expect(rowIndexes().at(-1)).toBe(COUNT + 1);
    expect(screen.getByRole('link', { name: '单位4999' })).toBeInTheDocument();
  });

  test('the keyboard moves across the window; the focused row stays when scrolled away', async () => {
    const user = userEvent.setup();
    renderUi(<Big />);
    act(() => screen.getByRole('link', { name: '单位0000' }).focus());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '单位0002' }));
    // End: the last unit, far beyond the window, is rendered and focused.
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '单位4999' }));
    expect(document.activeElement!.closest('tr')).toHaveAttribute('aria-rowindex', String(COUNT + 1));
    expect(screen.queryByRole('link', { name: '单位0000' })).toBeNull();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '单位4998' }));
    await user.keyboard('{PageUp}');
    const afterPage = Number(document.activeElement!.closest('tr')!.getAttribute('aria-rowindex'));
    expect(afterPage).toBeLessThan(4_999);
    expect(afterPage).toBeGreaterThan(4_970);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '单位0000' }));

    // From the checkbox column the keys move along the checkboxes; Space still selects.
    act(() => screen.getByRole('checkbox', { name: '选择 单位0001 2022' }).focus());
    await user.keyboard('{ArrowDown} ');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '选择 单位0002 2022' }));
    expect(screen.getByRole('checkbox', { name: '选择 单位0002 2022' })).toBeChecked();

    // Scrolled far away by the mouse, the focused row is still there (and still focused).
    scrollTo(3_000 * ROW_HEIGHT);
    expect(screen.getByRole('link', { name: '单位3000' })).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '选择 单位0002 2022' }));
    expect(rowIndexes()[0]).toBe(4);
    // Down from there: the next unit, brought into view.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '选择 单位0003 2022' }));
  });

  test('sort and filter apply to all 5,000, and the window starts again at the top', async () => {
    const user = userEvent.setup();
    renderUi(<Big />);
    scrollTo(1_000 * ROW_HEIGHT);
    const nameButton = within(screen.getByRole('columnheader', { name: /机关名称/ })).getByRole('button');
    await user.click(nameButton);
    await user.click(nameButton);
    expect(scroller().scrollTop).toBe(0);
    expect(agencies()[0]).toBe('单位4999');
    await user.selectOptions(screen.getByRole('combobox', { name: '审核状态' }), 'returned');
    const returned = many.filter((r) => r.status === 'returned');
    expect(table()).toHaveAttribute('aria-rowcount', String(returned.length + 1));
    expect(agencies()[0]).toBe(returned.at(-1)!.agency);
    scrollTo(500 * ROW_HEIGHT);
    await user.type(screen.getByRole('searchbox', { name: '搜索机关名称' }), '单位12');
    expect(scroller().scrollTop).toBe(0);
    const expected = returned.filter((r) => r.agency.startsWith('单位12')).map((r) => r.agency).reverse();
    // The first of them in the window, in order; the count says how many there are in all.
    expect(agencies()).toEqual(expected.slice(0, agencies().length));
    expect(agencies().length).toBeGreaterThan(10);
    expect(screen.getByText(`显示 ${expected.length} / ${COUNT} 个，已选 0 个`)).toBeInTheDocument();
  });
});
