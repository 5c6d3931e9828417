/**
 * Bench only: fills the app's own IndexedDB store (same origin as the app under test) with
 * drafts made from the seed fixture, through the real DraftStore.
 */
import seedJson from '../../tests/fixtures/pingluo-2022.json';
import { decode } from '../../src/report/index.ts';
import { createIdbDraftStore } from '../../src/storage/index.ts';

declare global {
  interface Window {
    __seeded?: { ids: string[] } | { error: string };
  }
}

async function seed() {
  const count = Number(new URLSearchParams(location.search).get('count') ?? '50');
  const decoded = decode(seedJson);
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  const store = createIdbDraftStore();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const document = structuredClone(decoded.report);
    document.meta.agency = `测试单位${String(i + 1).padStart(2, '0')}`;
    document.status = 'draft';
    const result = await store.create({ document });
    if (!result.ok) throw new Error(`create failed: ${result.error.kind}`);
    ids.push(result.value.id);
  }
  store.close();
  return ids;
}

seed().then(
  (ids) => {
    window.__seeded = { ids };
    document.getElementById('state')!.textContent = `seeded ${ids.length}`;
  },
  (e: unknown) => {
    window.__seeded = { error: e instanceof Error ? e.message : String(e) };
  },
);
