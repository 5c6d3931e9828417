/**
 * The clerk's editor in headless Chromium, on the built app: from a new report (#/new), fill
 * the seed report (Pingluo 2022) through the UI as a clerk would — the header, the narrative,
 * typing the numbers of 二 and 四, one paste of the 三 block — see zero errors, mark it ready;
 * reopen, set 结转下年度 of 自然人 to 1 and see the balance error on exactly that column.
 * Screenshots of every section in both languages go to test-results/screenshots/ (`npm run
 * screenshots` copies them to docs/). How fast a keystroke reaches the totals is `npm run bench`'s.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, watch, screenshotPath } from './browser.ts';

// The seed as data; the test types it in through the UI.
interface Part {
  title: string;
  text: string;
}
const seed = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')) as {
  meta: { agency: string; year: number; contact: string };
  narrative: { preamble: string; overview: Part[]; problems: Part[]; other: Part[] };
  proactive: Record<string, unknown>;
  applications: Record<string, unknown>;
  appeals: Record<string, Record<string, number>>;
};
const at = (path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], seed);

const APPLICATION_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  ...['stateSecret', 'lawProhibited', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeQuery'].map((r) => `withheld.${r}`),
  ...['notHeld', 'needsCreation', 'unclear'].map((r) => `unavailable.${r}`),
  ...['complaint', 'repeated', 'publication', 'excessive', 'confirmation'].map((r) => `notProcessed.${r}`),
  ...['noCorrection', 'unpaidFee', 'other'].map((r) => `otherHandling.${r}`),
  'carriedForward',
];
const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];
const SECTIONS = ['meta', 'overview', 'proactive', 'applications', 'appeals', 'problems', 'other'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page, name: RegExp | string) => page.getByRole('navigation', { name: /年报各部分|Sections of the report/ }).getByRole('button', { name });

async function typeCells(page: Page, ids: string[]) {
  // As a clerk: click the first cell, then type each value and Tab on.
  await page.locator(`[data-cell="${ids[0]}"]`).click();
  for (const id of ids) {
    await page.keyboard.type(String(at(id)));
    await page.keyboard.press('Tab');
  }
}

async function fillParts(page: Page, section: 'overview' | 'problems' | 'other', parts: Part[], offset = 0) {
  for (const [i, part] of parts.entries()) {
    const n = i + 1 + offset;
    await page.getByRole('textbox', { name: `第${n}部分标题` }).fill(part.title);
    const text = page.locator(`[data-path="narrative.${section}.${n - 1}.text"]`);
    await text.fill(part.text);
  }
}

test('a clerk fills Pingluo 2022 in the editor, marks it ready, reopens it and unbalances one column', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const watched = watch(page);
  await page.goto(baseUrl());
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'zh-CN'));
  await page.goto(`${baseUrl()}#/new`);

  // --- the header ---------------------------------------------------------------------------
  await page.getByRole('textbox', { name: '机关名称' }).fill(seed.meta.agency);
  await page.getByRole('combobox', { name: '机关类别' }).selectOption({ label: '人民政府办公室（厅）' });
  await page.getByRole('textbox', { name: '报告年度' }).pressSequentially(String(seed.meta.year));
  await page.getByRole('textbox', { name: '联系方式' }).fill(seed.meta.contact);
  await expect.poll(() => page.getByRole('textbox', { name: '导语' }).inputValue()).toContain('本报告统计数据从2022年1月1日至2022年12月31日');
  await page.getByRole('textbox', { name: '导语' }).fill(seed.narrative.preamble);
  await expect.poll(() => page.locator('#preamble-state').textContent()).toBe('导语已手工修改，与按上方信息生成的文字不同。');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');

  // --- 一: rename the five standard parts, add the opening paragraph and move it to the top --
  await nav(page, /一、总体情况/).click();
  const overview = seed.narrative.overview;
  await fillParts(page, 'overview', overview.slice(1));
  await page.getByRole('button', { name: '＋ 添加一部分' }).click();
  await page.locator('[data-path="narrative.overview.5.text"]').fill(overview[0]!.text);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => page.locator('.part-number').allTextContents()).toEqual(['·', '（一）', '（二）', '（三）', '（四）', '（五）']);
  await expect.poll(() => page.locator('[data-path="narrative.overview.0.text"]').inputValue()).toBe(overview[0]!.text);

  // --- 五 and 六 ------------------------------------------------------------------------------
  await nav(page, /五、存在的主要问题/).click();
  await fillParts(page, 'problems', seed.narrative.problems);
  await nav(page, /六、其他需要报告的事项/).click();
  await fillParts(page, 'other', seed.narrative.other);
  await page.getByRole('button', { name: '删除 （三）人大代表建议和政协提案办理结果公开情况' }).click();
  await expect.poll(() => page.getByRole('textbox', { name: /部分标题/ }).count()).toBe(2);

  // --- 二 and 四: typed -----------------------------------------------------------------------
  await nav(page, /二、主动公开政府信息情况/).click();
  await typeCells(page, [
    ...['issued', 'repealed', 'inForce'].map((c) => `proactive.regulations.${c}`),
    ...['issued', 'repealed', 'inForce'].map((c) => `proactive.normativeDocuments.${c}`),
    'proactive.licensing',
    'proactive.punishment',
    'proactive.enforcement',
    'proactive.fees',
  ]);
  await nav(page, /四、政府信息公开行政复议/).click();
  await typeCells(
    page,
    ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((k) => ['upheld', 'corrected', 'other', 'pending'].map((o) => `appeals.${k}.${o}`)),
  );

  // --- 三: one paste of the 24×6 block, as copied from Excel (CRLF, trailing newline) --------
  await nav(page, /三、收到和处理/).click();
  const block = APPLICATION_ROWS.map((row) => APPLICANTS.map((c) => String(at(`applications.${row}.${c}`))).join('\t')).join('\r\n') + '\r\n';
  await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人' }).click();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await expect.poll(() => page.getByRole('status').filter({ hasText: '已粘贴' }).textContent()).toContain('已粘贴 24 行 6 列（144 个单元格）');
  await expect.poll(() => page.locator('[data-cell="applications.resultsTotal.total"]').textContent()).toBe('24');
  await expect.poll(() => page.locator('[data-cell="applications.unavailable.notHeld.total"]').textContent()).toBe('19');

  // --- zero errors, every section complete, 定稿 ---------------------------------------------
  const summary = page.locator('.editor-summary');
  await expect.poll(() => summary.textContent()).toContain('错误 0');
  await expect.poll(() => summary.textContent()).toContain('待说明的警告 0');
  await expect.poll(() => page.locator('.nav-state').allTextContents()).toEqual(Array(7).fill('已填完'));
  await page.getByRole('button', { name: '定稿' }).click();
  await expect.poll(() => page.locator('.status-badge').textContent()).toContain('已定稿');
  await expect.poll(() => page.getByText('本报告已定稿，只读。').count()).toBe(1);
  expect(await page.locator('[data-cell="applications.carriedForward.naturalPerson"]').getAttribute('readonly')).not.toBeNull();

  // --- reopen, set carriedForward 自然人 to 1 ----------------------------------------------
  await page.getByRole('button', { name: '重新打开编辑' }).click();
  await nav(page, /三、收到和处理/).click();
  const carriedForward = page.getByRole('textbox', { name: '四、结转下年度继续办理 自然人' });
  await carriedForward.click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  const marked = () => page.locator('.grid [aria-invalid="true"]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cell).sort());
  await expect
    .poll(marked)
    .toEqual(
      [
        'applications.carriedForward.naturalPerson',
        'applications.carriedOver.naturalPerson',
        'applications.newReceived.naturalPerson',
        'applications.resultsTotal.naturalPerson',
      ].sort(),
    );
  const finding = page.getByRole('complementary').getByRole('button', { name: /自然人栏不平衡/ });
  await expect.poll(() => finding.textContent()).toContain('（七）总计 + 四、结转下年度 = 25，相差 -1');
  expect(await carriedForward.getAttribute('aria-describedby')).toMatch(/finding-balance:naturalPerson/);
  await expect.poll(() => summary.textContent()).toContain('错误 1');

  // --- screenshots of every section, in both languages -------------------------------------
  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en') await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    for (const section of SECTIONS) {
      // #/new made a draft and moved to #/drafts/<id>: go to each section of that same draft.
      await page.evaluate((s) => (location.hash = location.hash.replace(/^(#\/drafts\/[^/]+).*$/, `$1/${s}`)), section);
      await page.locator(`.section-${section}`).waitFor();
      await page.screenshot({ path: screenshotPath(`editor-${section}-${lang}.png`), fullPage: true });
    }
  }
  expect(watched.errors).toEqual([]);
  await page.close();
});
