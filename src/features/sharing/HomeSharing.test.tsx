/**
 * The drafts home's sharing entry asks for the report of the year being reported, as the create
 * dialog offers it: in January, last year's (the report is due then), not the calendar year's.
 * The unit's sync is a fake standing for the server (its own tests are src/sync/unit.test.ts).
 */
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import { createMemoryDraftStore } from '../../storage/index.ts';
import type { ClerkProgress, UnitSyncState } from '../../sync/unit.ts';
import HomeSharing from './HomeSharing.tsx';

/** What the unit's database holds, by year. */
const held = new Map<number, ClerkProgress>([
  [2026, 'submitted'],
  [2027, 'notSubmitted'],
]);
const asked: (number | undefined)[] = [];
const state: UnitSyncState = { reach: { kind: 'reached', at: Date.now() }, online: true, lastSync: Date.now(), conflicts: [] };
const sync = {
  state: () => state,
  subscribe: () => () => {},
  progress: async (year?: number) => {
    asked.push(year);
    const y = year ?? Math.max(...held.keys());
    return { year: y, progress: held.get(y) ?? 'notSubmitted' };
  },
};

vi.mock('../../sync/clerk.ts', () => ({
  clerkAgent: () => Promise.resolve({ sync }),
  disconnectUnit: () => Promise.resolve(),
}));

beforeAll(() => {
  void initI18n('zh-CN');
});

afterEach(async () => {
  cleanup();
  await setLanguage('zh-CN');
  vi.useRealTimers();
  asked.length = 0;
  localStorage.clear();
});

const renderHome = () => {
  localStorage.setItem('nianbao.sharing', JSON.stringify({ url: 'http://127.0.0.1:5984', user: 'plzfb', role: 'unit' }));
  return render(
    <I18nextProvider i18n={i18next}>
      <HomeSharing store={createMemoryDraftStore({ channel: false })} />
    </I18nextProvider>,
  );
};

describe('HomeSharing: the year of "this year’s report"', () => {
  test('on 10 January 2027 it is the 2026 report (submitted), not 2027’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-10T09:00:00'));
    await setLanguage('zh-CN');
    renderHome();
    const term = await screen.findByText('2026 年度年报');
    expect(term.nextElementSibling).toHaveTextContent('已报送');
    expect(asked).toEqual(expect.arrayContaining([2026]));
    expect(asked).not.toContain(2027);
    expect(asked).not.toContain(undefined);
  });

  test('on 5 December 2026 (from November, the year’s own report is prepared) it is 2026’s too; in English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T09:00:00'));
    await setLanguage('en');
    renderHome();
    const term = await screen.findByText('Report for 2026');
    expect(term.nextElementSibling).toHaveTextContent('Submitted');
    expect(asked).not.toContain(2025);
  });

  test('on 20 January 2028 the 2027 report, not submitted yet', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2028-01-20T09:00:00'));
    await setLanguage('zh-CN');
    renderHome();
    const term = await screen.findByText('2027 年度年报');
    expect(term.nextElementSibling).toHaveTextContent('未报送');
  });
});
