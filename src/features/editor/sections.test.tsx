/** The header (meta, preamble) and the narrative sections 一, 五, 六. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { emptyReport, standardPreamble } from '../../report/index.ts';
import { hasPartLike } from './NarrativeSection.tsx';
import { navButton, pingluo, renderEditor } from './test-utils.tsx';

describe('the report header', () => {
  test('fields fill the document; the preamble follows them until the clerk edits it', async () => {
    const e = await renderEditor({ report: emptyReport(), section: 'meta' });
    await e.user.type(screen.getByRole('textbox', { name: '机关名称' }), '平罗县人民政府办公室');
    await e.user.selectOptions(screen.getByRole('combobox', { name: '机关类别' }), '人民政府办公室（厅）');
    await e.user.type(screen.getByRole('textbox', { name: '报告年度' }), '２０２２');
    await e.user.type(screen.getByRole('textbox', { name: '联系方式' }), '0952-6095358');
    const preamble = screen.getByRole('textbox', { name: '导语' });
    const generated = standardPreamble('平罗县人民政府办公室', 2022, '0952-6095358');
    expect(preamble).toHaveValue(generated);
    expect(e.latest().meta).toEqual({
      agency: '平罗县人民政府办公室',
      agencyKind: 'governmentOffice',
      year: 2022,
      contact: '0952-6095358',
      publishedOn: null,
    });
    expect(e.latest().narrative.preamble).toBe(generated);
    expect(document.getElementById('preamble-state')!.textContent).toBe('导语按上方信息自动生成，可以修改。');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    expect(screen.getByText('应于 2023-01-31 前发布（条例第四十九条）')).toBeInTheDocument();

    // Edited: said so, and no longer follows the fields.
    await e.user.type(preamble, '特此报告。');
    expect(screen.getByText('导语已手工修改，与按上方信息生成的文字不同。')).toBeInTheDocument();
    await e.user.clear(screen.getByRole('textbox', { name: '联系方式' }));
    expect(preamble).toHaveValue(`${generated}特此报告。`);

    // Regenerate, and undo that.
    await e.user.click(screen.getByRole('button', { name: '按上方信息重新生成导语' }));
    expect(preamble).toHaveValue(standardPreamble('平罗县人民政府办公室', 2022, ''));
    expect(e.latest().narrative.preamble).toBe(standardPreamble('平罗县人民政府办公室', 2022, ''));
    await e.user.click(screen.getByRole('button', { name: '撤销，恢复原来的导语' }));
    expect(preamble).toHaveValue(`${generated}特此报告。`);
  });

  test('a draft whose preamble was generated with the earlier wording (门户网站) still follows its header', async () => {
    const report = emptyReport();
    report.meta = { ...report.meta, agency: '某县民政局', year: 2023, contact: '0952-1234567' };
    const earlier = standardPreamble('某县民政局', 2023, '0952-1234567').replace('。如对', '。本报告电子版可在某县民政局门户网站下载。如对');
    report.narrative.preamble = earlier;
    const e = await renderEditor({ report, section: 'meta' });
    expect(document.getElementById('preamble-state')!.textContent).toBe('导语按上方信息自动生成，可以修改。');
    await e.user.type(screen.getByRole('textbox', { name: '联系方式' }), '，网址www.example.gov.cn');
    const contact = '0952-1234567，网址www.example.gov.cn';
    expect(screen.getByRole('textbox', { name: '导语' })).toHaveValue(standardPreamble('某县民政局', 2023, contact));
    expect(e.latest().narrative.preamble).toContain('本报告电子版可在www.example.gov.cn下载');
  });

  test('a year that is not a year is refused inline', async () => {
    const e = await renderEditor({ report: emptyReport(), section: 'meta' });
    const year = screen.getByRole('textbox', { name: '报告年度' });
    await e.user.type(year, '22');
    await waitFor(() => expect(year).toHaveAccessibleDescription('年度应为四位数字，如 2024'));
    expect(e.latest().meta.year).toBeNull();
    expect(navButton(/报告信息与导语/)).toHaveTextContent('有错误');
  });

  test('a late publication date is a warning on the field', async () => {
    const e = await renderEditor({ report: pingluo(), section: 'meta' });
    const date = screen.getByLabelText('发布日期');
    await e.user.type(date, '2023-03-01');
    expect(e.latest().meta.publishedOn).toBe('2023-03-01');
    await waitFor(() => expect(date).toHaveAccessibleDescription(/警告：发布日期 2023-03-01 晚于 2023-01-31/));
  });
});

describe('narrative parts', () => {
  const parts = () => within(screen.getByRole('list', { name: '' }).closest('.narrative') as HTMLElement);
  const titles = () => screen.getAllByRole('textbox', { name: /部分标题/ }).map((el) => (el as HTMLInputElement).value);

  test('一 starts with the five standard headings, numbered （一）…（五）', async () => {
    await renderEditor({ section: 'overview' });
    expect(titles()).toEqual(['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']);
    expect([...document.querySelectorAll('.part-number')].map((n) => n.textContent)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(screen.getByRole('textbox', { name: '（三）政府信息管理 正文' })).toBeInTheDocument();
  });

  test('add, rename, reorder with buttons and Alt+arrows, remove (confirmed when it has text)', async () => {
    const e = await renderEditor({ section: 'overview' });
    await e.user.type(screen.getByRole('textbox', { name: '（一）主动公开 正文' }), '全年主动公开信息120条。');
    expect(e.latest().narrative.overview[0]).toEqual({ title: '主动公开', text: '全年主动公开信息120条。' });

    // Rename.
    const second = screen.getByRole('textbox', { name: '第2部分标题' });
    await e.user.clear(second);
    await e.user.type(second, '依申请公开情况');
    expect(e.latest().narrative.overview[1]!.title).toBe('依申请公开情况');

    // Add a part: it gets the next number; the focus goes to its title.
    await e.user.click(screen.getByRole('button', { name: '＋ 添加一部分' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '第6部分标题' }));
    await e.user.keyboard('创新做法');
    expect(e.latest().narrative.overview).toHaveLength(6);
    expect(document.querySelectorAll('.part-number')[5]).toHaveTextContent('（六）');

    // Move it up with Alt+↑ (twice), keeping the focus in it.
    await e.user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await e.user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(titles()).toEqual(['主动公开', '依申请公开情况', '政府信息管理', '创新做法', '政府信息公开平台建设', '监督保障']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '第4部分标题' }));
    expect(e.latest().narrative.overview.map((p) => p.title)).toEqual(titles());

    // Move the first part down with its button; its text goes with it.
    await e.user.click(screen.getByRole('button', { name: '下移 （一）主动公开' }));
    expect(titles().slice(0, 2)).toEqual(['依申请公开情况', '主动公开']);
    expect(e.latest().narrative.overview[1]).toEqual({ title: '主动公开', text: '全年主动公开信息120条。' });
    expect(screen.getByRole('textbox', { name: '（二）主动公开 正文' })).toHaveValue('全年主动公开信息120条。');

    // Remove: a part with text asks first.
    await e.user.click(screen.getByRole('button', { name: '删除 （二）主动公开' }));
    expect(e.latest().narrative.overview).toHaveLength(6);
    await e.user.click(screen.getByRole('button', { name: '确认删除 （二）主动公开（正文将一并删除）' }));
    expect(e.latest().narrative.overview.map((p) => p.title)).toEqual(['依申请公开情况', '政府信息管理', '创新做法', '政府信息公开平台建设', '监督保障']);
    // An empty part goes at once.
    await e.user.click(screen.getByRole('button', { name: '删除 （三）创新做法' }));
    expect(e.latest().narrative.overview).toHaveLength(4);
    // The standard heading that is gone is offered again.
    await e.user.click(screen.getByRole('button', { name: '+ 主动公开' }));
    expect(e.latest().narrative.overview.at(-1)).toEqual({ title: '主动公开', text: '' });
    void parts;
  }, 30_000);

  test('a part without a title is an unnumbered paragraph', async () => {
    await renderEditor({ report: pingluo(), section: 'overview' });
    expect([...document.querySelectorAll('.part-number')].map((n) => n.textContent)).toEqual(['·', '（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(screen.getByRole('textbox', { name: '第1段（无标题） 正文' })).toHaveValue(pingluo().narrative.overview[0]!.text);
  });

  test('六 suggests the three usual items; 五 starts with one paragraph', async () => {
    const e = await renderEditor({ section: 'other' });
    expect(titles()).toEqual(['信息处理费收取情况', '落实年度政务公开工作要点情况', '人大代表建议和政协提案办理结果公开情况']);
    await e.user.click(screen.getByRole('button', { name: '删除 （一）信息处理费收取情况' }));
    await e.user.click(screen.getByRole('button', { name: '+ 信息处理费收取情况' }));
    expect(titles().at(-1)).toBe('信息处理费收取情况');
    await e.user.click(navButton(/五、存在的主要问题及改进情况/));
    expect(screen.getAllByRole('textbox', { name: /正文/ })).toHaveLength(1);
    expect(titles()).toEqual(['']);
  });

  test('a suggested part counts as present when a title says much the same', () => {
    expect(hasPartLike(['2022 年政务公开工作要点落实情况'], '落实年度政务公开工作要点情况')).toBe(true);
    expect(hasPartLike(['主动公开情况'], '主动公开')).toBe(true);
    expect(hasPartLike(['信息处理费收取情况'], '人大代表建议和政协提案办理结果公开情况')).toBe(false);
  });
});

describe('language', () => {
  test('in English, official labels show in English with the Chinese beneath; UI strings are English', async () => {
    await renderEditor({ section: 'applications', lang: 'en' });
    expect(screen.getByRole('heading', { level: 2, name: /^3\. / })).toHaveTextContent('3. Applications for disclosure received and handled三、收到和处理政府信息公开申请情况');
    const header = screen.getByRole('columnheader', { name: /Natural persons/ });
    expect(within(header).getByText('自然人')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByRole('textbox', { name: '(3) Not disclosed — 1. State secret — Natural persons' })).toHaveAttribute(
      'data-cell',
      'applications.withheld.stateSecret.naturalPerson',
    );
    expect(screen.getByRole('button', { name: 'Mark ready (定稿)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^Findings/ })).toBeInTheDocument();
  });
});

describe('the contract with the app', () => {
  test('the section comes from the parent; the toolbar slot is shown; readOnly locks every input', async () => {
    const e = await renderEditor({ report: pingluo(), section: 'meta', toolbar: <button type="button">导出 JSON</button> });
    expect(screen.getByRole('button', { name: '导出 JSON' }).closest('.editor-topbar')).not.toBeNull();
    e.rerender({ section: 'problems' });
    expect(screen.getByRole('heading', { level: 2, name: '五、存在的主要问题及改进情况' })).toBeInTheDocument();
    e.rerender({ section: 'problems', readOnly: true });
    expect(screen.getByText('此年报正在别处打开，这里只读。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '第1段（无标题） 正文' })).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: '定稿' })).toBeDisabled();
    expect(e.onChange).not.toHaveBeenCalled();
  });
});

describe('an untitled opening paragraph and undoing a removal (issue 16.11)', () => {
  const titles = () => screen.getAllByRole('textbox', { name: /部分标题/ }).map((el) => (el as HTMLInputElement).value);

  test('“添加无标题段落” puts an untitled paragraph first in one click, with the focus in its text', async () => {
    const e = await renderEditor({ section: 'overview' });
    expect(titles()).toEqual(['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']);
    await e.user.click(screen.getByRole('button', { name: '添加无标题段落' }));
    expect(titles()).toEqual(['', '主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']);
    const text = screen.getByRole('textbox', { name: '第1段（无标题） 正文' });
    await waitFor(() => expect(document.activeElement).toBe(text));
    await e.user.keyboard('2024年，我办……');
    await waitFor(() => expect(e.latest().narrative.overview[0]).toEqual({ title: '', text: '2024年，我办……' }));
    // The first paragraph is untitled now: no second one offered.
    expect(screen.queryByRole('button', { name: '添加无标题段落' })).toBeNull();
  });

  test('a removed part comes back with 撤销, title and text, where it was', async () => {
    const report = pingluo();
    const second = report.narrative.overview[2]!;
    const e = await renderEditor({ report, section: 'overview' });
    const before = titles();
    await e.user.click(screen.getByRole('button', { name: `删除 （二）${second.title}` }));
    await e.user.click(screen.getByRole('button', { name: `确认删除 （二）${second.title}（正文将一并删除）` }));
    await waitFor(() => expect(e.latest().narrative.overview).toHaveLength(report.narrative.overview.length - 1));
    const notice = screen.getAllByRole('status').find((el) => el.textContent?.startsWith('已删除'))!;
    expect(notice).toHaveTextContent(`已删除“${second.title}”。`);
    await e.user.click(within(notice.parentElement!).getByRole('button', { name: '撤销' }));
    expect(titles()).toEqual(before);
    await waitFor(() => expect(e.latest().narrative.overview[2]).toEqual(second));
    expect(screen.getByRole('textbox', { name: `（二）${second.title} 正文` })).toHaveValue(second.text);
  });
});
