/**
 * Runs a function once `touch()` calls stop for `idleMs`, or `maxWaitMs` after the first touch
 * while they go on (a trailing debounce with a maximum wait). One timer is armed per quiet
 * period and moved on when it fires early, rather than cleared and set again on every touch:
 * the touches are keystrokes, and a clearTimeout plus a setTimeout on each, for the findings
 * and for the autosave, was a tenth of the script a keystroke runs.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private first = 0;
  private last = 0;

  constructor(
    private readonly run: () => void,
    private readonly idleMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Something happened: run `idleMs` after the last touch (at most `maxWaitMs` after the first). */
  touch(): void {
    const now = Date.now();
    this.last = now;
    if (this.timer === undefined) {
      this.first = now;
      this.timer = setTimeout(this.fire, this.idleMs);
    }
  }

  /** Whether a run is due. */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** Nothing to run any more (it ran some other way, or its owner is gone). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire = () => {
    this.timer = undefined;
    const due = Math.min(this.last + this.idleMs, this.first + this.maxWaitMs);
    const wait = due - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(this.fire, wait);
      return;
    }
    this.run();
  };
}
