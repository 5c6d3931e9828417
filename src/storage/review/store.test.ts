import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { decode, setCell, type Report } from '../../report/index.ts';
import { approveReport } from '../../report/review/actions.ts';
import { createIdbReviewStore, createMemoryReviewStore, REVIEW_DB_NAME, type ReviewStore } from './index.ts';

const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const seed: Report = decoded.report;
const unit = (agency: string, year = 2022): Report => ({ ...seed, meta: { ...seed.meta, agency, year } });

function clock() {
  let t = 1_700_000_000_000;
  return () => (t += 1000);
}
function ids() {
  let n = 0;
  return () => `v${++n}`;
}

const makers: [string, () => ReviewStore][] = [
  ['memory', () => createMemoryReviewStore({ now: clock(), newId: ids() })],
  ['indexeddb', () => createIdbReviewStore({ factory: new IDBFactory(), now: clock(), newId: ids() })],
];

describe.each(makers)('%s review store', (_name, make) => {
  test('received files become versions of their unit, listed oldest first', async () => {
    const store = make();
    const a1 = await store.receive({ document: unit('甲局'), fileName: 'a.json' });
    const b1 = await store.receive({ document: unit('乙镇'), fileName: 'b.json' });
    const a2 = await store.receive({ document: setCell(unit('甲局'), 'proactive.licensing', 7), fileName: 'a2.json' });
    expect(a1.ok && b1.ok && a2.ok).toBe(true);
    if (!a1.ok || !a2.ok) return;
    expect(a1.value).toMatchObject({ id: 'v1', unitKey: '2022|甲局', agency: '甲局', year: 2022, fileName: 'a.json' });
    expect(a2.value.unitKey).toBe(a1.value.unitKey);
    expect(a2.value.fingerprint).not.toBe(a1.value.fingerprint);
    const listed = await store.list();
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.versions.map((v) => v.fileName)).toEqual(['a.json', 'b.json', 'a2.json']);
    expect(listed.value.versions[2]!.document.proactive.licensing).toBe(7);
    expect(listed.value.unreadable).toEqual([]);
  });

  test('several received at once: each as receive would say, in order, a duplicate within the batch too', async () => {
    const store = make();
    const before = await store.receive({ document: unit('丙局'), fileName: 'c.json' });
    const invalid = { ...unit('丁局'), meta: { ...unit('丁局').meta, year: 'x' } } as unknown as Report;
    const results = await store.receiveMany([
      { document: unit('甲局'), fileName: 'a.json' },
      { document: unit('丙局'), fileName: 'c (1).json' },
      { document: invalid, fileName: 'd.json' },
      { document: unit('乙镇'), fileName: 'b.json' },
      { document: unit('甲局'), fileName: 'a (1).json' },
    ]);
    expect(results.map((r) => (r.ok ? r.value.fileName : r.error.kind))).toEqual(['a.json', 'duplicate', 'invalid', 'b.json', 'duplicate']);
    expect(results[1]).toEqual({ ok: false, error: { kind: 'duplicate', versionId: before.ok ? before.value.id : '' } });
    expect(results[4]).toEqual({ ok: false, error: { kind: 'duplicate', versionId: results[0]!.ok ? results[0]!.value.id : '' } });
    const listed = await store.list();
    expect(listed.ok && listed.value.versions.map((v) => v.fileName)).toEqual(['c.json', 'a.json', 'b.json']);
    expect(await store.receiveMany([])).toEqual([]);
  });

  test('the same unit of another year is another unit', async () => {
    const store = make();
    const r = await store.receive({ document: unit('甲局', 2021), fileName: 'a.json' });
    expect(r.ok && r.value.unitKey).toBe('2021|甲局');
  });

  test('the same document twice is refused as duplicate, naming the version it repeats', async () => {
    const store = make();
    const first = await store.receive({ document: unit('甲局'), fileName: 'a.json' });
    const again = await store.receive({ document: unit('甲局'), fileName: 'a (1).json' });
    expect(again).toEqual({ ok: false, error: { kind: 'duplicate', versionId: first.ok ? first.value.id : '' } });
    const listed = await store.list();
    expect(listed.ok && listed.value.versions).toHaveLength(1);
  });

  test('an invalid document is refused with its problems and nothing is written', async () => {
    const store = make();
    const bad = setCell(unit('甲局'), 'proactive.licensing', -1);
    const r = await store.receive({ document: bad, fileName: 'bad.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    expect(r.error.kind === 'invalid' && r.error.problems.map((p) => p.path)).toEqual(['proactive.licensing']);
    const listed = await store.list();
    expect(listed.ok && listed.value.versions).toEqual([]);
  });

  test('update keeps the review work; changing agency or year, unknown ids and bad documents are refused', async () => {
    const store = make();
    const received = await store.receive({ document: unit('甲局'), fileName: 'a.json' });
    if (!received.ok) throw new Error('receive failed');
    const approved = approveReport(received.value.document, { actor: '审核人', now: () => new Date(Date.UTC(2023, 0, 5)) });
    const updated = await store.update(received.value.id, approved);
    expect(updated.ok && updated.value.document.review.status).toBe('approved');
    expect(updated.ok && updated.value.updatedAt).toBeGreaterThan(received.value.updatedAt);
    expect(updated.ok && updated.value.fingerprint).toBe(received.value.fingerprint);

    const moved = await store.update(received.value.id, unit('乙镇'));
    expect(moved.ok).toBe(false);
    expect(await store.update('nope', approved)).toEqual({ ok: false, error: { kind: 'notFound' } });
    const bad = await store.update(received.value.id, setCell(approved, 'proactive.fees', 1.23456));
    expect(!bad.ok && bad.error.kind).toBe('invalid');

    const listed = await store.list();
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.versions[0]!.document.review.status).toBe('approved');
    expect(listed.value.versions[0]!.document.meta.agency).toBe('甲局');
  });

  test('removeUnit removes every version of that unit only', async () => {
    const store = make();
    await store.receive({ document: unit('甲局'), fileName: 'a.json' });
    await store.receive({ document: setCell(unit('甲局'), 'proactive.licensing', 9), fileName: 'a2.json' });
    await store.receive({ document: unit('乙镇'), fileName: 'b.json' });
    expect(await store.removeUnit('2022|甲局')).toEqual({ ok: true, value: 2 });
    const listed = await store.list();
    expect(listed.ok && listed.value.versions.map((v) => v.agency)).toEqual(['乙镇']);
  });

  test('settings: defaults, partial saves, roster cleaned', async () => {
    const store = make();
    expect(await store.settings()).toEqual({ ok: true, value: { reviewer: '', roster: [], aggregateAgency: '', lastAggregate: null } });
    await store.saveSettings({ reviewer: '王审' });
    const saved = await store.saveSettings({ roster: [' 甲局 ', '', '乙镇', '甲局'], aggregateAgency: '平罗县人民政府' });
    expect(saved).toEqual({ ok: true, value: { reviewer: '王审', roster: ['甲局', '乙镇'], aggregateAgency: '平罗县人民政府', lastAggregate: null } });
    expect(await store.settings()).toEqual(saved);
  });

  test('settings: the last 汇总 is kept (and checked when read back); null forgets it', async () => {
    const store = make();
    const kept = { units: ['2022|甲局', '2022|乙镇'], year: 2022, includeUnapproved: false };
    await store.saveSettings({ lastAggregate: kept });
    await store.saveSettings({ reviewer: '王审' });
    expect(await store.settings()).toMatchObject({ ok: true, value: { reviewer: '王审', lastAggregate: kept } });
    await store.saveSettings({ lastAggregate: { units: 'x', year: 2022, includeUnapproved: false } as never });
    expect(await store.settings()).toMatchObject({ ok: true, value: { lastAggregate: null } });
  });
});

describe('indexeddb review store', () => {
  test('keeps its data across connections, in its own database', async () => {
    const factory = new IDBFactory();
    const first = createIdbReviewStore({ factory });
    await first.receive({ document: unit('甲局'), fileName: 'a.json' });
    await first.saveSettings({ reviewer: '王审' });
    first.close();
    const second = createIdbReviewStore({ factory });
    const listed = await second.list();
    expect(listed.ok && listed.value.versions.map((v) => v.agency)).toEqual(['甲局']);
    expect((await second.settings()).ok).toBe(true);
    const dbs = await factory.databases();
    expect(dbs.map((d) => d.name)).toEqual([REVIEW_DB_NAME]);
    second.close();
  });

  test('a stored record that no longer decodes is listed as unreadable, not dropped silently', async () => {
    const factory = new IDBFactory();
    const store = createIdbReviewStore({ factory });
    await store.receive({ document: unit('甲局'), fileName: 'a.json' });
    store.close();
    // Another (future) app version wrote a document this one cannot read.
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(REVIEW_DB_NAME);
      req.onsuccess = () => {
        const tx = req.result.transaction('versions', 'readwrite');
        tx.objectStore('versions').put({ id: 'x', unitKey: '2022|乙镇', fileName: 'b.json', document: { ...unit('乙镇'), schemaVersion: 99 } });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const reopened = createIdbReviewStore({ factory });
    const listed = await reopened.list();
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.versions.map((v) => v.agency)).toEqual(['甲局']);
    expect(listed.value.unreadable).toEqual([{ id: 'x', unitKey: '2022|乙镇', fileName: 'b.json', problems: [expect.objectContaining({ path: 'schemaVersion', code: 'decode.newerSchema' })] }]);
    reopened.close();
  });

  test('without IndexedDB every operation says unavailable', async () => {
    // jsdom has fake-indexeddb installed globally; a browser mode without it throws on open.
    const broken = createIdbReviewStore({
      factory: {
        open() {
          throw new Error('no IndexedDB in this mode');
        },
      } as unknown as IDBFactory,
    });
    const r = await broken.list();
    expect(r).toEqual({ ok: false, error: { kind: 'unavailable', message: 'no IndexedDB in this mode' } });
    expect((await broken.saveSettings({ reviewer: 'x' })).ok).toBe(false);
  });

  test('a closed store refuses', async () => {
    const store = createIdbReviewStore({ factory: new IDBFactory() });
    store.close();
    expect(await store.list()).toEqual({ ok: false, error: { kind: 'unavailable', message: 'store closed' } });
  });
});
