// The Word file's pages as pictures: the seed report (tests/fixtures/pingluo-2022.json) written as
// .docx, turned into PDF by LibreOffice (headless), its pages into PNG at 80 dpi:
// <folder>/docx-pingluo-2022-<n>.png, to set beside the print view's pages. `npm run screenshots`
// calls it (into test-results/screenshots/, then copied to docs/); `npx tsx scripts/docx-pages.ts
// [FOLDER]` runs it alone (test-results/screenshots/ by default). Needs soffice and pdftoppm
// (scripts/install-test-deps).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeText } from '../src/report/index.ts';
import { renderReportDocx } from '../src/report/publish/docx.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export async function docxPages(out: string): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-docx-pages-'));
  try {
    const decoded = decodeText(readFileSync(join(root, 'tests/fixtures/pingluo-2022.json'), 'utf8'));
    if (!decoded.ok) throw new Error('the seed does not decode');
    const docx = join(work, 'pingluo-2022.docx');
    writeFileSync(docx, await renderReportDocx(decoded.report));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe' });
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(out)) if (/^docx-pingluo-2022-\d+\.png$/.test(f)) rmSync(join(out, f));
    execFileSync('pdftoppm', ['-r', '80', '-png', join(work, 'pingluo-2022.pdf'), join(out, 'docx-pingluo-2022')]);
    return readdirSync(out).filter((f) => f.startsWith('docx-pingluo-2022-'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pages = await docxPages(resolve(process.argv[2] ?? join(root, 'test-results/screenshots')));
  console.log(pages.join('\n'));
}
