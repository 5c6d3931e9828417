/** Test helpers for the review feature (not part of the app bundle). */
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { decode, setCell, type Report } from '../../report/index.ts';
import { i18next, initI18n } from '../../i18n/index.ts';
import en from '../../i18n/en.json';
import './strings.ts';
import { createMemoryReviewStore, type ReceivedVersion, type ReviewStore } from '../../storage/review/index.ts';
import { buildUnits, type ReviewUnit } from './model.ts';

const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
export const seed: Report = decoded.report;

/** The seed as another unit's report; `cells` sets entered cells. */
export function unitReport(agency: string, options: { year?: number; cells?: Record<string, number | null>; status?: Report['review']['status'] } = {}): Report {
  let r: Report = {
    ...seed,
    meta: { ...seed.meta, agency, year: options.year ?? 2022, agencyKind: 'department' },
    review: { ...seed.review, status: options.status ?? 'submitted' },
  };
  for (const [id, v] of Object.entries(options.cells ?? {})) r = setCell(r, id, v);
  return r;
}

/** Breaks the balance of 三 (an error) by adding to granted without adding to newReceived. */
export const BROKEN_BALANCE = { 'applications.granted.naturalPerson': 99 };

let n = 0;
export function version(document: Report, extra: Partial<ReceivedVersion> = {}): ReceivedVersion {
  n++;
  return {
    id: `v${n}`,
    unitKey: `${document.meta.year}|${document.meta.agency}`,
    agency: document.meta.agency,
    year: document.meta.year,
    fileName: `${document.meta.agency}.json`,
    receivedAt: 1_700_000_000_000 + n * 1000,
    fingerprint: `f${n}`,
    document,
    updatedAt: 1_700_000_000_000 + n * 1000,
    ...extra,
  };
}

export function unitsOf(...reports: Report[]): ReviewUnit[] {
  return buildUnits(reports.map((r) => version(r)));
}

export function fileOf(report: Report | string, name: string, lastModified = Date.now()): File {
  const text = typeof report === 'string' ? report : JSON.stringify(report);
  return new File([text], name, { type: 'application/json', lastModified });
}

export async function storeWith(...reports: Report[]): Promise<ReviewStore> {
  let t = 1_700_000_000_000;
  const store = createMemoryReviewStore({ now: () => (t += 1000) });
  for (const r of reports) {
    const got = await store.receive({ document: r, fileName: `${r.meta.agency}.json` });
    if (!got.ok) throw new Error(`receive failed: ${got.error.kind}`);
  }
  return store;
}

export function renderUi(ui: ReactElement, language: 'zh-CN' | 'en' = 'zh-CN') {
  void initI18n('zh-CN');
  // The app fetches English on demand; a synchronous render needs its strings in at once.
  if (!i18next.hasResourceBundle('en', 'ui')) i18next.addResourceBundle('en', 'ui', en);
  void i18next.changeLanguage(language);
  return render(<I18nextProvider i18n={i18next}>{ui}</I18nextProvider>);
}
