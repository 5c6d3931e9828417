import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { Report } from '../../report/index.ts';
import { ComparePanel, ComparisonView } from './ComparePanel.tsx';
import { buildUnits } from './model.ts';
import { renderUi, unitReport, version } from './testUtils.tsx';

vi.setConfig({ testTimeout: 30_000 });

function withText(report: Report, part: number, text: string): Report {
  const overview = report.narrative.overview.map((p, i) => (i === part ? { ...p, text } : p));
  return { ...report, narrative: { ...report.narrative, overview } };
}

describe('ComparisonView', () => {
  test('cells: label, old, new and a signed difference; sentences marked with words and ＋/－, not colour', () => {
    const before = unitReport('甲局');
    let after = unitReport('甲局', { cells: { 'applications.granted.naturalPerson': 5, 'applications.newReceived.naturalPerson': 26, 'proactive.licensing': null } });
    after = withText(after, 2, before.narrative.overview[2]!.text.replace('全年共受理24件', '全年共受理26件'));
    renderUi(<ComparisonView before={before} after={after} />);

    const table = screen.getByRole('table');
    const row = within(table).getByRole('row', { name: /（一）予以公开 自然人/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '5', '+2']);
    const emptied = within(table).getByRole('row', { name: /行政许可/ });
    expect(within(emptied).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '—', '—']);
    expect(screen.getByRole('heading', { name: /表格变动（\d+ 处）/ })).toBeInTheDocument();

    const removed = document.querySelector('del')!;
    const added = document.querySelector('ins')!;
    expect(removed).toHaveTextContent('删除：－');
    expect(removed).toHaveTextContent('全年共受理24件');
    expect(added).toHaveTextContent('新增：＋');
    expect(added).toHaveTextContent('全年共受理26件');
    expect(screen.getByRole('heading', { name: /依申请公开情况 \[有改动\]/ })).toBeInTheDocument();
  });

  test('a smaller number shows a real minus sign; identical reports say so', () => {
    const before = unitReport('甲局', { cells: { 'proactive.punishment': 10 } });
    const after = unitReport('甲局', { cells: { 'proactive.punishment': 4 } });
    const { unmount } = renderUi(<ComparisonView before={before} after={after} />);
    expect(within(screen.getByRole('row', { name: /行政处罚/ })).getAllByRole('cell')[2]).toHaveTextContent('−6');
    unmount();
    renderUi(<ComparisonView before={before} after={structuredClone(before)} />);
    expect(screen.getByText(/两份报告的表格和正文完全相同/)).toBeInTheDocument();
  });
});

describe('ComparePanel', () => {
  test('starts with the previous version against the latest; last year can be chosen', async () => {
    const user = userEvent.setup();
    const lastYear = unitReport('甲局', { year: 2021, cells: { 'proactive.licensing': 9 } });
    const v1 = unitReport('甲局', { cells: { 'proactive.punishment': 1 } });
    const v2 = unitReport('甲局', { cells: { 'proactive.punishment': 2 } });
    const units = buildUnits([version(lastYear), version(v1, { fileName: 'v1.json' }), version(v2, { fileName: 'v2.json' })]);
    const unit = units.find((u) => u.year === 2022)!;
    renderUi(<ComparePanel unit={unit} />);
    expect(screen.getByRole('combobox', { name: '原报告' })).toHaveDisplayValue(/第 1 版.*v1\.json/);
    expect(screen.getByRole('combobox', { name: '新报告' })).toHaveDisplayValue(/第 2 版.*v2\.json/);
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(within(screen.getByRole('row', { name: /行政处罚/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '2', '+1']);

    await user.selectOptions(screen.getByRole('combobox', { name: '原报告' }), 'lastYear');
    expect(within(screen.getByRole('row', { name: /行政许可/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['9', '0', '−9']);
    await user.selectOptions(screen.getByRole('combobox', { name: '原报告' }), unit.latest.id);
    expect(screen.getByText('请选择两份不同的报告。')).toBeInTheDocument();
  });

  test('one version and no last year: nothing to compare', () => {
    const unit = buildUnits([version(unitReport('甲局'))])[0]!;
    renderUi(<ComparePanel unit={unit} />, 'en');
    expect(screen.getByText(/nothing to compare/)).toBeInTheDocument();
  });
});
