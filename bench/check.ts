/**
 * Figure 6: `check` throughput in Node — decode + evaluate of 1,000 report documents made as
 * variations of the fixtures (numbers moved, texts changed, some faults planted).
 */
import { readFileSync } from 'node:fs';
import { decode, evaluate, ENTERED_CELLS, setCell, type Report } from '../src/report/index.ts';
import { summarise, type Figure } from './stats.ts';

/** A deterministic generator so that runs compare. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function variations(count: number): unknown[] {
  const seed = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')) as Report;
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

export function benchCheck(rounds = 7): Figure {
  const docs = variations(1000);
  const rates: number[] = [];
  for (let round = 0; round < rounds + 1; round++) {
    const t0 = performance.now();
    let findings = 0;
    for (const doc of docs) {
      const result = decode(doc);
      if (result.ok) findings += evaluate(result.report).length;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (round > 0) rates.push(docs.length / seconds); // round 0 warms the JIT
    if (findings === 0) throw new Error('bench documents produced no finding: the generator is broken');
  }
  return summarise('check.node', 'Node: decode + check of 1,000 reports', 'reports/s', rates);
}
