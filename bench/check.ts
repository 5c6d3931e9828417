/**
 * Figure 6: `check` throughput in Node — decode + evaluate of 1,000 report documents made as
 * variations of the fixtures (numbers moved, texts changed, some faults planted).
 */
import { readFileSync } from 'node:fs';
import { decode, evaluate, type Report } from '../src/report/index.ts';
import { variationsOf } from './variations.ts';
import { summarise, type Figure } from './stats.ts';

export function variations(count: number): unknown[] {
  return variationsOf(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')) as Report, count);
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
