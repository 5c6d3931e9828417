import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { initI18n, setLanguage } from '../i18n/index.ts';
import { emptyReport } from '../report/index.ts';
import { DraftStoreProvider } from '../features/drafts/index.ts';
import { MemoryDraftStore, type Result } from '../storage/index.ts';
import { DraftPage } from './DraftPage.tsx';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

let store: MemoryDraftStore;
beforeEach(async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  store = new MemoryDraftStore();
  localStorage.clear();
});

const page = (id: string) =>
  render(
    <DraftStoreProvider store={store}>
      <DraftPage id={id} section="applications" />
    </DraftStoreProvider>,
  );

test('a draft opens in the editor with the drafts toolbar, and the route is remembered', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  page(draft.id);
  expect(await screen.findByRole('group', { name: '草稿保存' })).toHaveTextContent('已保存');
  expect(screen.getByRole('button', { name: '导出 JSON' })).toBeInTheDocument();
  expect(document.querySelector('[data-cell="applications.newReceived.naturalPerson"]')).not.toBeNull();
  expect(localStorage.getItem('nianbao.lastRoute')).toBe(`#/drafts/${draft.id}/applications`);
});

test('a draft that does not exist says so', async () => {
  page('nope');
  expect(await screen.findByRole('alert')).toHaveTextContent('找不到这份草稿。');
  expect(screen.getByRole('link', { name: '返回我的年报' })).toHaveAttribute('href', '#/');
});

test('a deleted draft can be restored from its page', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  value(await store.softDelete(draft.id));
  page(draft.id);
  expect(await screen.findByRole('alert')).toHaveTextContent('这份草稿已被删除');
  await userEvent.setup().click(screen.getByRole('button', { name: '恢复这份草稿' }));
  expect(await screen.findByRole('group', { name: '草稿保存' })).toBeInTheDocument();
  expect(value(await store.get(draft.id)).deletedAt).toBeNull();
});

test('a new version about to load (src/app/appUpdate.tsx): the open draft hands over its save, and what was typed is stored', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  page(draft.id);
  await screen.findByRole('group', { name: '草稿保存' });
  const input = document.querySelector<HTMLInputElement>('[data-cell="applications.newReceived.naturalPerson"]')!;
  await userEvent.setup().type(input, '42');
  // appUpdate.tsx's UPDATE_EVENT: each open draft pushes the promise of its flush.
  const flushes: Promise<unknown>[] = [];
  act(() => void window.dispatchEvent(new CustomEvent('nianbao-update', { detail: flushes })));
  expect(flushes).toHaveLength(1);
  await act(() => Promise.all(flushes));
  const stored = value(await store.get(draft.id)).document as unknown as { applications: { newReceived: { naturalPerson: number } } };
  expect(stored.applications.newReceived.naturalPerson).toBe(42);
});
