// The installed app's own window, as a clerk sees it after 安装: <folder>/installed-app-zh-CN.png
// and installed-app-en.png (issue 21's README picture). Headless Chromium has no windows, so this
// runs Debian's Chromium HEADED on a virtual X display (Xvfb): one visit so the service worker
// installs, then the app is installed through the DevTools protocol's PWA domain (PWA.install,
// PWA.changeAppUserSettings to its own window, PWA.launch: what the address bar's 安装 does,
// which playwright reaches over its pipe), a draft is opened at 三 with a few figures typed,
// and the virtual screen is grabbed (ImageMagick's `import`) and cut to the app's window, title bar
// and icon included.
//
// `npm run screenshots` calls it when Xvfb is there (into test-results/screenshots/, then copied
// to docs/); `npm run build && npx tsx scripts/installed-app-shot.ts [FOLDER]` runs it alone
// (test-results/screenshots/ by default; `docs/screenshots` to refresh the README's pictures).
// Needs `apt-get install -y xvfb x11-utils imagemagick`: a developer's tool, not a test's
// dependency (scripts/install-test-deps leaves them out).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/chromium.ts';
import { createDraft, typeInto } from '../tests/e2e/clerk.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The programs this needs beyond the tests' own (Debian packages xvfb, x11-utils, imagemagick). */
const TOOLS = ['Xvfb', 'xwininfo', 'import'];
const SCREEN = { width: 1600, height: 1000 };
/** The app's window: about a laptop's screen, so the grid of 三 reads at its real size. */
const WINDOW = { left: 0, top: 0, width: 1280, height: 860 };

/** The tools missing on this machine (empty: the pictures can be made). */
export function missingTools(): string[] {
  return TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

/** A virtual X display on a free number (Xvfb picks it and writes it to fd 3). */
async function startDisplay(): Promise<{ display: string; xvfb: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  xvfb.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const number = await new Promise<string>((done, fail) => {
    let text = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) done(text.trim());
    });
    xvfb.on('exit', (code) => fail(new Error(`Xvfb stopped (${code}): ${log}`)));
  });
  return { display: `:${number}`, xvfb };
}

/** The app's top-level X window (Chromium names an app window's class crx_<app id>) and where it is. */
function appWindowGeometry(display: string): string {
  const tree = execFileSync('xwininfo', ['-display', display, '-root', '-tree'], { encoding: 'utf8' });
  const line = tree.split('\n').find((l) => l.includes('("crx_'));
  const match = line?.match(/(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)\s*$/);
  if (!match) throw new Error(`no app window on the screen:\n${tree}`);
  const [, width, height, , , x, y] = match;
  return `${width}x${height}+${x}+${y}`;
}

/** The whole virtual screen, cut to the app's window. */
function grabWindow(display: string, path: string) {
  execFileSync('import', ['-display', display, '-window', 'root', '-crop', appWindowGeometry(display), '+repage', path]);
}

/** A page's DevTools target id (what Browser.getWindowForTarget takes). */
async function targetIdOf(context: BrowserContext, page: Page): Promise<string> {
  const session = await context.newCDPSession(page);
  const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
  await session.detach();
  return targetInfo.targetId;
}

/** Installs the app served at `base`, opens it in its own window at 三 and grabs the window in zh-CN and en. */
export async function installedAppShots(base: string, out: string): Promise<string[]> {
  const missing = missingTools();
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: apt-get install -y xvfb x11-utils imagemagick`);
  mkdirSync(out, { recursive: true });
  const { display, xvfb } = await startDisplay();
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-installed-'));
  // No "translate this page?" bubble over the app's header (the browser's language is not the page's).
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ translate: { enabled: false } }));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: false,
      args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
      chromiumSandbox: false,
      viewport: null,
      env: { ...process.env, DISPLAY: display },
    });
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(base);
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    // The manifest's id, resolved as the browser does (against the manifest's address).
    const manifestId = await tab.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      const manifest = (await (await fetch(href)).json()) as { id?: string; start_url: string };
      return new URL(manifest.id ?? manifest.start_url, href).href;
    });
    const browser = await context.browser()!.newBrowserCDPSession();
    await browser.send('PWA.install' as never, { manifestId, installUrlOrBundleUrl: base } as never);
    // Installed through the protocol, an app opens in a tab until told otherwise; 安装 in the
    // address bar gives it its own window, as the manifest asks (display: standalone).
    await browser.send('PWA.changeAppUserSettings' as never, { manifestId, displayMode: 'standalone' } as never);
    const opened = context.waitForEvent('page');
    await browser.send('PWA.launch' as never, { manifestId } as never);
    const app = await opened;
    const targetId = await targetIdOf(context, app);
    await tab.close(); // the browser's window goes; the app's stays, alone on the screen
    const { windowId } = (await browser.send('Browser.getWindowForTarget', { targetId })) as { windowId: number };
    await browser.send('Browser.setWindowBounds', { windowId, bounds: { ...WINDOW, windowState: 'normal' } });

    const id = await createDraft(app, base, '平罗县人民政府办公室');
    await app.goto(`${base}#/drafts/${id}/applications`);
    // A few figures that balance (新收 + 上年结转 = 办理结果总计 + 结转下年度), as a clerk types them.
    const figures: [string, string][] = [
      ['applications.newReceived.naturalPerson', '46'],
      ['applications.newReceived.commercial', '3'],
      ['applications.carriedOver.naturalPerson', '2'],
      ['applications.granted.naturalPerson', '30'],
      ['applications.granted.commercial', '3'],
      ['applications.partiallyGranted.naturalPerson', '5'],
      ['applications.carriedForward.naturalPerson', '13'],
    ];
    for (const [cell, figure] of figures) await typeInto(app, cell, figure);
    await app.keyboard.press('Tab'); // the last figure entered, as a clerk moves on
    await app.waitForTimeout(1000); // past the autosave's pause: the status says 已保存
    // Back to the top: the app's header, the draft's toolbar and the grid's first rows, with the
    // figures just typed. The window's title bar shows the site's address for a moment after it
    // opens (Chromium's own notice); the pictures are taken once it has gone.
    await app.evaluate(() => window.scrollTo(0, 0));
    await app.waitForTimeout(3000);
    const made: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      if (lang === 'en') {
        await app.getByRole('combobox', { name: '语言' }).selectOption('en');
        await app.locator('html[lang="en"]').waitFor();
      }
      await app.waitForTimeout(500); // the window repaints what the page just drew
      const path = join(out, `installed-app-${lang}.png`);
      grabWindow(display, path);
      made.push(path);
    }
    return made;
  } finally {
    await context?.close();
    xvfb.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  try {
    const address = server.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const made = await installedAppShots(`http://127.0.0.1:${port}/`, resolve(process.argv[2] ?? join(root, 'test-results/screenshots')));
    for (const path of made) console.log(`${path} (${Math.round(statSync(path).size / 1024)} kB)`);
  } finally {
    await server.close();
  }
}
