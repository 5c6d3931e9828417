import { expect, test } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';
import { LAZY_AREAS } from './areas.ts';

/** Every key path of a nested resource object, with the placeholders its string uses. */
function keys(node: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof node === 'string') {
    out.set(prefix, [...node.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort());
    return out;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    for (const [path, params] of keys(v, prefix ? `${prefix}.${k}` : k)) out.set(path, params);
  }
  return out;
}

const zh = keys(zhCN);
const english = keys(en);

test('en has exactly the keys of zh-CN (the source locale)', () => {
  expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
});

test('each English string uses the same placeholders as its Chinese source', () => {
  const differing = [...zh].filter(([path, params]) => JSON.stringify(english.get(path)) !== JSON.stringify(params));
  expect(differing.map(([path]) => path)).toEqual([]);
});

test('no string is left empty', () => {
  const empty = [...Object.entries({ zh: zhCN, en })].flatMap(([lang, res]) =>
    [...keys(res)].filter(([path]) => {
      const value = path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], res);
      return typeof value === 'string' && !value.trim();
    }).map(([path]) => `${lang}:${path}`),
  );
  expect(empty).toEqual([]);
});

test('the first load’s zh-CN strings and the lazy areas add up to the whole file, each string once', async () => {
  const first = (await import('./zh-CN.json?first')).default;
  // One loader per area: import() needs each query written out.
  const loaders = {
    review: () => import('./zh-CN.json?area=review'),
    print: () => import('./zh-CN.json?area=print'),
    draftsHome: () => import('./zh-CN.json?area=draftsHome'),
    draftsHistory: () => import('./zh-CN.json?area=draftsHistory'),
    draftsConflict: () => import('./zh-CN.json?area=draftsConflict'),
    editorReview: () => import('./zh-CN.json?area=editorReview'),
    editorReady: () => import('./zh-CN.json?area=editorReady'),
    editorExplanation: () => import('./zh-CN.json?area=editorExplanation'),
    editorGrid: () => import('./zh-CN.json?area=editorGrid'),
    editorPaste: () => import('./zh-CN.json?area=editorPaste'),
    editorSections: () => import('./zh-CN.json?area=editorSections'),
    importReport: () => import('./zh-CN.json?area=importReport'),
    sharing: () => import('./zh-CN.json?area=sharing'),
    sharingHome: () => import('./zh-CN.json?area=sharingHome'),
    unsavedOffer: () => import('./zh-CN.json?area=unsavedOffer'),
    appUpdate: () => import('./zh-CN.json?area=appUpdate'),
  };
  const areas = await Promise.all(Object.values(loaders).map(async (load) => (await load()).default));
  expect(Object.keys(LAZY_AREAS).sort()).toEqual(['appUpdate', 'draftsConflict', 'draftsHistory', 'draftsHome', 'editorExplanation', 'editorGrid', 'editorPaste', 'editorReady', 'editorReview', 'editorSections', 'importReport', 'print', 'review', 'sharing', 'sharingHome', 'unsavedOffer']);
  const parts = [first, ...areas].map((part) => [...keys(part)].map(([path]) => path));
  const all = parts.flat();
  expect(new Set(all).size).toBe(all.length);
  expect([...all].sort()).toEqual([...zh.keys()].sort());
  for (const part of parts) expect(part.length).toBeGreaterThan(0);
});

test('a draft’s status reads the same in 我的年报, its history and the editor’s header (issue 16, 4–5)', () => {
  for (const [name, strings] of [['zh-CN', zhCN], ['en', en]] as const) {
    expect(strings.drafts.status, name).toEqual(strings.editor.status);
  }
});
