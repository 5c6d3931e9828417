/**
 * The border's figures in Node: the Word file of the seed (issue 15), and reading a published
 * report back (issue 14) — the seed as copied text, and a PDF of at least ten pages printed by
 * Chromium from the core's print HTML (the seed with its narrative repeated until it is that long).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { decodeText, type Report } from '../src/report/index.ts';
import { renderReportHtml } from '../src/report/render/html.ts';
import { renderReportDocx } from '../src/report/publish/docx.ts';
import { NODE_READ_OPTIONS } from '../src/readers/node.ts';
import { readPublished } from '../src/readers/read.ts';
import { summarise, type Figure } from './stats.ts';

function seed(): Report {
  const decoded = decodeText(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
  if (!decoded.ok) throw new Error('the seed fixture does not decode');
  return decoded.report;
}

async function times(rounds: number, run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm the JIT and the lazily loaded libraries
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function benchDocx(rounds: number): Promise<Figure> {
  const report = seed();
  const bytes = await renderReportDocx(report);
  if (bytes.length < 5_000) throw new Error('the seed’s Word file is implausibly small');
  return summarise('docx.seed.node', 'Node: the seed as a Word file (.docx)', 'ms', await times(rounds, () => renderReportDocx(report)));
}

export async function benchImportText(rounds: number): Promise<Figure> {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/pingluo-2022-zhengfuban.txt'));
  const first = await readPublished(bytes, NODE_READ_OPTIONS);
  if (first.report.meta.year !== 2022) throw new Error('the seed text was not read as the 2022 report');
  return summarise('import.seedText.node', 'Node: import the seed as copied text', 'ms', await times(rounds, () => readPublished(bytes, NODE_READ_OPTIONS)));
}

/** A PDF of ≥ 10 pages: the seed's print with its overview repeated, printed by the bench's Chromium. */
export async function longPdf(page: Page): Promise<{ bytes: Uint8Array; pages: number }> {
  const report = structuredClone(seed());
  const overview = report.narrative.overview;
  for (let copy = 0; copy < 4; copy++) for (const part of overview.slice(0, 5)) overview.push({ ...part, title: `${part.title}（续${copy + 1}）` });
  await page.setContent(renderReportHtml(report));
  await page.emulateMedia({ media: 'print' });
  const bytes = new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const pdfjs = await NODE_READ_OPTIONS.loadPdfjs();
  const doc = await (pdfjs as unknown as { getDocument(o: { data: Uint8Array }): { promise: Promise<{ numPages: number }> } }).getDocument({ data: bytes.slice() }).promise;
  return { bytes, pages: doc.numPages };
}

export async function benchImportPdf(pdf: { bytes: Uint8Array; pages: number }, rounds: number): Promise<Figure> {
  if (pdf.pages < 10) throw new Error(`the bench PDF has ${pdf.pages} pages, not ten or more`);
  const first = await readPublished(pdf.bytes.slice(), NODE_READ_OPTIONS);
  if (first.report.meta.year !== 2022) throw new Error('the bench PDF was not read as the 2022 report');
  return summarise(
    'import.pdf.node',
    `Node: import a ${pdf.pages}-page PDF (the seed, printed)`,
    'ms',
    await times(rounds, () => readPublished(pdf.bytes.slice(), NODE_READ_OPTIONS)),
  );
}
