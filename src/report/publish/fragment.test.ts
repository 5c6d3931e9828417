// @vitest-environment jsdom
/** 复制网页版: inline styles only, every cell bordered, the layout's merges, and the text twin. */
import { describe, expect, test } from 'vitest';
import { REPORT_LAYOUT, shownValue } from '../layout.ts';
import { decodeText, type Report } from '../index.ts';
import { renderReportFragment } from './fragment.ts';
import fixtureText from '../../../tests/fixtures/pingluo-2022.json?raw';

function seed(): Report {
  const decoded = decodeText(fixtureText);
  if (!decoded.ok) throw new Error('the seed fixture does not decode');
  return decoded.report;
}
const SEED = seed();

describe('the web fragment of the seed', () => {
  const { html, text } = renderReportFragment(SEED);
  const root = new DOMParser().parseFromString(html, 'text/html').body;

  test('one element, inline styles only: no <style>, <script>, class, id or URL', () => {
    expect(root.children).toHaveLength(1);
    expect(html).not.toMatch(/<style|<script|<link|\sclass=|\sid=|https?:|url\(/i);
    expect(root.querySelectorAll('[style]').length).toBeGreaterThan(100);
  });

  test('three tables, every cell bordered, merges as the layout has them', () => {
    const tables = Array.from(root.querySelectorAll('table'));
    expect(tables).toHaveLength(3);
    [REPORT_LAYOUT.proactive, REPORT_LAYOUT.applications, REPORT_LAYOUT.appeals].forEach((layout, i) => {
      const cells = Array.from(tables[i]!.querySelectorAll<HTMLTableCellElement>('th, td'));
      const expected = [...layout.head, ...layout.bodies.flatMap((b) => b.rows)].flatMap((row) => row.cells);
      expect(cells.map((c) => [c.textContent, c.rowSpan, c.colSpan])).toEqual(
        expected.map((c) => [c.kind === 'label' ? c.label.zh : shownValue(SEED, c), c.rowSpan, c.colSpan]),
      );
      for (const cell of cells) expect(cell.style.border).toMatch(/^1px solid (#000|rgb\(0, 0, 0\))$/);
      // Header rows in <thead>: an editor that keeps them repeats them on a printed page.
      expect(tables[i]!.querySelectorAll('thead tr')).toHaveLength(layout.head.length);
    });
  });

  test('title, headings and paragraphs in the report’s order', () => {
    expect(root.querySelector('h1')!.textContent).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    // The title's lines as title.ts broke them: a website's editor keeps a <br>.
    expect(root.querySelector('h1')!.innerHTML).toBe('平罗县人民政府办公室<br>2022年政府信息公开工作年度报告');
    expect(Array.from(root.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(root.querySelector('h3')!.textContent).toBe('（一）主动公开情况');
    expect((root.querySelector('p') as HTMLElement).style.textIndent).toBe('2em');
  });

  test('the text: title first, table rows as tab-separated cells, a merged cell once', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t24\t0\t0\t0\t0\t0\t24');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t3\t0\t0\t0\t0\t0\t3');
    expect(lines).toContain('\t\t1.本机关不掌握相关政府信息\t19\t0\t0\t0\t0\t0\t19'.replace('\t\t1.', '\t（四）无法提供\t1.'));
  });
});

describe('other reports', () => {
  test('user text is text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>x</script>';
    const report = structuredClone(SEED);
    report.meta.agency = `某局${hostile}`;
    report.narrative.problems = [{ title: hostile, text: hostile }];
    const { html } = renderReportFragment(report);
    const root = new DOMParser().parseFromString(html, 'text/html').body;
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.querySelector('h1')!.textContent).toContain(hostile);
  });

  test('a 汇总 says what it sums, after its title and before the preamble', () => {
    const aggregate = { units: [{ agency: '甲局', status: 'approved' as const }], missing: [], notApproved: [] };
    const { html, text } = renderReportFragment({ ...SEED, aggregate });
    const note = '（汇总说明：本报告为 1 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：甲局。）';
    expect(text.split('\n').filter(Boolean).slice(1, 3)).toEqual([note, SEED.narrative.preamble.split('\n')[0]]);
    expect(html).toContain(note);
    expect(renderReportFragment(SEED).text).not.toContain('汇总说明');
  });

  test('a draft says so first; the paper-copy block when asked for', () => {
    const { html, text } = renderReportFragment({ ...SEED, status: 'draft' }, { paperCopyBlock: true });
    expect(text.split('\n')[0]).toBe('草稿：本报告尚未定稿，仅供审核，不得印发或公开。');
    expect(html).toContain('单位负责人签字：');
    expect(text).toContain('平罗县人民政府办公室（盖章）');
  });
});
