/**
 * A supervisor's January round in Chromium: 30 unit files (generated from the seed report, some
 * with errors, one malformed) loaded at once, the faulty ones found by filter, one returned with
 * a comment, the rest approved, and the aggregate (汇总) checked against a sum computed here.
 *
 * Pictures of the units, a unit and the aggregate, in zh-CN and en, go to test-results/screenshots/
 * (`npm run screenshots` copies them to docs/).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ENTERED_CELLS, cellValue, decodeText, evaluate, getCell, setCell, type Report } from '../../src/report/index.ts';
import { baseUrl, launch, screenshotPath, watch } from './browser.ts';

const seedResult = decodeText(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
if (!seedResult.ok) throw new Error('seed does not decode');
const seed = seedResult.report;

const NAMES = [
  '发展和改革局', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局',
  '住房和城乡建设局', '交通运输局', '水务局', '农业农村局', '商务和投资促进局', '文化旅游体育广电局', '卫生健康局', '应急管理局',
  '审计局', '市场监督管理局', '医疗保障局', '城关镇', '黄渠桥镇', '宝丰镇', '头闸镇', '姚伏镇',
  '崇岗镇', '陶乐镇', '高庄乡', '灵沙乡', '渠口乡',
];
/** Units whose report breaks the balance of 三 (an error): they cannot be approved. */
const BROKEN = new Set([5, 12, 20]);

interface UnitFile {
  readonly name: string;
  readonly report: Report | null;
  readonly text: string;
}

/** 29 reports of different units with different numbers, and one malformed file. */
function unitFiles(): UnitFile[] {
  const files: UnitFile[] = NAMES.map((name, i) => {
    const agency = `平罗县${name}`;
    let r: Report = {
      ...seed,
      meta: { ...seed.meta, agency, agencyKind: name.endsWith('镇') || name.endsWith('乡') ? 'township' : 'department' },
      review: { status: 'submitted', comments: [], history: [] },
    };
    // Balanced changes: the extra applications were granted.
    r = setCell(r, 'applications.newReceived.naturalPerson', 24 + i);
    r = setCell(r, 'applications.granted.naturalPerson', 3 + i);
    r = setCell(r, 'applications.newReceived.commercial', i % 3);
    r = setCell(r, 'applications.partiallyGranted.commercial', i % 3);
    r = setCell(r, 'proactive.licensing', 100 + 7 * i);
    r = setCell(r, 'proactive.normativeDocuments.issued', i % 4);
    r = setCell(r, 'proactive.normativeDocuments.inForce', 4 + (i % 4));
    r = setCell(r, 'proactive.fees', Math.round(i * 0.0125 * 10_000) / 10_000);
    r = setCell(r, 'appeals.review.upheld', i % 2);
    if (BROKEN.has(i)) r = setCell(r, 'applications.granted.naturalPerson', 3 + i + 5);
    // Every other unit explains its warnings (the narrative still says 24 applications).
    if (i % 2 === 0) {
      const warnings = evaluate(r).filter((f) => f.severity === 'warning');
      r = { ...r, explanations: Object.fromEntries(warnings.map((f) => [f.key, '正文数字为初稿，以表格为准'])) };
    }
    return { name: `${agency}-2022-政府信息公开年报.json`, report: r, text: JSON.stringify(r, null, 2) };
  });
  files.push({ name: '平罗县统计局-2022-政府信息公开年报.json', report: null, text: JSON.stringify(seed).slice(0, 5000) });
  return files;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`review-${name}.png`), fullPage: false });
}

const unitsTable = (page: Page) => page.getByRole('table', { name: '各单位年报及审核情况' });
// The units table renders a window of its rows (and gaps for the rest): rows are those with an
// index; how many there are in all is the table's aria-rowcount (less the header row).
const bodyRows = (page: Page) => unitsTable(page).locator('tbody tr[aria-rowindex]');
const rowCount = async (page: Page) => Number(await unitsTable(page).getAttribute('aria-rowcount')) - 1;

test('a review round: 30 files, filter, return one, approve the rest, sum up and check the totals', async () => {
  const files = unitFiles();
  expect(files).toHaveLength(30);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await page.getByRole('textbox', { name: '审核人' }).fill('县政务公开办 王审');

  // Collect all 30 files at once through the file input.
  await page.getByLabel('选择年报文件（可多选）').setInputFiles(files.map((f, i) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text), lastModified: 1_700_000_000_000 + i })) as never);
  await page.getByText('共 30 个文件：新增单位 29 个，新版本 0 个，重复 0 个，未收入 1 个。').waitFor();
  const refused = page.getByRole('region', { name: /1 个文件未收入/ });
  await expect.poll(() => refused.textContent()).toContain('平罗县统计局-2022-政府信息公开年报.json');
  expect(await refused.textContent()).toContain('文件不完整');
  await expect.poll(() => rowCount(page)).toBe(29);
  await shot(page, 'zh-units');

  // Filter to the reports with errors: exactly the broken ones.
  await page.getByRole('combobox', { name: '检查结果' }).selectOption('errors');
  await expect.poll(() => rowCount(page)).toBe(BROKEN.size);
  const brokenAgencies = [...BROKEN].map((i) => `平罗县${NAMES[i]}`).sort();
  const shown = (await unitsTable(page).locator('tbody th a').allTextContents()).sort();
  expect(shown).toEqual(brokenAgencies);

  // Return one, with a comment on the cell that breaks the balance.
  const returned = `平罗县${NAMES[5]}`;
  await unitsTable(page).getByRole('link', { name: returned }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${returned}2022年`) }).waitFor();
  await page.getByRole('button', { name: /^（一）予以公开 自然人: 13\b/ }).click();
  expect(await page.getByRole('combobox', { name: '意见针对' }).inputValue()).toBe('applications.granted.naturalPerson');
  await page.getByRole('textbox', { name: '意见内容' }).fill('予以公开 13 件，加上其他结果后总计与新收、结转不平衡，请核实。');
  await page.getByRole('button', { name: '添加审核意见' }).click();
  await page.getByText('已添加审核意见。').waitFor();
  await page.getByRole('textbox', { name: '退回理由（必填）' }).fill('表三自然人栏不平衡（差 5 件），请更正后重新报送。');
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByText('已退回。').waitFor();
  await shot(page, 'zh-unit');
  await page.getByRole('link', { name: /返回单位列表/ }).click();

  // Back in the table, still filtered as it was left; the filter taken off to see them all.
  await unitsTable(page).waitFor();
  expect(await page.getByRole('combobox', { name: '检查结果' }).inputValue()).toBe('errors');
  expect(await rowCount(page)).toBe(BROKEN.size);
  await page.getByRole('combobox', { name: '检查结果' }).selectOption('all');
  await expect.poll(() => rowCount(page)).toBe(29);

  // Approve the rest: select all; those with errors are refused by the batch and named.
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '通过所选' }).click();
  const approvedCount = 29 - BROKEN.size;
  await page.getByText(`已通过 ${approvedCount} 个。`, { exact: false }).waitFor();
  expect(await page.getByText(/个有错误，未通过/).textContent()).toContain(`${BROKEN.size} 个有错误`);
  await page.getByRole('combobox', { name: '审核状态' }).selectOption('approved');
  await expect.poll(() => rowCount(page)).toBe(approvedCount);
  await page.getByRole('combobox', { name: '审核状态' }).selectOption('returned');
  expect(await unitsTable(page).locator('tbody th a').allTextContents()).toEqual([returned]);
  await page.getByRole('combobox', { name: '审核状态' }).selectOption('');

  // Sum up every unit.
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '汇总所选' }).click();
  const panel = page.getByRole('region', { name: '汇总' });
  await panel.getByRole('textbox', { name: '汇总机关名称' }).fill('平罗县人民政府');
  await panel.getByRole('button', { name: '生成汇总' }).click();
  const attention = panel.getByRole('region', { name: /以下单位未计入汇总或需要注意/ });
  await attention.waitFor();
  const attentionText = (await attention.textContent()) ?? '';
  expect(attentionText).toContain(`未通过审核，未计入（${BROKEN.size} 个）`);
  for (const agency of brokenAgencies) expect(attentionText).toContain(agency);
  // The result took the focus (and the view) to itself.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
  await shot(page, 'zh-aggregate');

  // The sum computed here, from the generated documents of the approved units.
  const approved = files.filter((f, i) => f.report && !BROKEN.has(i)).map((f) => f.report!);
  expect(approved).toHaveLength(approvedCount);
  const expected = new Map<string, number | null>();
  for (const cell of ENTERED_CELLS) {
    const values = approved.map((r) => getCell(r, cell.id));
    expected.set(cell.id, values.every((v) => v === null) ? null : Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 10_000) / 10_000);
  }
  const newReceivedTotal = approved.reduce((s, r) => s + (r.applications.newReceived.naturalPerson ?? 0) + (r.applications.newReceived.commercial ?? 0), 0);
  const shownTotal = await panel.locator('table.rv-key-totals [data-cell="applications.newReceived.total"]').textContent();
  expect(Number(shownTotal?.replace(/,/g, ''))).toBe(newReceivedTotal);

  // The exported JSON decodes and every entered cell is the sum.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '导出汇总 JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('平罗县人民政府-2022-政府信息公开年报.json');
  const exported = decodeText(readFileSync((await download.path())!, 'utf8'));
  if (!exported.ok) throw new Error(`the aggregate does not decode: ${JSON.stringify(exported.problems)}`);
  const total = exported.report;
  expect(total.meta).toMatchObject({ agency: '平罗县人民政府', agencyKind: 'government', year: 2022 });
  for (const cell of ENTERED_CELLS) expect(getCell(total, cell.id), cell.id).toBe(expected.get(cell.id));
  expect(total.aggregate?.units).toHaveLength(approvedCount);
  expect([...(total.aggregate?.notApproved ?? [])].sort()).toEqual(brokenAgencies);
  // A sum that balances: every approved unit balanced.
  expect(evaluate(total).filter((f) => f.rule === 'balance')).toEqual([]);

  // The same workspace in English.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Review workspace' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'en-units');
  await page.getByRole('heading', { name: /Sum up/ }).scrollIntoViewIfNeeded();
  await page.getByRole('region', { name: /Sum up/ }).getByRole('button', { name: 'Build the aggregate' }).click();
  await page.getByRole('region', { name: /Units left out/ }).waitFor();
  await shot(page, 'en-aggregate');
  await page.getByRole('link', { name: returned }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(returned) }).waitFor();
  await shot(page, 'en-unit');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

  expect(watched.errors).toEqual([]);
  await context.close();
});

test('the workspace survives a reload: units, statuses and the reviewer’s name, in its own database', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('textbox', { name: '审核人' }).fill('王审');
  const [one] = unitFiles();
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([{ name: one!.name, mimeType: 'application/json', buffer: Buffer.from(one!.text) }]);
  await expect.poll(() => rowCount(page)).toBe(1);
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '通过所选' }).click();
  await page.getByText('已通过 1 个。', { exact: false }).waitFor();
  await page.reload();
  await expect.poll(() => rowCount(page)).toBe(1);
  expect(await bodyRows(page).first().textContent()).toContain('已通过');
  expect(await page.getByRole('textbox', { name: '审核人' }).inputValue()).toBe('王审');
  const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(dbs).toContain('nianbao-review');
  expect(watched.errors).toEqual([]);
  await context.close();
});

test('the next round: the reviewed file goes back, the clerk fixes it, and the new version shows what changed', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('textbox', { name: '审核人' }).fill('王审');
  const broken = unitFiles()[5]!;
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([{ name: broken.name, mimeType: 'application/json', buffer: Buffer.from(broken.text) }]);
  const agency = broken.report!.meta.agency;
  await page.getByRole('link', { name: agency }).click();
  await page.getByRole('button', { name: /^（一）予以公开 自然人: 13\b/ }).click();
  await page.getByRole('textbox', { name: '意见内容' }).fill('多计了 5 件');
  await page.getByRole('button', { name: '添加审核意见' }).click();
  await page.getByText('已添加审核意见。').waitFor();
  await page.getByRole('textbox', { name: '退回理由（必填）' }).fill('表三不平衡');
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByText('已退回。').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审核后的文件' }).click()]);
  const sent = decodeText(readFileSync((await download.path())!, 'utf8'));
  if (!sent.ok) throw new Error('the reviewed file does not decode');
  expect(sent.report.review.status).toBe('returned');
  expect(sent.report.review.comments.map((c) => c.text)).toEqual(['多计了 5 件']);

  // The clerk fixes the cell, marks the comment resolved and sends the file again.
  const comment = sent.report.review.comments[0]!;
  const fixed = setCell(sent.report, 'applications.granted.naturalPerson', 8);
  const resolved = {
    ...fixed,
    review: {
      ...fixed.review,
      comments: [{ ...comment, resolved: true, resolvedAt: new Date().toISOString() }],
      history: [...fixed.review.history, { action: 'resolved' as const, at: new Date().toISOString(), by: agency, note: comment.id }],
    },
  };
  await page.getByRole('link', { name: /返回单位列表/ }).click();
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([{ name: broken.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(resolved)) }]);
  await page.getByText('新版本 1 个', { exact: false }).waitFor();
  const row = unitsTable(page).getByRole('row', { name: new RegExp(agency) });
  await expect.poll(() => row.textContent()).toContain('已报送');
  expect(await row.textContent()).toContain('（2 个版本）');

  await row.getByRole('link', { name: agency }).click();
  const compare = page.getByRole('region', { name: '对比' });
  const changed = compare.getByRole('row', { name: /（一）予以公开 自然人/ });
  // The comparison renders once the unit's versions are read from the store: wait for the row, not a snapshot of nothing.
  await expect.poll(() => changed.getByRole('cell').allTextContents()).toEqual(['13', '8', '−5']);
  // It opens on what changed, at the top: under the heading, above the report, in view.
  const compareBox = (await compare.boundingBox())!;
  expect(compareBox.y).toBeLessThan((await page.locator('.rv-unit-view').boundingBox())!.y);
  expect(compareBox.y).toBeLessThan(900);
  await page.screenshot({ path: screenshotPath('review-compare-zh-CN.png') });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('region', { name: 'Compare', exact: true }).getByRole('columnheader', { name: 'Difference' }).waitFor();
  await page.screenshot({ path: screenshotPath('review-compare-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  expect(await page.getByRole('list', { name: '审核意见' }).textContent()).toContain('✓ 已解决');
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByText('已通过。').waitFor();
  expect(watched.errors).toEqual([]);
  await context.close();
});

test('汇总 with a blank unit and no roster: blank is not zero, the unit is named, the result survives a reload; several files export as one zip', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('textbox', { name: '审核人' }).fill('王审');
  const filled = { ...seed, meta: { ...seed.meta, agency: '平罗县教育局' }, review: { status: 'submitted' as const, comments: [], history: [] } };
  let blank: Report = { ...filled, meta: { ...filled.meta, agency: '平罗县水务局' } };
  for (const cell of ENTERED_CELLS) if (cell.section !== 'proactive') blank = setCell(blank, cell.id, null);
  await page.getByLabel('选择年报文件（可多选）').setInputFiles(
    [filled, blank].map((r) => ({ name: `${r.meta.agency}-2022-政府信息公开年报.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r)) })),
  );
  await expect.poll(() => rowCount(page)).toBe(2);

  // Two files: one download, a zip.
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出所选' }).click()]);
  expect(zip.suggestedFilename()).toMatch(/^政府信息公开年报-2份-\d{8}\.zip$/);
  expect(readFileSync((await zip.path())!).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

  await page.getByRole('button', { name: '汇总所选' }).click();
  const panel = page.getByRole('region', { name: '汇总', exact: true });
  await panel.getByRole('textbox', { name: '汇总机关名称' }).fill('平罗县人民政府');
  await panel.getByRole('checkbox', { name: '未通过审核的也计入' }).check();
  await panel.getByRole('button', { name: '生成汇总' }).click();
  const attention = panel.getByRole('region', { name: /以下单位未计入汇总或需要注意/ });
  await attention.waitFor();
  expect(await attention.textContent()).toMatch(/有未填的格子（未按 0 计）（1 个）平罗县水务局（\d+ 格）/);
  expect(await panel.textContent()).not.toContain('所有应报送单位均已计入');
  expect(await panel.textContent()).toContain('没有应报送单位名单');
  const grand = panel.getByRole('table', { name: '主要合计' }).getByRole('row', { name: /^（七）总计/ });
  expect(await grand.getByRole('rowheader').textContent()).toBe('（七）总计');
  // 教育局's figures alone (水务局's blanks are not zeros, and named above).
  expect(await grand.getByRole('cell').textContent()).toBe(String(cellValue(seed, 'applications.resultsTotal.total')));
  // The aggregate's printed tables are the print view's: the workspace's panel headings do not
  // restyle the report's section headings (三号 黑体, the body's size, as on the print page).
  await panel.locator('summary').filter({ hasText: '查看汇总的全部表格' }).click();
  const reportFont = (selector: string) => panel.locator(selector).first().evaluate((el) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).marginTop}`);
  expect(await reportFont('.nb-report .nb-section > h2')).toBe(await reportFont('.nb-report h3'));
  await panel.locator('summary').filter({ hasText: '查看汇总的全部表格' }).click();
  await attention.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('review-aggregate-blanks-zh-CN.png') });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('region', { name: /Units left out/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('review-aggregate-blanks-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

  // Reload: the 汇总 is still there, as built.
  await page.reload();
  const again = page.getByRole('region', { name: '汇总', exact: true });
  await again.getByRole('region', { name: /以下单位未计入汇总或需要注意/ }).waitFor();
  expect(await again.textContent()).toContain('平罗县水务局');
  expect(await again.getByRole('checkbox', { name: '未通过审核的也计入' }).isChecked()).toBe(true);
  expect(watched.errors).toEqual([]);
  await context.close();
});
