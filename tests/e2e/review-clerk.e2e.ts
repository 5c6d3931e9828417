/**
 * The clerk's side of review in Chromium, with a persistent profile: the 政务公开办 sent the
 * report back (a file made here from the seed: returned, a comment on a cell of 三, one on the
 * part 依申请公开情况 of 一, one on the whole report). The clerk imports it on the drafts home,
 * opens it (已退回, editable), sees the return reason and every comment at its place, resolves one
 * comment, reloads — and it stays resolved; 我的年报 says 已退回; 定稿 with comments open, the banner
 * says they are open and to reopen first; resolved and 定稿 again, it asks only that the file be
 * sent. Screenshots in zh-CN and en.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, watch, type Watched, screenshotPath, storedDraft } from './browser.ts';

const CELL = 'applications.granted.naturalPerson';
const REVIEWER = '平罗县政务公开办';
const REASON = '表三“予以公开”与正文不一致，请核对后重新报送。';
const CELL_TEXT = '自然人予以公开 3 件，正文只写了受理数，请补充办理结果。';
const PART_TEXT = '请写明依申请公开的平均办理时限。';
const WHOLE_TEXT = '请填写发布日期。';
const CELL_WHERE = '三、收到和处理政府信息公开申请情况 · （一）予以公开 自然人';

/** The seed as the 政务公开办 returns it: the clerk's 定稿 report with a review block. */
function reviewedFile(): { name: string; mimeType: string; buffer: Buffer } {
  const seed = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')) as Record<string, unknown> & { narrative: { overview: { title: string }[] } };
  expect(seed.narrative.overview[2]!.title).toBe('依申请公开情况');
  const at = (minute: number) => `2023-01-20T09:${String(minute).padStart(2, '0')}:00+08:00`;
  const comment = (id: string, target: string, text: string, minute: number, partTitle?: string) => ({
    id,
    target,
    ...(partTitle ? { partTitle } : {}),
    text,
    author: REVIEWER,
    at: at(minute),
    resolved: false,
  });
  const reviewed = {
    ...seed,
    review: {
      status: 'returned',
      comments: [
        comment('c1', CELL, CELL_TEXT, 1),
        comment('c2', 'narrative.overview.2', PART_TEXT, 2, '依申请公开情况'),
        comment('c3', '', WHOLE_TEXT, 3),
      ],
      history: [
        { action: 'submitted', at: '2023-01-19T16:00:00+08:00', by: '平罗县人民政府办公室' },
        { action: 'commented', at: at(1), by: REVIEWER, note: CELL },
        { action: 'commented', at: at(2), by: REVIEWER, note: 'narrative.overview.2' },
        { action: 'commented', at: at(3), by: REVIEWER },
        { action: 'returned', at: at(5), by: REVIEWER, note: REASON },
      ],
    },
  };
  return { name: '平罗县人民政府办公室-2022-审核退回.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(reviewed, null, 2)) };
}

let context: BrowserContext;
let watched: Watched;

beforeEach(async () => {
  context = await launchPersistent();
});

afterEach(async () => {
  await context?.close();
  expect(watched?.errors ?? []).toEqual([]);
});

async function goHome(page: Page) {
  if (!page.url().startsWith(baseUrl())) await page.goto(baseUrl());
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
}

const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /年报各部分|Sections of the report/ }).getByRole('button', { name });
const panel = (page: Page) => page.getByRole('region', { name: /^(审核意见|Review comments)/ });

/** The accessible description of an element, from its aria-describedby. */
function description(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The draft's comments as IndexedDB holds them. */
async function storedComments(page: Page, id: string): Promise<{ id: string; resolved: boolean }[]> {
  const doc = (await storedDraft(page, id))?.document as { review: { comments: { id: string; resolved: boolean }[] } } | undefined;
  return doc?.review.comments.map((c) => ({ id: c.id, resolved: c.resolved })) ?? [];
}

test('a returned report: import, see the comments where they point, resolve one, reload — still resolved', async () => {
  const page = await context.newPage();
  watched = watch(page);
  await goHome(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(reviewedFile());
  const toast = page.getByRole('status').filter({ hasText: '已导入' });
  await toast.waitFor();
  await toast.getByRole('link', { name: '打开' }).click();
  await page.waitForURL(/#\/drafts\/\w+/);
  const id = /#\/drafts\/(\w+)/.exec(page.url())![1]!;

  // The return and its reason, and the comment on the whole report, at the top.
  const banner = page.getByRole('region', { name: '政务公开办已退回本年报，请修改' });
  await banner.waitFor();
  expect(await banner.textContent()).toContain(REASON);
  expect(await banner.textContent()).toContain('还有 3 条审核意见待处理');
  expect(await page.getByRole('region', { name: '对整份年报的审核意见' }).textContent()).toContain(WHOLE_TEXT);

  // Returned: 已退回 and open for the changes (the file said 定稿), each comment can be resolved.
  expect(await page.locator('.editor-topbar .status-badge').textContent()).toContain('已退回');
  expect(await panel(page).getByRole('heading').textContent()).toContain('（3 条待处理）');
  expect(await panel(page).getByText('本报告已定稿，只读。', { exact: false }).count()).toBe(0);
  expect(await panel(page).getByRole('button', { name: /^标记为已解决/ }).count()).toBe(3);

  // Section counts.
  expect(await nav(page, /三、收到和处理政府信息公开申请情况/).textContent()).toContain('✎ 1');
  expect(await nav(page, /一、总体情况/).textContent()).toContain('✎ 1');

  // Go to the cell: section 三 opens, the cell has the focus, the corner flag and the comment.
  await panel(page).getByRole('button', { name: `转到：${CELL_WHERE}` }).click();
  await page.waitForURL(/\/applications$/);
  const cellSelector = `[data-cell="${CELL}"]`;
  expect(await page.locator(cellSelector).evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await description(page, cellSelector)).toBe(`审核意见（${REVIEWER}）：${CELL_TEXT}`);
  const td = page.locator('td.has-comment').filter({ has: page.locator(cellSelector) });
  // The corner flag: a shape drawn on the cell.
  expect(await td.evaluate((el) => getComputedStyle(el, '::after').borderTopWidth)).not.toBe('0px');
  // Focused, the cell shows its comment (above it).
  expect(await td.locator('.cell-comments').isVisible()).toBe(true);
  expect(await td.locator('.cell-comments').textContent()).toContain(CELL_TEXT);
  await page.screenshot({ path: screenshotPath('editor-review-cell-zh-CN.png') });
  // Unfocused, the flag alone.
  await page.locator('[data-cell="applications.newReceived.commercial"]').focus();
  expect(await td.locator('.cell-comments').isVisible()).toBe(false);

  // The part: its comment beside it, and in its text's description.
  await panel(page).getByRole('button', { name: '转到：一、总体情况 · （二）依申请公开情况' }).click();
  await page.waitForURL(/\/overview$/);
  const partText = page.getByRole('textbox', { name: '（二）依申请公开情况 正文' });
  expect(await partText.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await description(page, '[data-path="narrative.overview.2.text"]')).toBe(`审核意见（${REVIEWER}）：${PART_TEXT}`);
  const part = page.locator('li.part').filter({ has: partText });
  expect(await part.getByRole('list', { name: '审核意见' }).textContent()).toContain(PART_TEXT);

  // Resolve the cell's comment: the mark goes, the count drops, it is stored.
  await panel(page).getByRole('button', { name: `标记为已解决：${CELL_WHERE}` }).click();
  await panel(page).getByRole('button', { name: `重新打开意见：${CELL_WHERE}` }).waitFor();
  expect(await panel(page).getByRole('heading').textContent()).toContain('（2 条待处理）');
  expect(await nav(page, /三、收到和处理政府信息公开申请情况/).textContent()).not.toContain('✎');
  await expect
    .poll(() => storedComments(page, id), { timeout: 10_000 })
    .toEqual([
      { id: 'c1', resolved: true },
      { id: 'c2', resolved: false },
      { id: 'c3', resolved: false },
    ]);

  // Reload: still resolved, the cell unmarked, the other comments still open.
  await page.reload();
  await panel(page).waitFor();
  expect(await panel(page).getByRole('heading').textContent()).toContain('（2 条待处理）');
  const items = panel(page).getByRole('listitem');
  expect(await items.count()).toBe(3);
  expect(await items.last().textContent()).toContain(CELL_TEXT);
  expect(await items.last().textContent()).toContain('已解决');
  await panel(page).getByRole('button', { name: `重新打开意见：${CELL_WHERE}` }).waitFor();
  await nav(page, /三、收到和处理政府信息公开申请情况/).click();
  await page.locator(cellSelector).waitFor();
  expect(await page.locator(cellSelector).getAttribute('aria-describedby')).toBeNull();
  expect(await page.locator('td.has-comment').count()).toBe(0);
  expect(await page.getByRole('region', { name: '政务公开办已退回本年报，请修改' }).textContent()).toContain('还有 2 条审核意见待处理');

  // Screenshots: section 一 with the part's comment, the banner and the panel.
  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en') await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await nav(page, lang === 'en' ? /1\. Overview/ : /一、总体情况/).click();
    await page.waitForURL(/\/overview$/);
    await page.locator('.comment-notes').first().waitFor();
    await page.screenshot({ path: screenshotPath(`editor-review-comments-${lang}.png`) });
  }

  // 我的年报 says 已退回 too (in both languages).
  for (const lang of ['en', 'zh-CN'] as const) {
    if (lang === 'zh-CN') await page.getByRole('combobox', { name: /Language|语言/ }).selectOption('zh-CN');
    await goHome(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '平罗县人民政府办公室', exact: true }) });
    await row.getByText(lang === 'en' ? 'Returned' : '已退回', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath(`drafts-home-returned-${lang}.png`) });
  }

  // 定稿 with two comments still open: the banner says so (not that the report was revised), and
  // how to go on: 重新打开编辑 first.
  await page.getByRole('link', { name: '平罗县人民政府办公室', exact: true }).click();
  await page.waitForURL(/#\/drafts\/\w+/);
  const topbar = page.locator('.editor-topbar');
  await topbar.getByRole('button', { name: '定稿', exact: true }).click();
  const returnedBanner = page.getByRole('region', { name: '政务公开办已退回本年报，请修改' });
  await returnedBanner.getByText('还有 2 条审核意见待处理。请先点“重新打开编辑”').waitFor();
  expect(await returnedBanner.textContent()).not.toMatch(/已按审核意见修改|已重新定稿/);
  expect(await page.locator('.editor-topbar .status-badge').textContent()).toContain('已定稿');
  await page.screenshot({ path: screenshotPath('editor-returned-ready-open-zh-CN.png') });
  const language = page.getByRole('combobox', { name: /Language|语言/ });
  const returnedBannerEn = page.getByRole('region', { name: 'The reviewing office returned this report for changes' });
  await language.selectOption('en');
  await returnedBannerEn.getByText('Review comments still open: 2. Press “Reopen for editing” first').waitFor();
  await page.screenshot({ path: screenshotPath('editor-returned-ready-open-en.png') });
  await language.selectOption('zh-CN');
  // Reopened, the other two resolved, 定稿 again: now, and only now, it says so.
  await topbar.getByRole('button', { name: '重新打开编辑' }).click();
  const resolveButtons = panel(page).getByRole('button', { name: /^标记为已解决/ });
  await expect.poll(() => resolveButtons.count()).toBe(2);
  for (const left of [1, 0]) {
    await resolveButtons.first().click();
    await expect.poll(() => resolveButtons.count()).toBe(left);
  }
  await topbar.getByRole('button', { name: '定稿', exact: true }).click();
  await returnedBanner.getByText('审核意见都已处理，本报告已重新定稿。请导出 JSON，报送政务公开办。').waitFor();
  expect(await returnedBanner.textContent()).not.toContain('请重新定稿');
  await page.screenshot({ path: screenshotPath('editor-returned-ready-again-zh-CN.png') });
  await language.selectOption('en');
  await returnedBannerEn.getByText('All review comments are dealt with and the report is marked ready again.').waitFor();
  await page.screenshot({ path: screenshotPath('editor-returned-ready-again-en.png') });
  await language.selectOption('zh-CN');
  await returnedBanner.waitFor();
  await goHome(page);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '平罗县人民政府办公室', exact: true }) });
  await row.getByText('已定稿', { exact: true }).waitFor();
});
