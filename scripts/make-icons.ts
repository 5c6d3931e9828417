/**
 * `npx tsx scripts/make-icons.ts`: the installed app's icons (public/icons/*.png, committed),
 * drawn from the favicon (public/favicon.svg) by Debian's headless Chromium, which the e2e tests
 * use anyway: no image library to install. Run it again when the favicon changes.
 *
 * - icon-192.png, icon-512.png: the favicon as it is (purpose "any").
 * - maskable-512.png: the favicon's red filling the whole square and its glyph inside the safe
 *   zone (the middle 80 %), since a launcher may cut the icon to a circle or a squircle.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/chromium.ts';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const background = /<rect[^>]*fill="(#[0-9a-f]{3,6})"/i.exec(svg)?.[1];
if (!background) throw new Error('public/favicon.svg: no filled <rect> to take the background colour from');
const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });

/** The favicon drawn at `size` px, scaled by `glyphScale` inside a full-bleed square when maskable. */
function page(size: number, maskable: boolean): string {
  const inner = maskable
    ? `<div style="width:${size}px;height:${size}px;background:${background};display:grid;place-items:center">
         <div style="width:${size * 0.7}px;height:${size * 0.7}px">${svg}</div></div>`
    : `<div style="width:${size}px;height:${size}px">${svg}</div>`;
  return `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{width:100%;height:100%;display:block}</style></head><body>${inner}</body></html>`;
}

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, chromiumSandbox: false });
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['maskable-512.png', 512, true],
  ] as const) {
    const tab = await browser.newPage({ viewport: { width: size, height: size } });
    await tab.setContent(page(size, maskable));
    // The glyph is text (年, font-family serif): wait for the CJK font before the picture.
    await tab.evaluate(() => document.fonts.ready);
    await tab.screenshot({ path: new URL(name, out).pathname, omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
    await tab.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
