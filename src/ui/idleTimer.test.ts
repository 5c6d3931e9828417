import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IdleTimer } from './idleTimer.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Touches at the given times (ms from the start), then runs time on to `until`; the times `run` was called. */
function runs(touchesAt: readonly number[], until: number, idleMs = 100, maxWaitMs = 500): number[] {
  const start = Date.now();
  const calls: number[] = [];
  const timer = new IdleTimer(() => calls.push(Date.now() - start), idleMs, maxWaitMs);
  for (const at of touchesAt) {
    vi.advanceTimersByTime(at - (Date.now() - start));
    timer.touch();
  }
  vi.advanceTimersByTime(until - (Date.now() - start));
  return calls;
}

describe('IdleTimer', () => {
  test.each([
    { name: 'one touch: idle after it', touches: [0], until: 1000, expected: [100] },
    { name: 'touches closer than idle: idle after the last', touches: [0, 50, 90, 170], until: 1000, expected: [270] },
    { name: 'a pause longer than idle: one run per burst', touches: [0, 50, 300, 320], until: 1000, expected: [150, 420] },
    { name: 'touches that go on: every max wait', touches: [0, 80, 160, 240, 320, 400, 480, 560, 640], until: 1000, expected: [500, 740] },
    { name: 'no touch: no run', touches: [], until: 1000, expected: [] },
  ])('$name', ({ touches, until, expected }) => {
    expect(runs(touches, until)).toEqual(expected);
  });

  test('arms one timer per quiet period, however many touches', () => {
    const set = vi.spyOn(globalThis, 'setTimeout');
    const timer = new IdleTimer(() => undefined, 100, 500);
    for (let i = 0; i < 50; i++) {
      timer.touch();
      vi.advanceTimersByTime(1);
    }
    expect(set).toHaveBeenCalledTimes(1);
    set.mockRestore();
  });

  test('cancel: nothing runs; a later touch starts afresh', () => {
    const run = vi.fn();
    const timer = new IdleTimer(run, 100, 500);
    timer.touch();
    expect(timer.armed).toBe(true);
    timer.cancel();
    expect(timer.armed).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    timer.touch();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
    expect(timer.armed).toBe(false);
  });
});
