/** Medians and percentiles: machines are noisy, so figures are distributions, not single runs. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export interface Figure {
  /** e.g. keystroke.newReceived.dom.x4 */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly p50: number;
  readonly p95?: number;
  readonly n: number;
}

export function summarise(id: string, label: string, unit: string, samples: readonly number[]): Figure {
  return { id, label, unit, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), n: samples.length };
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
