/**
 * The grids as a clerk uses them, in headless Chromium on the built app: a click selects the
 * value (issue 16.1), Esc never removes a committed value (20.1), the block of 三 and the row of
 * 四 as the official Excel/WPS sheet holds them paste through the real clipboard (16.2), a
 * finding goes to the cell it names (16.3), a computed cell says it is computed (20.9).
 * Screenshots (zh-CN and en) go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshotPath, watch } from './browser.ts';
import { APPEAL_KINDS, APPEALS_COLUMN_IDS, APPLICATIONS_COLUMN_IDS, APPLICATIONS_ROWS, cellValue, decode, type Report } from '../../src/report/index.ts';

const seed: Report = (() => {
  const result = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
  if (!result.ok) throw new Error('fixture does not decode');
  return result.report;
})();

/** 三 as the official sheet holds it: 25 rows (with （七）总计) of 7 columns (with 总计), tab-separated. */
function applicationsSheet(change?: { row: string; col: string; by: number }): string {
  return (
    APPLICATIONS_ROWS.map((row) =>
      APPLICATIONS_COLUMN_IDS.map((c) => (cellValue(seed, `applications.${row.id}.${c}`) ?? 0) + (change?.row === row.id && change.col === c ? change.by : 0)).join('\t'),
    ).join('\r\n') + '\r\n'
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(lang: 'zh-CN' | 'en', section: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(baseUrl());
  await page.evaluate((l) => localStorage.setItem('nianbao.language', l), lang);
  await page.goto(`${baseUrl()}#/new/${section}`);
  await page.reload(); // a change of the hash alone does not load the page again in the language set
  await page.locator('[data-cell], [data-path]').first().waitFor();
  return { page, errors: watched.errors };
}

/** Copies text to the system clipboard and pastes it with Ctrl+V into the focused cell. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

const cell = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);
const focusedCell = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);

test('a click selects the value whether the cell had focus or not; a double-click edits in place (16.1)', async () => {
  const { page, errors } = await open('zh-CN', 'applications');
  const granted = cell(page, 'applications.granted.naturalPerson');
  await granted.click();
  await page.keyboard.type('3');
  // The same cell, clicked again while it has focus (a clerk correcting it): 9 replaces 3.
  await granted.click();
  await page.keyboard.type('9');
  expect(await granted.inputValue()).toBe('9');
  // Another cell, then back with a click: still replaces.
  await cell(page, 'applications.granted.commercial').click();
  await granted.click();
  await page.keyboard.type('4');
  expect(await granted.inputValue()).toBe('4');
  // Clicked again while its value is selected (as after Tab, Enter or a click), clicked twice:
  // the release must not collapse the selection into a caret before the digit.
  await granted.click();
  await page.keyboard.type('7');
  expect(await granted.inputValue()).toBe('7');
  await page.keyboard.press('Tab');
  await granted.click();
  await granted.click();
  await page.keyboard.type('4');
  expect(await granted.inputValue()).toBe('4');
  // A double-click edits in place: the digit is added.
  await granted.dblclick();
  await page.keyboard.type('2');
  expect(await granted.inputValue()).toBe('42');
  await page.keyboard.press('Enter');
  expect(await cell(page, 'applications.granted.total').textContent()).toBe('42');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Esc never removes a committed value: 二 行政事业性收费, 0, Enter, Esc (20.1)', async () => {
  const { page, errors } = await open('zh-CN', 'proactive');
  const fees = cell(page, 'proactive.fees');
  await fees.click();
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  expect(await focusedCell(page)).toBe('proactive.fees');
  await page.keyboard.press('Escape');
  expect(await fees.inputValue()).toBe('0');
  await page.keyboard.type('5');
  await page.keyboard.press('Escape');
  expect(await fees.inputValue()).toBe('0');
  await page.screenshot({ path: screenshotPath('grid-esc-keeps-committed-zh-CN.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the block of 三 as the official sheet holds it pastes whole; a wrong total is reported (16.2, ${lang})`, async () => {
    const { page, errors } = await open(lang, 'applications');
    await cell(page, 'applications.newReceived.naturalPerson').click();
    await paste(page, applicationsSheet());
    const status = page.locator('.grid-message');
    await expect
      .poll(() => status.textContent())
      .toContain(lang === 'zh-CN' ? '已粘贴 25 行 7 列：填入 144 个单元格；粘贴内容中的 31 个合计与自动合计一致。' : 'Pasted 25 row(s) × 7 column(s): 144 cell(s) filled; the 31 total(s) in the block agree');
    for (const row of APPLICATIONS_ROWS.filter((r) => !r.computed)) {
      expect(await cell(page, `applications.${row.id}.naturalPerson`).inputValue()).toBe(String(cellValue(seed, `applications.${row.id}.naturalPerson`)));
    }
    expect(await cell(page, 'applications.resultsTotal.total').textContent()).toBe('24');
    await page.locator('.grid-frame').screenshot({ path: screenshotPath(`grid-paste-applications-${lang}.png`) });

    // The same sheet with （七）总计 of 自然人 typed wrong: the cells go in, the total is named.
    await cell(page, 'applications.newReceived.naturalPerson').click();
    await paste(page, applicationsSheet({ row: 'resultsTotal', col: 'naturalPerson', by: 2 }));
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain(lang === 'zh-CN' ? '“（七）总计 自然人”粘贴的是 26，填入的数合计为 24' : '“(7) Total — Natural persons” was pasted as 26, the figures add up to 24');
    await page.locator('.grid-message').screenshot({ path: screenshotPath(`grid-paste-mismatch-${lang}.png`) });
    expect(errors).toEqual([]);
    await page.context().close();
  });
}

test("四's 15 figures in one row, as published, paste whole (16.2)", async () => {
  const { page, errors } = await open('zh-CN', 'appeals');
  await cell(page, 'appeals.review.upheld').click();
  const figures = [1, 2, 0, 0, 3, 0, 0, 1, 0, 1, 2, 0, 0, 0, 2];
  expect(APPEAL_KINDS.length * APPEALS_COLUMN_IDS.length).toBe(figures.length);
  await paste(page, figures.join('\t') + '\r\n');
  await expect.poll(() => page.locator('.grid-message').textContent()).toContain('已粘贴 1 行 15 列：填入 12 个单元格；粘贴内容中的 3 个合计与自动合计一致。');
  expect(await cell(page, 'appeals.litigationAfterReview.upheld').inputValue()).toBe('2');
  expect(await cell(page, 'appeals.review.total').textContent()).toBe('3');
  await page.locator('.grid-frame').screenshot({ path: screenshotPath('grid-paste-appeals-zh-CN.png') });
  // On to 三 and back, paste again, on to 三: the notice was about 四's table and stays with it.
  const nav = (name: RegExp) => page.getByRole('navigation', { name: /年报各部分/ }).getByRole('button', { name });
  await nav(/三、/).click();
  await nav(/四、/).click();
  await cell(page, 'appeals.review.upheld').click();
  await paste(page, figures.join('\t') + '\r\n');
  await expect.poll(() => page.locator('.grid-message').textContent()).toContain('已粘贴 1 行 15 列');
  await nav(/三、/).click();
  await cell(page, 'applications.newReceived.naturalPerson').waitFor();
  expect(await page.locator('.grid-message').textContent()).toBe('');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('typing on a computed cell says it is computed and replaces the paste notice (20.9)', async () => {
  const { page, errors } = await open('en', 'applications');
  await cell(page, 'applications.granted.naturalPerson').click();
  await paste(page, '1\t2\r\n');
  await expect.poll(() => page.locator('.grid-message').textContent()).toContain('Pasted 1 row(s) × 2 column(s)');
  await cell(page, 'applications.granted.total').click();
  await page.keyboard.type('5');
  await expect.poll(() => page.locator('.grid-message').textContent()).toContain('“(1) Disclosed — Total” is computed; it is not for typing.');
  expect(await page.locator('.grid-message').textContent()).not.toContain('Pasted');
  await paste(page, '7');
  expect(await cell(page, 'applications.granted.total').textContent()).toBe('3');
  await page.locator('.grid-frame').screenshot({ path: screenshotPath('grid-computed-en.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a balance finding goes to the cell of its column that the rule points at (16.3)', async () => {
  const { page, errors } = await open('zh-CN', 'applications');
  await cell(page, 'applications.newReceived.naturalPerson').click();
  await paste(page, applicationsSheet());
  await expect.poll(() => page.locator('.grid-message').textContent()).toContain('已粘贴');
  // 结转下年度 of 商业企业 one too many: the balance of 商业企业 fails.
  const carriedForward = cell(page, 'applications.carriedForward.commercial');
  await carriedForward.click();
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  const finding = page.getByRole('complementary').getByRole('button', { name: /商业企业栏不平衡/ });
  await finding.waitFor();
  // Typing again and going straight to the finding (the click also ends the edit, and the
  // finding's figures change under the pointer): one click goes to the column's cell.
  await carriedForward.click();
  await page.keyboard.type('2');
  await finding.click();
  expect(await focusedCell(page)).toBe('applications.newReceived.commercial');
  // From another section too.
  await page.getByRole('navigation', { name: /年报各部分/ }).getByRole('button', { name: /主动公开/ }).click();
  await finding.click();
  await expect.poll(() => focusedCell(page)).toBe('applications.newReceived.commercial');
  expect(errors).toEqual([]);
  await page.context().close();
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`新建年报: the year being reported by default; after 创建 the focus is on the first field (16.10, 20.9, ${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const watched = watch(page);
    await page.goto(baseUrl());
    await page.evaluate((l) => localStorage.setItem('nianbao.language', l), lang);
    await page.reload();
    const zh = lang === 'zh-CN';
    await page.getByRole('button', { name: zh ? '新建年报' : 'New report', exact: true }).click();
    const now = new Date();
    const reported = now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
    expect(await page.getByLabel(zh ? '报告年度' : 'Year', { exact: true }).inputValue()).toBe(String(reported));
    await page.getByLabel(zh ? '机关名称' : 'Agency', { exact: true }).fill('某某县交通运输局');
    await page.getByRole('button', { name: zh ? '创建' : 'Create' }).click();
    await page.waitForURL(/#\/drafts\/\w+$/);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path ?? document.activeElement?.tagName)).toBe('meta.agency');
    await page.screenshot({ path: screenshotPath(`grid-created-focus-${lang}.png`) });
    // 16.12: the generated preamble names no portal the header does not give; a site in 联系方式 is named.
    const preamble = page.locator('[data-path="narrative.preamble"]');
    expect(await preamble.inputValue()).not.toContain('门户网站');
    await page.locator('[data-path="meta.contact"]').fill('电话：0952-1234567，网址：www.example.gov.cn');
    await expect.poll(() => preamble.inputValue()).toContain('本报告电子版可在www.example.gov.cn下载。');
    await page.screenshot({ path: screenshotPath(`grid-preamble-site-${lang}.png`) });
    expect(watched.errors).toEqual([]);
    await context.close();
  });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`a text-against-table warning selects the number it names; "3件" is one 定稿 error (20.8, 20.9, ${lang})`, async () => {
    const zh = lang === 'zh-CN';
    const doc = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')) as Record<string, unknown> & { narrative: { overview: { text: string }[] } };
    doc.status = 'draft';
    const text = doc.narrative.overview[2]!.text.replace('全年共受理24件', '全年共受理 ２５ 件');
    doc.narrative.overview[2]!.text = text;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const watched = watch(page);
    await page.goto(baseUrl());
    await page.evaluate((l) => localStorage.setItem('nianbao.language', l), lang);
    await page.reload();
    await page.getByLabel(zh ? '选择要导入的 JSON 文件' : 'Choose a JSON file to import').setInputFiles({ name: 'pingluo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByRole('link', { name: '平罗县人民政府办公室' }).click();
    await page.locator('[data-path="meta.agency"]').waitFor();

    // 20.8: the warning's click (from the header, the first section shown) puts the focus in the
    // part and selects "２５".
    await page.getByRole('complementary').getByRole('button', { name: zh ? /正文写“受理25件”/ : /受理25件/ }).first().click();
    const area = page.locator('[data-path="narrative.overview.2.text"]');
    await expect.poll(() => area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('２５');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe('narrative.overview.2.text');
    await page.screenshot({ path: screenshotPath(`grid-warning-caret-${lang}.png`) });

    // 20.9: "3件" in a cell: one error at 定稿 (the text that is not a number), not also a blank.
    await page.getByRole('navigation', { name: zh ? /年报各部分/ : /Sections of the report/ }).getByRole('button', { name: zh ? /四、/ : /^4\.|IV\./ }).first().click();
    await cell(page, 'appeals.review.upheld').click();
    await page.keyboard.type('3件');
    await page.getByRole('button', { name: zh ? '定稿' : /Mark ready/ }).first().click();
    const check = page.getByRole('region', { name: zh ? /暂不能定稿/ : /Cannot mark ready yet/ });
    await check.waitFor();
    const items = await check.getByRole('listitem').allTextContents();
    expect(items.filter((i) => i.includes('3件'))).toHaveLength(1);
    expect(items.filter((i) => /未填写|blank|not filled/i.test(i))).toEqual([]);
    expect(items).toHaveLength(2); // "3件" and the unexplained warning of the text
    await page.screenshot({ path: screenshotPath(`grid-ready-3jian-${lang}.png`) });
    expect(watched.errors).toEqual([]);
    await context.close();
  });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`一: an untitled opening paragraph in one click; a removed part comes back with 撤销 (16.11, ${lang})`, async () => {
    const zh = lang === 'zh-CN';
    const { page, errors } = await open(lang, 'overview');
    await page.getByRole('button', { name: zh ? '添加无标题段落' : 'Add an untitled paragraph' }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toBe('narrative.overview.0.text');
    await page.keyboard.type('2026年，我局在县政务公开办的指导下……');
    expect(await page.locator('[data-path="narrative.overview.1.title"]').inputValue()).toBe('主动公开');
    // Remove （一）主动公开 after writing in it: asked first, then offered back.
    await page.locator('[data-path="narrative.overview.1.text"]').fill('全年主动公开政府信息100条。');
    const part = zh ? '（一）主动公开' : '(1) 主动公开';
    await page.getByRole('button', { name: zh ? `删除 ${part}` : new RegExp(`Remove .*主动公开`) }).first().click();
    await page.getByRole('button', { name: zh ? /确认删除 （一）主动公开/ : /Really remove .*主动公开/ }).first().click();
    expect(await page.locator('[data-path="narrative.overview.1.title"]').inputValue()).toBe('依申请公开');
    await page.locator('.parts-notice').screenshot({ path: screenshotPath(`grid-part-removed-${lang}.png`) });
    await page.locator('.parts-notice').getByRole('button', { name: zh ? '撤销' : 'Undo' }).click();
    expect(await page.locator('[data-path="narrative.overview.1.title"]').inputValue()).toBe('主动公开');
    expect(await page.locator('[data-path="narrative.overview.1.text"]').inputValue()).toBe('全年主动公开政府信息100条。');
    await page.screenshot({ path: screenshotPath(`grid-opening-paragraph-${lang}.png`) });
    expect(errors).toEqual([]);
    await page.context().close();
  });
}
