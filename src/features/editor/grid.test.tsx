/** The grids of 二, 三 and 四: layout, totals, typing, keyboard, paste, undo. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { APPLICATIONS_COLUMN_IDS, APPLICATIONS_ROWS, cellValue, type Report } from '../../report/index.ts';
import { cell, pingluo, renderEditor } from './test-utils.tsx';
// Loaded here as the grid loads it on the first focus, so that a paste's outcome is there when the test looks.
import './paste.ts';

const total = (id: string) => document.querySelector(`[data-cell="${id}"]`)!.textContent;

describe('三 in the official layout', () => {
  test('multi-level headers, the 勾稽 note, group labels, and a named input for every cell', async () => {
    await renderEditor({ section: 'applications' });
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' })).toHaveAttribute(
      'rowspan',
      '3',
    );
    expect(within(table).getByRole('columnheader', { name: '申请人情况' })).toHaveAttribute('colspan', '7');
    expect(within(table).getByRole('columnheader', { name: '法人或其他组织' })).toHaveAttribute('colspan', '5');
    expect(within(table).getByRole('columnheader', { name: '自然人' })).toHaveAttribute('rowspan', '2');
    expect(within(table).getByRole('columnheader', { name: '总计' })).toHaveAttribute('rowspan', '2');
    for (const group of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) {
      expect(within(table).getByText(group).closest('th')).toHaveAttribute('scope', 'rowgroup');
    }
    expect(within(table).getByText('三、本年度办理结果').closest('th')).toHaveAttribute('rowspan', '22');
    expect(within(table).getAllByRole('textbox').filter((el) => el.tagName === 'INPUT')).toHaveLength(144);
    expect(screen.getByRole('textbox', { name: '（三）不予公开 1.属于国家秘密 自然人' })).toHaveAttribute(
      'data-cell',
      'applications.withheld.stateSecret.naturalPerson',
    );
    expect(screen.getByRole('textbox', { name: '二、上年结转政府信息公开申请数量 法律服务机构' })).toHaveAttribute(
      'data-cell',
      'applications.carriedOver.legalService',
    );
  });

  test('computed cells are read-only, look different, and update as the clerk types', async () => {
    const e = await renderEditor({ section: 'applications' });
    const grand = screen.getByRole('textbox', { name: '（七）总计' });
    expect(grand).toHaveAttribute('aria-readonly', 'true');
    expect(grand.tagName).toBe('SPAN');
    expect(grand.closest('td')).toHaveClass('computed');
    // A total of cells none of which is filled is empty, as in every view (layout.ts), not 0.
    expect(grand.textContent).toBe('');

    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.keyboard('3');
    await e.user.click(cell('applications.granted.commercial'));
    await e.user.keyboard('4');
    await e.user.click(cell('applications.withheld.stateSecret.naturalPerson'));
    await e.user.keyboard('10');
    expect(total('applications.granted.total')).toBe('7');
    expect(total('applications.resultsTotal.naturalPerson')).toBe('13');
    expect(total('applications.resultsTotal.commercial')).toBe('4');
    expect(total('applications.resultsTotal.total')).toBe('17');
    expect(total('applications.withheld.stateSecret.total')).toBe('10');
    expect(e.latest().applications.withheld.stateSecret.naturalPerson).toBe(10);
  });
});

describe('二 and 四', () => {
  test('二: four tables with their captions; fees take up to 4 decimals', async () => {
    const e = await renderEditor({ section: 'proactive' });
    const tables = screen.getAllByRole('table');
    expect(tables.map((t) => within(t).getByRole('caption' as never, {}).textContent)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    const fees = screen.getByRole('textbox', { name: '行政事业性收费 本年收费金额（单位：万元）' });
    await e.user.click(fees);
    await e.user.keyboard('0.12345');
    await waitFor(() => expect(fees).toHaveAccessibleDescription('金额最多 4 位小数'));
    expect(fees).toHaveAttribute('aria-invalid', 'true');
    expect(e.latest().proactive.fees).toBeNull();
    await e.user.keyboard('{Backspace}');
    await waitFor(() => expect(fees).not.toHaveAttribute('aria-invalid'));
    expect(e.latest().proactive.fees).toBe(0.1234);
  });

  test('四: three levels of headers and a total per kind', async () => {
    const e = await renderEditor({ section: 'appeals' });
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: '行政复议' })).toHaveAttribute('colspan', '5');
    expect(within(table).getByRole('columnheader', { name: '行政诉讼' })).toHaveAttribute('colspan', '10');
    expect(within(table).getByRole('columnheader', { name: '未经复议直接起诉' })).toHaveAttribute('colspan', '5');
    expect(within(table).getAllByRole('columnheader', { name: '结果维持' }).map((h) => h.getAttribute('rowspan'))).toEqual(['2', '1', '1']);
    await e.user.click(screen.getByRole('textbox', { name: '行政诉讼 复议后起诉 结果纠正' }));
    await e.user.keyboard('2');
    await e.user.click(screen.getByRole('textbox', { name: '行政诉讼 复议后起诉 尚未审结' }));
    await e.user.keyboard('1');
    expect(screen.getByRole('textbox', { name: '行政诉讼 复议后起诉 总计' })).toHaveTextContent('3');
    expect(screen.getByRole('textbox', { name: '行政复议 总计' }).textContent).toBe('');
    await e.user.click(screen.getByRole('textbox', { name: '行政复议 结果维持' }));
    await e.user.keyboard('0');
    expect(screen.getByRole('textbox', { name: '行政复议 总计' })).toHaveTextContent('0');
  });
});

describe('what clerks type', () => {
  test('full-width digits, thousands separators and spaces are read and shown plainly on leaving', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.newReceived.naturalPerson'));
    await e.user.keyboard(' １,２３４ ');
    expect(e.latest().applications.newReceived.naturalPerson).toBe(1234);
    await e.user.keyboard('{Tab}');
    expect(cell('applications.newReceived.naturalPerson')).toHaveValue('1234');
    expect(document.activeElement).toBe(cell('applications.newReceived.commercial'));
  });

  test('negatives and fractions are refused inline; the document holds "not filled"', async () => {
    const e = await renderEditor({ section: 'applications' });
    const input = cell('applications.granted.research');
    await e.user.click(input);
    await e.user.keyboard('-2');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription('不能为负数');
    expect(input.closest('td')).toHaveTextContent('不能为负数');
    expect(e.latest().applications.granted.research).toBeNull();
    await e.user.clear(input);
    await e.user.keyboard('1.5');
    await waitFor(() => expect(input).toHaveAccessibleDescription('件数应为整数，不能有小数'));
    // The findings panel lists it too, and a click comes back to it.
    const item = within(screen.getByRole('complementary')).getByRole('button', { name: /（一）予以公开 科研机构：“1.5”/ });
    await e.user.click(cell('applications.newReceived.naturalPerson'));
    await e.user.click(item);
    expect(document.activeElement).toBe(input);
  });

  test('empty stays "not filled", distinct from 0', async () => {
    const e = await renderEditor({ section: 'appeals' });
    const input = cell('appeals.review.upheld');
    await e.user.click(input);
    await e.user.keyboard('0');
    expect(e.latest().appeals.review.upheld).toBe(0);
    await e.user.keyboard('{Backspace}');
    expect(e.latest().appeals.review.upheld).toBeNull();
  });
});

describe('the keyboard', () => {
  test('arrows, Enter / Shift+Enter, Home / End move; typing replaces; Escape restores', async () => {
    const e = await renderEditor({ section: 'applications' });
    const active = () => (document.activeElement as HTMLElement).dataset.cell;
    await e.user.click(cell('applications.granted.commercial'));
    await e.user.keyboard('5{ArrowDown}');
    expect(active()).toBe('applications.partiallyGranted.commercial');
    await e.user.keyboard('{ArrowUp}');
    expect(active()).toBe('applications.granted.commercial');
    // Back on a filled cell, its value is selected: typing replaces it.
    await e.user.keyboard('8');
    expect(cell('applications.granted.commercial')).toHaveValue('8');
    await e.user.keyboard('{ArrowRight}{ArrowRight}');
    expect(active()).toBe('applications.granted.publicWelfare');
    await e.user.keyboard('{ArrowLeft}');
    expect(active()).toBe('applications.granted.research');
    await e.user.keyboard('{Enter}');
    expect(active()).toBe('applications.partiallyGranted.research');
    await e.user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(active()).toBe('applications.granted.research');
    await e.user.keyboard('{End}');
    expect(active()).toBe('applications.granted.otherOrg');
    await e.user.keyboard('{Home}');
    expect(active()).toBe('applications.granted.naturalPerson');
    await e.user.keyboard('{Tab}');
    expect(active()).toBe('applications.granted.commercial');
    await e.user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(active()).toBe('applications.granted.naturalPerson');
    // Down from the last result row skips the computed （七）总计.
    await e.user.click(cell('applications.otherHandling.other.naturalPerson'));
    await e.user.keyboard('{ArrowDown}');
    expect(active()).toBe('applications.carriedForward.naturalPerson');
    // Escape restores the value the cell had when it got focus.
    await e.user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    await e.user.click(cell('applications.granted.commercial'));
    await e.user.keyboard('123');
    expect(e.latest().applications.granted.commercial).toBe(123);
    await e.user.keyboard('{Escape}');
    expect(cell('applications.granted.commercial')).toHaveValue('8');
    expect(e.latest().applications.granted.commercial).toBe(8);
  });

  test('Ctrl+Z undoes a cell edit after leaving it, Ctrl+Y redoes it', async () => {
    const e = await renderEditor({ section: 'proactive' });
    await e.user.click(cell('proactive.licensing'));
    await e.user.keyboard('12{Enter}');
    expect(e.latest().proactive.licensing).toBe(12);
    await e.user.keyboard('{Control>}z{/Control}');
    expect(cell('proactive.licensing')).toHaveValue('');
    expect(e.latest().proactive.licensing).toBeNull();
    expect(document.activeElement).toBe(cell('proactive.licensing'));
    await e.user.keyboard('{Control>}y{/Control}');
    expect(e.latest().proactive.licensing).toBe(12);
  });
});

const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

describe('paste from Excel / WPS', () => {
  test('a block fills right and down; one Ctrl+Z undoes the whole paste', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.newReceived.naturalPerson'));
    const callsBefore = e.onChange.mock.calls.length;
    await e.user.paste(
      tsv([
        [10, 0, 1],
        [2, 0, 0],
      ]),
    );
    expect(cell('applications.newReceived.naturalPerson')).toHaveValue('10');
    expect(cell('applications.newReceived.research')).toHaveValue('1');
    expect(cell('applications.carriedOver.naturalPerson')).toHaveValue('2');
    expect(e.latest().applications.carriedOver.research).toBe(0);
    expect(total('applications.newReceived.total')).toBe('11');
    // The parent hears of a paste once.
    expect(e.onChange.mock.calls.length - callsBefore).toBe(1);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(/已粘贴 2 行 3 列（6 个单元格）/);

    await e.user.keyboard('{Control>}z{/Control}');
    for (const id of ['newReceived.naturalPerson', 'newReceived.research', 'carriedOver.naturalPerson']) {
      expect(cell(`applications.${id}`)).toHaveValue('');
    }
    expect(e.latest().applications.newReceived.naturalPerson).toBeNull();
    expect(total('applications.newReceived.total')).toBe('');
  });

  test('a block with something that is not a count is refused whole, naming the first bad cell', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.paste(tsv([[1, 2], [3, '/'], [4, -1]]));
    expect(screen.getByRole('alert')).toHaveTextContent(
      '粘贴内容第 2 行第 2 列的“/”不能填入“（二）部分公开（区分处理的，只计这一情形，不计其他情形） 商业企业”：没有的请填 0，不用“/”或“—”。表格未改动。',
    );
    expect(cell('applications.granted.naturalPerson')).toHaveValue('');
    expect(e.onChange).not.toHaveBeenCalled();
  });

  test('a block that does not fit is refused whole', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.otherHandling.other.research'));
    await e.user.paste(tsv([[1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2]]));
    // Counted as the clerk sees the table: from 科研机构 on, four columns and 总计.
    expect(screen.getByRole('alert')).toHaveTextContent(
      '粘贴的内容有 2 行 6 列，从“（六）其他处理 3.其他 科研机构”起放不下：表格从这里起只有 3 行 5 列，第 1 行第 6 列超出了表格。表格未改动。',
    );
    expect(cell('applications.otherHandling.other.research')).toHaveValue('');
    expect(e.onChange).not.toHaveBeenCalled();
  });

  test('a read-only editor takes no paste and no typing', async () => {
    const e = await renderEditor({ section: 'applications', readOnly: true });
    const input = cell('applications.granted.naturalPerson');
    expect(input).toHaveAttribute('readonly');
    await e.user.click(input);
    await e.user.paste('1\t2');
    await e.user.keyboard('5');
    expect(input).toHaveValue('');
    expect(e.onChange).not.toHaveBeenCalled();
  });
});

describe('a click selects, F2 and a double-click edit in place (issue 16.1)', () => {
  test('a click on the focused cell selects its value: typing 9 over 3 gives 9, not 39 or 93', async () => {
    const e = await renderEditor({ section: 'applications' });
    const input = cell('applications.granted.naturalPerson');
    await e.user.click(input);
    await e.user.keyboard('3');
    // Focus stays: the same cell is clicked again, as a clerk does to correct it.
    await e.user.click(input);
    await e.user.keyboard('9');
    expect(input).toHaveValue('9');
    expect(e.latest().applications.granted.naturalPerson).toBe(9);
  });

  test('a click on another filled cell selects its value too', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.keyboard('3{Enter}');
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.keyboard('7');
    expect(cell('applications.granted.naturalPerson')).toHaveValue('7');
  });

  test('F2 and a double-click put the caret at the end: typing adds to the value', async () => {
    const e = await renderEditor({ section: 'applications' });
    const input = cell('applications.granted.naturalPerson');
    await e.user.click(input);
    await e.user.keyboard('3{F2}4');
    expect(input).toHaveValue('34');
    await e.user.keyboard('{Enter}');
    await e.user.dblClick(input);
    await e.user.keyboard('5');
    expect(input).toHaveValue('345');
    // In edit mode, left and right move the caret, not the focus.
    await e.user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(input);
  });
});

describe('Esc never removes a committed value (issue 20.1)', () => {
  test('二 行政事业性收费: type 0, Enter (focus stays at the last cell), Esc keeps 0', async () => {
    const e = await renderEditor({ section: 'proactive' });
    const fees = cell('proactive.fees');
    await e.user.click(fees);
    await e.user.keyboard('0{Enter}');
    expect(document.activeElement).toBe(fees);
    await e.user.keyboard('{Escape}');
    expect(fees).toHaveValue('0');
    expect(e.latest().proactive.fees).toBe(0);
    // An edit begun after Enter is restored to the committed value, and Ctrl+Z undoes the commit.
    await e.user.keyboard('7');
    expect(e.latest().proactive.fees).toBe(7);
    await e.user.keyboard('{Escape}');
    expect(fees).toHaveValue('0');
    expect(e.latest().proactive.fees).toBe(0);
    await e.user.keyboard('{Control>}z{/Control}');
    expect(fees).toHaveValue('');
  });

  test('Esc after a paste keeps the pasted value', async () => {
    const e = await renderEditor({ section: 'applications' });
    const input = cell('applications.granted.naturalPerson');
    await e.user.click(input);
    await e.user.paste('4\t5\r\n');
    await e.user.keyboard('{Escape}');
    expect(input).toHaveValue('4');
  });
});

/** 三 as the official Excel/WPS sheet holds it: 25 rows with （七）总计, 7 columns with 总计. */
function applicationsSheet(report: Report, change?: { row: number; col: number; by: number }): number[][] {
  const rows = APPLICATIONS_ROWS.map((row) => APPLICATIONS_COLUMN_IDS.map((c) => cellValue(report, `applications.${row.id}.${c}`) ?? 0));
  if (change) rows[change.row]![change.col]! += change.by;
  return rows;
}

describe('pasting what the clerk copies from the official sheet (issue 16.2)', () => {
  test('三 whole (25 rows with （七）总计, 7 columns with 总计): the entered cells go in, the 31 totals are compared', async () => {
    const seed = pingluo();
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.newReceived.naturalPerson'));
    await e.user.paste(tsv(applicationsSheet(seed)));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('已粘贴 25 行 7 列：填入 144 个单元格；粘贴内容中的 31 个合计与自动合计一致。Ctrl+Z 可撤销。');
    expect(e.latest().applications).toEqual(seed.applications);
    expect(total('applications.resultsTotal.total')).toBe(String(cellValue(seed, 'applications.resultsTotal.total')));
  });

  test('a total in the block that differs from the sum is reported; the entered cells still go in', async () => {
    const seed = pingluo();
    const e = await renderEditor({ section: 'applications', lang: 'en' });
    await e.user.click(cell('applications.newReceived.naturalPerson'));
    const resultsTotal = APPLICATIONS_ROWS.findIndex((r) => r.id === 'resultsTotal');
    await e.user.paste(tsv(applicationsSheet(seed, { row: resultsTotal, col: 0, by: 2 })));
    const sum = cellValue(seed, 'applications.resultsTotal.naturalPerson')!;
    expect(screen.getByRole('alert')).toHaveTextContent(
      `Pasted 25 row(s) × 7 column(s): 144 cell(s) filled. Totals in the block that differ from the sum of the figures (1): “(7) Total — Natural persons” was pasted as ${sum + 2}, the figures add up to ${sum}. Check the sheet; Ctrl+Z undoes the paste.`,
    );
    expect(e.latest().applications).toEqual(seed.applications);
  });

  test('a row with its 总计 column', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.paste('3\t0\t1\t0\t0\t0\t4\r\n');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('已粘贴 1 行 7 列：填入 6 个单元格；粘贴内容中的 1 个合计与自动合计一致。');
    expect(e.latest().applications.granted).toEqual({ naturalPerson: 3, commercial: 0, research: 1, publicWelfare: 0, legalService: 0, otherOrg: 0 });
    expect(total('applications.granted.total')).toBe('4');
  });

  test("四's 15 figures in one row as published", async () => {
    const e = await renderEditor({ section: 'appeals' });
    await e.user.click(cell('appeals.review.upheld'));
    await e.user.paste(tsv([[1, 2, 0, 0, 3, 0, 0, 1, 0, 1, 2, 0, 0, 0, 2]]));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('已粘贴 1 行 15 列：填入 12 个单元格；粘贴内容中的 3 个合计与自动合计一致。');
    expect(e.latest().appeals).toEqual({
      review: { upheld: 1, corrected: 2, other: 0, pending: 0 },
      litigationDirect: { upheld: 0, corrected: 0, other: 1, pending: 0 },
      litigationAfterReview: { upheld: 2, corrected: 0, other: 0, pending: 0 },
    });
  });

  test('quoted cells (a label wrapped over two lines) are one cell each', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.paste('"1"\t"2"\r\n3\t"a\nb"\r\n');
    expect(screen.getByRole('alert')).toHaveTextContent('粘贴内容第 2 行第 2 列的“a b”不能填入');
  });
});

describe('a computed cell takes no typing and no paste, and says why (issue 20.9)', () => {
  test('typing into 总计 says it is computed and replaces the previous paste notice', async () => {
    const e = await renderEditor({ section: 'applications' });
    await e.user.click(cell('applications.granted.naturalPerson'));
    await e.user.paste('1\t2\r\n');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('已粘贴 1 行 2 列');
    await e.user.click(cell('applications.granted.total'));
    await e.user.keyboard('5');
    expect(screen.getByRole('alert')).toHaveTextContent('“（一）予以公开 总计”是合计，自动计算，不用填写。');
    expect(screen.queryByText(/已粘贴/)).toBeNull();
    expect(total('applications.granted.total')).toBe('3');
  });

  test('pasting one value into a computed cell says it is computed', async () => {
    const e = await renderEditor({ section: 'appeals', lang: 'en' });
    await e.user.click(cell('appeals.review.total'));
    await e.user.paste('7');
    expect(screen.getByRole('alert')).toHaveTextContent('“Administrative reconsideration — Total” is computed; it is not for typing.');
    // Nothing written: a total of blank cells stays empty (layout.ts's rule), not 7, not 0.
    expect(total('appeals.review.total')).toBe('');
  });
});
