/**
 * Report documents made as variations of the seed (numbers moved, texts changed, some faults
 * planted), deterministic so that runs compare. Pure: used in Node (check, sharing) and in the
 * bench's pages in the browser.
 */
import { ENTERED_CELLS, setCell, type Report } from '../src/report/index.ts';

/** A deterministic generator so that runs compare. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function variationsOf(seed: Report, count: number): unknown[] {
  const random = rng(42);
  const docs: unknown[] = [];
  for (let i = 0; i < count; i++) {
    let r = structuredClone(seed);
    r.meta.agency = `第${i}号单位`;
    for (const cell of ENTERED_CELLS) {
      if (random() < 0.3) r = setCell(r, cell.id, cell.kind === 'amount' ? Math.round(random() * 1e4) / 1e4 : Math.floor(random() * 50));
    }
    if (random() < 0.2) r.narrative.preamble = r.narrative.preamble.replace('〔2021〕30号', '〔2019〕60号');
    if (random() < 0.2) r.narrative.overview[2]!.text += `全年共受理${Math.floor(random() * 40)}件。`;
    docs.push(JSON.parse(JSON.stringify(r)));
  }
  return docs;
}
