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
  test('re-renders nothing: the totals that sum it write their new numbers themselves', async () => {
    // The 商业企业 column is already unbalanced, so typing changes the finding's numbers but
    // not which cells it marks.
    const report = setCell(pingluo(), 'applications.newReceived.commercial', 5);
    const { commits, probe } = recorder();
    const e = await renderEditor({ report, section: 'applications', probe });
    const input = cell('applications.withheld.stateSecret.commercial');
    const rowTotal = cell('applications.withheld.stateSecret.total');
    const columnTotal = cell('applications.resultsTotal.commercial');
    const grandTotal = cell('applications.resultsTotal.total');
    const untouched = cell('applications.granted.total');
    const before = { row: rowTotal.textContent, column: Number(columnTotal.textContent), grand: Number(grandTotal.textContent), untouched: untouched.textContent };
    await e.user.click(input);
    commits.length = 0;

    await e.user.keyboard('1');
    expect(e.latest().applications.withheld.stateSecret.commercial).toBe(1);
    expect(before.row).toBe('0');
    expect(rowTotal).toHaveTextContent(/^1$/);
    expect(columnTotal).toHaveTextContent(new RegExp(`^${before.column + 1}$`));
    expect(grandTotal).toHaveTextContent(/^25$/);
    expect(untouched.textContent).toBe(before.untouched);
    expect(commits).toEqual([]);

    await e.user.keyboard('2');
    expect(e.latest().applications.withheld.stateSecret.commercial).toBe(12);
    expect(rowTotal).toHaveTextContent(/^12$/);
    expect(columnTotal).toHaveTextContent(new RegExp(`^${before.column + 12}$`));
    expect(grandTotal).toHaveTextContent(/^36$/);
    expect(commits).toEqual([]);

    // Text that is not a count adds nothing, as the store reads it.
    await e.user.keyboard('x');
    expect(rowTotal).toHaveTextContent(/^0$/);
    expect(grandTotal).toHaveTextContent(new RegExp(`^${before.grand}$`));
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
        // newly marked (the typed cell's row and its total do not commit: the totals write their numbers)
        'resultsTotal',
        'applications.resultsTotal.research',
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
