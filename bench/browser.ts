/**
 * Browser figures, measured in Debian's headless Chromium on the built app (never the dev
 * server). Timings are taken inside the page (performance.now) so that the driver's round trips
 * are not counted.
 */
import type { CDPSession, Page } from 'playwright-core';
import { summarise, type Figure } from './stats.ts';

/** From the load's start to the first cell of 三 being editable. */
export const EDITABLE_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    const input = document.querySelector('[data-cell="applications.newReceived.naturalPerson"]');
    if (input && !input.readOnly && !input.disabled) {
      window.__editableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export async function setCpuThrottling(cdp: CDPSession, rate: number) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

declare global {
  interface Window {
    __bench?: {
      arm: (totalCell: string) => void;
      result: Promise<{ dom: number; frame: number }> | null;
    };
  }
}

/**
 * Installs a capture-phase keydown stamp and a MutationObserver on a total's element: keydown →
 * the total's text changed (dom), and → the next frame after that (frame: rAF, then a task).
 */
async function installKeystrokeProbe(page: Page) {
  // A string, not a function: tsx's keepNames would wrap named functions in `__name(…)`.
  await page.evaluate(`(() => {
    let keydownAt = 0;
    document.addEventListener('keydown', (e) => (keydownAt = e.timeStamp || performance.now()), { capture: true });
    window.__bench = {
      result: null,
      arm(totalCell) {
        const target = document.querySelector('[data-cell="' + totalCell + '"]');
        if (!target) throw new Error('no element for ' + totalCell);
        const before = target.textContent;
        this.result = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (target.textContent === before) return;
            const dom = performance.now() - keydownAt;
            observer.disconnect();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - keydownAt });
              channel.port2.postMessage(null);
            });
          });
          observer.observe(target, { childList: true, characterData: true, subtree: true });
        });
      },
    };
  })()`);
}

/** Types into `input` (a digit each sample, always a new value) and measures until `total` changes. */
export async function keystrokeLatency(page: Page, input: string, total: string, samples: number, warmup = 10) {
  await installKeystrokeProbe(page);
  const cell = page.locator(`[data-cell="${input}"]`);
  await cell.click();
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    // Each sample makes a value differing from the last: 1, 2, …, 9, 1, …
    const digit = String((i % 9) + 1);
    await cell.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(5);
    await page.evaluate((t) => window.__bench!.arm(t), total);
    await page.keyboard.press(digit);
    const r = await page.evaluate(() => window.__bench!.result!);
    if (i >= warmup) {
      dom.push(r.dom);
      frame.push(r.frame);
    }
  }
  return { dom, frame };
}

export function figures(prefix: string, label: string, r: { dom: number[]; frame: number[] }): Figure[] {
  return [summarise(`${prefix}.dom`, `${label} → total in DOM`, 'ms', r.dom), summarise(`${prefix}.frame`, `${label} → next frame`, 'ms', r.frame)];
}
