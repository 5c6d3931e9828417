/** The save indicator's clock (in the editor's first load; the other formats are in format.ts). */

/**
 * The clock time hh:mm:ss, as zh-CN and en-GB both write it (the save indicator). Written out
 * rather than through Intl: its first use loads locale data, some 25 ms of the editor's first
 * paint, and the indicator shows the draft's last save as soon as it opens.
 */
export function formatClockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
