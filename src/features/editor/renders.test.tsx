/**
 * Speed: typing into one cell of 三 (144 inputs, 31 totals) must not re-render the other rows.
 * Every grid row and every cell is wrapped in a React Profiler (RenderProbeContext); we record
 * which of them commit while the clerk types.
 */
import type { ProfilerOnRenderCallback } from 'react';
import { describe, expect, test, vi } from 'vitest';

// jsdom renders 三's 144 inputs slowly, more so with other test files in parallel.
vi.setConfig({ testTimeout: 30_000 });
import { waitFor } from '@testing-library/react';
import { setCell } from '../../report/index.ts';
import { cell, pingluo, renderEditor } from './test-utils.tsx';

function recorder() {
  const commits: string[] = [];
  const probe: ProfilerOnRenderCallback = (id, phase) => {
    if (phase !== 'mount') commits.push(id);
  };
  return { commits, probe };
}

describe('typing into one cell', () => {
  test('re-renders only the totals that sum it: no other row, no other input, not the typed input', async () => {
    // The 商业企业 column is already unbalanced, so typing changes the finding's numbers but
    // not which cells it marks.
    const report = setCell(pingluo(), 'applications.newReceived.commercial', 5);
    const { commits, probe } = recorder();
    const e = await renderEditor({ report, section: 'applications', probe });
    const input = cell('applications.withheld.stateSecret.commercial');
    await e.user.click(input);
    commits.length = 0;

    await e.user.keyboard('1');
    expect(e.latest().applications.withheld.stateSecret.commercial).toBe(1);
    expect(document.querySelector('[data-cell="applications.resultsTotal.total"]')).toHaveTextContent('25');
    const afterOne = new Set(commits);

    commits.length = 0;
    await e.user.keyboard('2');
    expect(e.latest().applications.withheld.stateSecret.commercial).toBe(12);
    const afterTwo = new Set(commits);

    const expected = new Set([
      // The row of the typed cell commits only because its 总计 cell re-renders …
      'withheld.stateSecret',
      'applications.withheld.stateSecret.total',
      // … and （七）总计 of the column and of everything.
      'resultsTotal',
      'applications.resultsTotal.commercial',
      'applications.resultsTotal.total',
    ]);
    expect(afterOne).toEqual(expected);
    expect(afterTwo).toEqual(expected);
    expect(commits).not.toContain('applications.withheld.stateSecret.commercial');
  });

  test('a keystroke that changes which cells a finding marks re-renders exactly those cells', async () => {
    const { commits, probe } = recorder();
    const e = await renderEditor({ report: pingluo(), section: 'applications', probe });
    await e.user.click(cell('applications.granted.research'));
    commits.length = 0;
    await e.user.keyboard('1'); // 科研机构 no longer balances: its four balance cells are marked
    // (when the findings are published, after the keystroke: see FINDINGS_IDLE_MS)
    await waitFor(() => expect(cell('applications.newReceived.research')).toHaveAttribute('aria-invalid', 'true'));
    expect(new Set(commits)).toEqual(
      new Set([
        'granted',
        'applications.granted.total',
        'resultsTotal',
        'applications.resultsTotal.research',
        'applications.resultsTotal.total',
        // newly marked
        'newReceived',
        'applications.newReceived.research',
        'carriedOver',
        'applications.carriedOver.research',
        'carriedForward',
        'applications.carriedForward.research',
      ]),
    );
  });
});
