// Issue 20 point 5: a page that throws shows what failed with 重试 / 返回; a chunk that cannot
// load shows 刷新; in the review workspace the failing unit can be removed.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { initI18n, setLanguage } from '../i18n/index.ts';
import { emptyReport } from '../report/index.ts';
import { createMemoryReviewStore } from '../storage/review/index.ts';
import { RouteErrorBoundary } from './ErrorBoundary.tsx';
import { ReviewRecovery } from './ReviewRecovery.tsx';
import '../features/review/index.ts'; // its strings, as the review page has them

beforeEach(async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

let fail = true;
function Fragile() {
  if (fail) throw new Error('URI malformed');
  return <p>页面内容</p>;
}

test('a page that throws says which page and what failed, and 重试 renders it again', async () => {
  fail = true;
  render(
    <RouteErrorBoundary area="review">
      <Fragile />
    </RouteErrorBoundary>,
  );
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('审核工作台');
  expect(alert).toHaveTextContent('URI malformed');
  expect(within(alert).getByRole('link', { name: '返回' })).toHaveAttribute('href', '#/');
  fail = false;
  await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
  expect(screen.getByText('页面内容')).toBeInTheDocument();
});

test('a chunk that cannot load offers 刷新, which reloads the page', async () => {
  function Unloadable(): never {
    throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/ReviewPage-x.js');
  }
  const reload = vi.fn();
  render(
    <RouteErrorBoundary area="print" reload={reload}>
      <Unloadable />
    </RouteErrorBoundary>,
  );
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('打印预览');
  expect(alert).toHaveTextContent('程序未能加载');
  await userEvent.click(within(alert).getByRole('button', { name: '刷新' }));
  expect(reload).toHaveBeenCalled();
});

test('the review workspace that fails lists its units, the failing one first, and removes the one chosen', async () => {
  const store = createMemoryReviewStore();
  const a = emptyReport({ agency: '甲局', year: 2022 });
  const b = emptyReport({ agency: '乙局', year: 2022 });
  const ra = await store.receive({ document: a, fileName: 'a.json' });
  const rb = await store.receive({ document: b, fileName: 'b.json' });
  if (!ra.ok || !rb.ok) throw new Error('receive');
  const retry = vi.fn();
  render(<ReviewRecovery store={store} unit={rb.value.unitKey} retry={retry} />);
  const items = await screen.findAllByRole('listitem');
  expect(items[0]).toHaveTextContent('乙局');
  await userEvent.click(within(items[0]!).getByRole('button', { name: /从工作台移除/ }));
  const listing = await store.list();
  expect(listing.ok && listing.value.versions.map((v) => v.agency)).toEqual(['甲局']);
  expect(retry).toHaveBeenCalled();
});
