// `npx tsx scripts/docx-pages.ts`: the README's pictures of the Word file. Writes the seed report
// (tests/fixtures/pingluo-2022.json) as .docx, has LibreOffice (headless) turn it into PDF, and
// its pages into PNG at 80 dpi: docs/screenshots/docx-pingluo-2022-<n>.png, to set beside the
// print view's pages in docs/print/. Needs soffice and pdftoppm (scripts/install-test-deps).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/report/index.ts';
import { renderReportDocx } from '../src/report/publish/docx.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'docs/screenshots');
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
  console.log(readdirSync(out).filter((f) => f.startsWith('docx-pingluo-2022-')).join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
