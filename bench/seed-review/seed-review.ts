/**
 * Bench only: fills the app's own review store (IndexedDB, same origin as the app under test)
 * with N units' submitted reports (?count=N), through the real ReviewStore's receive, as the
 * supervisor's replication or the collection of N files would. For the units table and the 汇总
 * at a province's size without waiting for N replications.
 */
import seedJson from '../../tests/fixtures/pingluo-2022.json';
import { decode } from '../../src/report/index.ts';
import { createIdbReviewStore } from '../../src/storage/review/index.ts';
import { benchReports, benchRoster } from '../areaReports.ts';

declare global {
  interface Window {
    __seededReview?: { count: number; ms: number } | { error: string };
  }
}

async function seed() {
  const count = Number(new URLSearchParams(location.search).get('count') ?? '5000');
  const decoded = decode(seedJson);
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  const t0 = performance.now();
  const reports = benchReports(decoded.report, benchRoster(count));
  const store = createIdbReviewStore();
  let i = 0;
  for (const report of reports) {
    const received = await store.receive({ document: report, fileName: `${report.meta.agency}-2022（服务器）`, receivedAt: Date.UTC(2023, 0, 10) + i++ * 60_000 });
    if (!received.ok) throw new Error(`receive failed: ${received.error.kind}`);
    if (i % 500 === 0) document.getElementById('state')!.textContent = `seeded ${i}`;
  }
  store.close();
  return { count, ms: performance.now() - t0 };
}

seed().then(
  (result) => {
    window.__seededReview = result;
    document.getElementById('state')!.textContent = `seeded ${result.count}`;
  },
  (e: unknown) => {
    window.__seededReview = { error: e instanceof Error ? e.message : String(e) };
  },
);
