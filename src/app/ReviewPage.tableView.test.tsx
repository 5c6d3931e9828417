/**
 * The units table keeps what the supervisor chose (filters, sort, search text, ticked rows, the
 * focus) when the workspace is mounted anew: when the server's store comes in as the sync
 * connects, and on a visit to a unit's page and back.
 *
 * The sharing feature needs a CouchDB server; here it is replaced by one that hands the page a
 * store the way SharedReview does (`children(store, shared)`: none at first, the server's once
 * connected), so that what is tested is the page's own composition (ReviewPage.tsx).
 */
import type { ReactNode } from 'react';
import { useState } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { i18next, initI18n, setLanguage } from '../i18n/index.ts';
import { createIdbReviewStore, type ReviewStore } from '../storage/review/index.ts';
import { storeWith, unitReport } from '../features/review/testUtils.tsx';
import { ReviewPage } from './ReviewPage.tsx';

vi.setConfig({ testTimeout: 60_000 });

/** Hands the page the server's store, as the connection does once it is open (undefined: closed). */
let connect: ((store: ReviewStore | undefined) => void) | undefined;

vi.mock('../features/sharing/index.ts', () => ({
  SharedReview({ children }: { children: (store: ReviewStore | undefined, shared: undefined) => ReactNode }) {
    const [store, setStore] = useState<ReviewStore | undefined>(undefined);
    connect = setStore;
    return <>{children(store, undefined)}</>;
  },
}));

// Before the connection the workspace works from the browser's review store (IndexedDB): the
// files collected there.
beforeAll(async () => {
  const browser = createIdbReviewStore();
  for (const r of reports()) {
    const got = await browser.receive({ document: r, fileName: `${r.meta.agency}.json` });
    if (!got.ok) throw new Error(`receive failed: ${got.error.kind}`);
  }
});
afterEach(() => {
  connect = undefined;
});

const reports = () => [
  unitReport('甲局', { status: 'submitted' }),
  unitReport('乙局', { status: 'submitted' }),
  unitReport('丙局', { status: 'approved' }),
  unitReport('丁镇', { status: 'submitted' }),
];

function page(unit?: string) {
  return (
    <I18nextProvider i18n={i18next}>
      <ReviewPage unit={unit} />
    </I18nextProvider>
  );
}

const shownAgencies = () =>
  within(screen.getByRole('table', { name: '各单位年报及审核情况' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('rowheader')[0]!.textContent);

async function chooseFilters(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { level: 2, name: '报送单位（4 个）' });
  await user.selectOptions(screen.getByRole('combobox', { name: '审核状态' }), '已报送');
  const agencyHeader = screen.getByRole('columnheader', { name: /机关名称/ });
  await user.click(within(agencyHeader).getByRole('button'));
  await user.click(within(agencyHeader).getByRole('button'));
  expect(agencyHeader).toHaveAttribute('aria-sort', 'descending');
  await user.type(screen.getByRole('searchbox', { name: '搜索机关名称' }), '局');
  // 已报送, name has 局, by name Z→A (pinyin: yi, jia).
  expect(shownAgencies()).toEqual(['乙局', '甲局']);
}

function expectFiltersKept() {
  expect(screen.getByRole('searchbox', { name: '搜索机关名称' })).toHaveValue('局');
  expect(screen.getByRole('combobox', { name: '审核状态' })).toHaveDisplayValue('已报送');
  expect(screen.getByRole('columnheader', { name: /机关名称/ })).toHaveAttribute('aria-sort', 'descending');
  expect(shownAgencies()).toEqual(['乙局', '甲局']);
}

test('the filters, sort and search text stay applied when the sync connects and the server store replaces the files one', async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  const user = userEvent.setup();
  render(page());
  await chooseFilters(user);
  const search = screen.getByRole('searchbox', { name: '搜索机关名称' });
  expect(search).toHaveFocus();

  // The connection opens while the supervisor is still in the search box: the server's store
  // holds what the files did and a new submission of a unit that matches.
  const serverStore = await storeWith(...reports(), unitReport('戊局', { status: 'submitted' }));
  act(() => connect!(serverStore));
  await screen.findByRole('heading', { level: 2, name: '报送单位（5 个）' });

  expect(screen.getByRole('searchbox', { name: '搜索机关名称' })).toHaveValue('局');
  expect(screen.getByRole('combobox', { name: '审核状态' })).toHaveDisplayValue('已报送');
  expect(screen.getByRole('columnheader', { name: /机关名称/ })).toHaveAttribute('aria-sort', 'descending');
  // The new unit is in, in its place (Z→A in pinyin: yi, wu, jia); the filtered-out ones stay out.
  expect(shownAgencies()).toEqual(['乙局', '戊局', '甲局']);
  expect(screen.getByText('显示 3 / 5 个，已选 0 个')).toBeInTheDocument();
  // Typing goes on where it was: the focus is back in the search box, at the end of the text.
  const searchAgain = screen.getByRole('searchbox', { name: '搜索机关名称' });
  expect(searchAgain).not.toBe(search);
  await waitFor(() => expect(searchAgain).toHaveFocus());
  await user.keyboard('{Backspace}');
  expect(searchAgain).toHaveValue('');
  expect(shownAgencies()).toEqual(['乙局', '戊局', '甲局', '丁镇']);

  // Disconnected: back to the files' store, still filtered by 已报送 and sorted.
  act(() => connect!(undefined));
  await screen.findByRole('heading', { level: 2, name: '报送单位（4 个）' });
  expect(screen.getByRole('combobox', { name: '审核状态' })).toHaveDisplayValue('已报送');
  expect(shownAgencies()).toEqual(['乙局', '甲局', '丁镇']);
});

test("a visit to a unit's page and back finds the table as it was left, the ticked rows too", async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  const user = userEvent.setup();
  const view = render(page());
  await chooseFilters(user);
  await user.click(screen.getByRole('checkbox', { name: '选择 甲局 2022' }));
  expect(screen.getByText('显示 2 / 4 个，已选 1 个')).toBeInTheDocument();

  // The unit's link is followed (the route changes the page's `unit`).
  screen.getByRole('link', { name: '甲局' }).focus();
  view.rerender(page('2022|甲局'));
  await screen.findByRole('heading', { level: 1, name: /甲局2022年政府信息公开工作年度报告/ });
  view.rerender(page());
  await screen.findByRole('heading', { level: 2, name: '报送单位（4 个）' });
  expectFiltersKept();
  expect(screen.getByRole('checkbox', { name: '选择 甲局 2022' })).toBeChecked();
  expect(screen.getByText('显示 2 / 4 个，已选 1 个')).toBeInTheDocument();
  // The keyboard user is back on the unit they opened.
  expect(screen.getByRole('link', { name: '甲局' })).toHaveFocus();
});
