import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decode } from '../decode.ts';
import { evaluate } from '../rules/index.ts';
import { importPublishedText } from './publishedText.ts';

const seedText = readFileSync('tests/fixtures/pingluo-2022-zhengfuban.txt', 'utf8');
const seedJson = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));

describe('importPublishedText on the Pingluo 2022 report', () => {
  const imported = importPublishedText(seedText);

  test('reads the same document as the one typed in by hand', () => {
    const expected = { ...seedJson, status: 'draft' };
    expect(imported.report).toEqual(expected);
  });

  test('the result is a valid document with no error and no note', () => {
    expect(decode(imported.report).ok).toBe(true);
    expect(imported.notes).toEqual([]);
    expect(evaluate(imported.report, { stated: imported.stated }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('keeps the printed totals as stated totals', () => {
    expect(imported.stated.totals?.['applications.newReceived.total']).toBe(24);
    expect(imported.stated.totals?.['applications.resultsTotal.naturalPerson']).toBe(24);
    expect(imported.stated.totals?.['appeals.review.total']).toBe(0);
    expect(imported.stated.templateMarkers).toEqual([]);
  });
});

describe('importPublishedText on variations clerks meet', () => {
  test('a wrong printed total is a statedTotal error', () => {
    const text = seedText.replace('一、本年新收政府信息公开申请数量\t\t24\t0\t0\t0\t0\t0\t24', '一、本年新收政府信息公开申请数量\t\t24\t0\t0\t0\t0\t0\t25');
    const { report, stated } = importPublishedText(text);
    const finding = evaluate(report, { stated }).find((f) => f.rule === 'statedTotal');
    expect(finding).toMatchObject({ severity: 'error', left: 25, right: 24, delta: 1 });
    expect(finding?.cells[0]).toBe('applications.newReceived.total');
  });

  test('blank and "/" cells stay not filled and are reported, never taken for 0', () => {
    const text = seedText
      .replace('二、上年结转政府信息公开申请数量\t\t0\t0', '二、上年结转政府信息公开申请数量\t\t/\t0')
      .replace('行政许可\t0', '行政许可\t—');
    const { report, notes } = importPublishedText(text);
    expect(report.applications.carriedOver.naturalPerson).toBeNull();
    expect(report.proactive.licensing).toBeNull();
    expect(notes).toEqual(
      expect.arrayContaining([
        { path: 'applications.carriedOver.naturalPerson', kind: 'slash', found: '/' },
        { path: 'proactive.licensing', kind: 'slash', found: '—' },
      ]),
    );
  });

  test('half-width brackets and spaces inside labels still match', () => {
    const text = seedText.replace('5.属于三类内部事务信息\t0', '5. 属于三类内部 事务信息\t7');
    const { report } = importPublishedText(text);
    expect(report.applications.withheld.internalAffairs.naturalPerson).toBe(7);
  });

  test('labels of the 2019 template are named and make a template error', () => {
    const text = seedText.replace('第二十条第（八）项', '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t0\t0\n第二十条第（八）项');
    const { report, stated } = importPublishedText(text);
    expect(stated.templateMarkers).toEqual(expect.arrayContaining(['政府集中采购', '采购项目数量']));
    expect(evaluate(report, { stated }).find((f) => f.rule === 'template')).toMatchObject({ severity: 'error' });
  });
});
