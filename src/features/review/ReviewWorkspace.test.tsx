import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { i18next } from '../../i18n/index.ts';
import { decode, type Report } from '../../report/index.ts';
import { strFromU8, unzipSync } from 'fflate';
import { createMemoryReviewStore } from '../../storage/review/index.ts';
import { ReviewWorkspace } from './ReviewWorkspace.tsx';
import { BROKEN_BALANCE, fileOf, renderUi, storeWith, unitReport } from './testUtils.tsx';

vi.setConfig({ testTimeout: 60_000 });

describe('ReviewWorkspace', () => {
  test('collects many files: new units, a new version, a refused file listed with its problems', async () => {
    const user = userEvent.setup();
    const store = createMemoryReviewStore();
    renderUi(<ReviewWorkspace store={store} />);
    const input = await screen.findByLabelText('选择年报文件（可多选）');
    expect(screen.getByText(/工作台中还没有年报/)).toBeInTheDocument();
    await user.upload(input, [
      fileOf(unitReport('甲局'), 'jia.json', 1000),
      fileOf(unitReport('乙镇', { cells: BROKEN_BALANCE }), 'yi.json', 1001),
      fileOf(unitReport('甲局', { cells: { 'proactive.licensing': 3 } }), 'jia-2.json', 1002),
      fileOf('["not a report"]', 'array.json', 1003),
    ]);
    expect(await screen.findByText('共 4 个文件：新增单位 2 个，新版本 1 个，重复 0 个，未收入 1 个。')).toBeInTheDocument();
    const refused = screen.getByRole('region', { name: /1 个文件未收入/ });
    expect(refused).toHaveTextContent('array.json');
    expect(refused).toHaveTextContent('不是年报文件：应为一个 JSON 对象');
    const table = screen.getByRole('table', { name: '各单位年报及审核情况' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('row', { name: /甲局/ })).toHaveTextContent('（2 个版本）');
    expect(within(table).getByRole('row', { name: /乙镇/ })).toHaveTextContent('已报送');
  });

  test('a unit: pick a cell in the view, comment on it, return with a reason; the table shows it', async () => {
    const user = userEvent.setup();
    const store = await storeWith(unitReport('乙镇', { cells: BROKEN_BALANCE }), unitReport('甲局'));
    await store.saveSettings({ reviewer: '王审' });
    const view = renderUi(<ReviewWorkspace store={store} unit="2022|乙镇" />);
    expect(await screen.findByRole('heading', { level: 1, name: /乙镇2022年政府信息公开工作年度报告/ })).toBeInTheDocument();
    // The finding's cell link picks the cell as the comment target.
    await user.click(screen.getAllByRole('button', { name: /查看：三 · / })[0]!);
    const target = screen.getByRole('combobox', { name: '意见针对' }) as HTMLSelectElement;
    expect(target.value).toMatch(/^applications\./);
    // Clicking a cell in the report picks it too.
    await user.click(screen.getByRole('button', { name: /^（一）予以公开 自然人: 99/ }));
    expect(target.value).toBe('applications.granted.naturalPerson');
    expect(screen.getByRole('button', { name: /^（一）予以公开 自然人: 99/ })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('textbox', { name: '意见内容' }));
    await user.paste('予以公开 99 件与新收 24 件不符');
    await user.click(screen.getByRole('button', { name: '添加审核意见' }));
    expect(await screen.findByText('已添加审核意见。')).toBeInTheDocument();
    // The cell now carries the mark of an open comment.
    expect(screen.getByRole('button', { name: /^（一）予以公开 自然人: 99, 1 条未解决评论/ })).toHaveTextContent('✎1');

    await user.click(screen.getByRole('textbox', { name: '退回理由（必填）' }));
    await user.paste('表三不平衡');
    await user.click(screen.getByRole('button', { name: '退回修改' }));
    expect(await screen.findByText('已退回。')).toBeInTheDocument();

    const listed = await store.list();
    const stored = listed.ok ? listed.value.versions.find((v) => v.agency === '乙镇')!.document : undefined;
    expect(stored?.review.status).toBe('returned');
    expect(stored?.review.comments).toEqual([expect.objectContaining({ target: 'applications.granted.naturalPerson', author: '王审' })]);

    view.rerender(
      <I18nextProvider i18n={i18next}>
        <ReviewWorkspace store={store} />
      </I18nextProvider>,
    );
    const row = await screen.findByRole('row', { name: /乙镇/ });
    expect(row).toHaveTextContent('已退回');
    expect(within(row).getAllByRole('cell').at(-2)).toHaveTextContent('1');
  });

  test('batch: approve selected skips those with errors and says so; aggregate the selection', async () => {
    const user = userEvent.setup();
    const store = await storeWith(
      unitReport('甲局', { cells: { 'applications.newReceived.naturalPerson': 30, 'applications.granted.naturalPerson': 9 } }),
      unitReport('乙镇', { cells: BROKEN_BALANCE }),
      unitReport('丙街道'),
    );
    await store.saveSettings({ reviewer: '王审', aggregateAgency: '某县人民政府' });
    const onAggregateBuilt = vi.fn();
    renderUi(<ReviewWorkspace store={store} onAggregateBuilt={onAggregateBuilt} />);
    await screen.findByRole('table', { name: '各单位年报及审核情况' });
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: '通过所选' }));
    expect(await screen.findByText(/已通过 2 个。 1 个有错误，未通过（请退回修改）：乙镇。/)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /甲局/ })).toHaveTextContent('已通过');
    expect(screen.getByRole('row', { name: /乙镇/ })).toHaveTextContent('已报送');

    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: '汇总所选' }));
    const panel = screen.getByRole('region', { name: '汇总' });
    expect(within(panel).getByRole('textbox', { name: '汇总机关名称' })).toHaveValue('某县人民政府');
    await user.click(within(panel).getByRole('button', { name: '生成汇总' }));
    const report = onAggregateBuilt.mock.lastCall![0] as Report;
    expect(report.applications.newReceived.naturalPerson).toBe(30 + 24);
    expect(within(panel).getByText('未通过审核，未计入（1 个）').nextSibling).toHaveTextContent('乙镇');
  });

  test('the 汇总 is kept in the review store: after a reload it shows again, as built', async () => {
    const user = userEvent.setup();
    const store = await storeWith(unitReport('甲局', { status: 'approved' }), unitReport('乙镇', { status: 'approved' }), unitReport('丙街道'));
    await store.saveSettings({ reviewer: '王审', aggregateAgency: '某县人民政府' });
    const first = renderUi(<ReviewWorkspace store={store} />);
    await user.click(await screen.findByRole('checkbox', { name: '选择 甲局 2022' }));
    await user.click(screen.getByRole('checkbox', { name: '选择 丙街道 2022' }));
    await user.click(screen.getByRole('button', { name: '汇总所选' }));
    await user.click(screen.getByRole('checkbox', { name: '未通过审核的也计入' }));
    await user.click(screen.getByRole('button', { name: '生成汇总' }));
    expect(await screen.findByText('已计入 2 个单位：')).toBeInTheDocument();
    await waitFor(async () => {
      const s = await store.settings();
      expect(s.ok && s.value.lastAggregate).toMatchObject({ year: 2022, includeUnapproved: true });
      expect(s.ok && [...s.value.lastAggregate!.units].sort()).toEqual(['2022|丙街道', '2022|甲局']);
    });
    first.unmount();

    // A new page on the same store (a reload): the same 汇总, without building it again.
    renderUi(<ReviewWorkspace store={store} />);
    const panel = await screen.findByRole('region', { name: '汇总' });
    expect(within(panel).getByText('已计入 2 个单位：').parentElement).toHaveTextContent(/甲局、丙街道|丙街道、甲局/);
    expect(within(panel).getByRole('checkbox', { name: '未通过审核的也计入' })).toBeChecked();
    expect(within(panel).getByText('已计入，但未通过审核（1 个）').nextSibling).toHaveTextContent('丙街道');
  });

  test('export selected: one .zip of the units\' files, each under the clerk\'s name; one unit: its file', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      const store = await storeWith(unitReport('甲局'), unitReport('乙镇'), unitReport('丙街道'));
      renderUi(<ReviewWorkspace store={store} />);
      await user.click(await screen.findByRole('checkbox', { name: '选择 甲局 2022' }));
      await user.click(screen.getByRole('checkbox', { name: '选择 丙街道 2022' }));
      await user.click(screen.getByRole('button', { name: '导出所选' }));
      expect(await screen.findByText(/已把 2 个文件导出为一个压缩包/)).toBeInTheDocument();
      // One download, a zip.
      expect(names).toEqual([expect.stringMatching(/^政府信息公开年报-2份-\d{8}\.zip$/)]);
      expect(blobs).toHaveLength(1);
      expect(blobs[0]!.type).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await blobs[0]!.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual(['丙街道-2022-政府信息公开年报.json', '甲局-2022-政府信息公开年报.json'].sort());
      const jia = decode(JSON.parse(strFromU8(files['甲局-2022-政府信息公开年报.json']!)));
      expect(jia.ok && jia.report.meta.agency).toBe('甲局');

      // One unit: its own file, no zip.
      await user.click(screen.getByRole('checkbox', { name: '选择 丙街道 2022' }));
      await user.click(screen.getByRole('button', { name: '导出所选' }));
      await waitFor(() => expect(names).toHaveLength(2));
      expect(names[1]).toBe('甲局-2022-政府信息公开年报.json');
    } finally {
      click.mockRestore();
      created.mockRestore();
      revoked.mockRestore();
    }
  });

  test('a draft file collected is listed as 未定稿 (from the file), and a batch approval leaves it', async () => {
    const user = userEvent.setup();
    const store = createMemoryReviewStore();
    await store.saveSettings({ reviewer: '王审' });
    renderUi(<ReviewWorkspace store={store} />);
    await user.upload(await screen.findByLabelText('选择年报文件（可多选）'), [
      fileOf({ ...unitReport('戊局'), status: 'draft' }, 'wu.json', 1000),
      fileOf(unitReport('甲局'), 'jia.json', 1001),
    ]);
    const row = await screen.findByRole('row', { name: /戊局/ });
    expect(row).toHaveTextContent('未定稿');
    expect(row).not.toHaveTextContent('已报送');
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: '通过所选' }));
    expect(await screen.findByText(/1 个未定稿，不能通过：戊局。/)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /戊局/ })).toHaveTextContent('未定稿');
    expect(screen.getByRole('row', { name: /甲局/ })).toHaveTextContent('已通过');
  });

  test('a unit that sent a corrected version: the comparison opens at the top, on what changed', async () => {
    const store = await storeWith(unitReport('甲局'), unitReport('甲局', { cells: { 'proactive.licensing': 7 } }));
    renderUi(<ReviewWorkspace store={store} unit="2022|甲局" />);
    const heading = await screen.findByRole('heading', { level: 1, name: /甲局2022年/ });
    const compare = screen.getByRole('region', { name: /对比/ });
    const changed = within(compare).getByRole('row', { name: /行政许可/ });
    expect(within(changed).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.any(String), '7', expect.stringMatching(/^[+−]/)]);
    // Right under the unit's heading: before its report, findings and the decision.
    const report = screen.getByRole('region', { name: /^审核 / });
    expect(heading.compareDocumentPosition(compare) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(compare.compareDocumentPosition(report) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(compare.compareDocumentPosition(document.querySelector('.rv-unit-view')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('the reviewer name is kept in the store as typed', async () => {
    const user = userEvent.setup();
    const store = createMemoryReviewStore();
    renderUi(<ReviewWorkspace store={store} />);
    await user.type(await screen.findByRole('textbox', { name: '审核人' }), '李');
    await waitFor(async () => {
      const s = await store.settings();
      expect(s.ok && s.value.reviewer).toBe('李');
    });
    await act(async () => undefined);
  });

  test("connected: the server's roster is the 汇总's expected units unless one was typed; who has not reported is listed", async () => {
    const user = userEvent.setup();
    const store = await storeWith(unitReport('甲局', { status: 'approved' }));
    await store.saveSettings({ reviewer: '王审', aggregateAgency: '某县人民政府' });
    const shared = { roster: ['甲局', '乙镇', '丙街道'], units: new Map([['乙镇', { years: new Map([[2022, 'filling' as const]]), conflict: false }]]) };
    const { unmount } = renderUi(<ReviewWorkspace store={store} shared={shared} />);
    await screen.findByRole('table', { name: '各单位年报及审核情况' });
    // The roster's units with nothing received are in the table, where they stand.
    expect(screen.getByRole('row', { name: /乙镇/ })).toHaveTextContent('填报中');
    expect(screen.getByRole('row', { name: /丙街道/ })).toHaveTextContent('未开始');
    expect(screen.getByText('应报送单位名单（3 个）')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: '汇总所选' }));
    const panel = screen.getByRole('region', { name: '汇总' });
    await user.click(within(panel).getByRole('button', { name: '生成汇总' }));
    expect(within(panel).getByText('没有本年度报告（2 个）').nextSibling).toHaveTextContent('乙镇、丙街道');
    unmount();

    // A list typed by hand wins over the server's.
    await store.saveSettings({ roster: ['甲局', '丁局'] });
    renderUi(<ReviewWorkspace store={store} shared={shared} />);
    await screen.findByRole('table', { name: '各单位年报及审核情况' });
    await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
    await user.click(screen.getByRole('button', { name: '汇总所选' }));
    const again = screen.getByRole('region', { name: '汇总' });
    await user.click(within(again).getByRole('button', { name: '生成汇总' }));
    expect(within(again).getByText('没有本年度报告（1 个）').nextSibling).toHaveTextContent('丁局');
  });
});
