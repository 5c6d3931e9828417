/** The grids of 二, 三 and 四: layout, totals, typing, keyboard, paste, undo. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { cell, renderEditor } from './test-utils.tsx';

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
    const grand = screen.getByRole('textbox', { name: '（七）总计 总计' });
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
    await e.user.paste(tsv([[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]]));
    expect(screen.getByRole('alert')).toHaveTextContent(
      '粘贴的内容有 2 行 5 列，从“（六）其他处理 3.其他 科研机构”起放不下：第 1 行第 5 列超出了表格。表格未改动。',
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
