// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  APPLICATIONS_COLUMN_IDS,
  APPLICATIONS_ROWS,
  CELLS,
  CELL_BY_ID,
  COMPUTED_CELLS,
  ENTERED_APPLICATIONS_ROWS,
  ENTERED_CELLS,
  PROACTIVE_TABLES,
  RESULT_ROWS,
  SECTIONS,
  cellLabel,
  chineseNumeral,
  partNumber,
  reportTitle,
  standardPreamble,
  isStandardPreamble,
} from './format.ts';
import { decode } from './decode.ts';
import { emptyReport, getPath } from './document.ts';

/** Every leaf of a stored table section, as dotted paths. */
function leaves(node: unknown, prefix: string): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

describe('section 三 (applications)', () => {
  test('24 entered rows and one computed, in the order of the format', () => {
    expect(APPLICATIONS_ROWS.map((r) => r.id)).toEqual([
      'newReceived',
      'carriedOver',
      'granted',
      'partiallyGranted',
      'withheld.stateSecret',
      'withheld.lawProhibited',
      'withheld.securityStability',
      'withheld.thirdPartyRights',
      'withheld.internalAffairs',
      'withheld.processInformation',
      'withheld.enforcementFiles',
      'withheld.administrativeQuery',
      'unavailable.notHeld',
      'unavailable.needsCreation',
      'unavailable.unclear',
      'notProcessed.complaint',
      'notProcessed.repeated',
      'notProcessed.publication',
      'notProcessed.excessive',
      'notProcessed.confirmation',
      'otherHandling.noCorrection',
      'otherHandling.unpaidFee',
      'otherHandling.other',
      'resultsTotal',
      'carriedForward',
    ]);
    expect(ENTERED_APPLICATIONS_ROWS).toHaveLength(24);
    expect(APPLICATIONS_ROWS.filter((r) => r.computed).map((r) => r.id)).toEqual(['resultsTotal']);
    expect(RESULT_ROWS).toHaveLength(21);
  });

  test('seven columns: six kinds of applicant and the computed 总计', () => {
    expect(APPLICATIONS_COLUMN_IDS).toEqual(['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg', 'total']);
    expect(APPLICANT_COLUMNS.map((c) => c.label.zh)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  test('the balance roles: incoming, results, outgoing', () => {
    const roles = Object.fromEntries(APPLICATIONS_ROWS.map((r) => [r.id, r.role]));
    expect(roles.newReceived).toBe('incoming');
    expect(roles.carriedOver).toBe('incoming');
    expect(roles.resultsTotal).toBe('resultsTotal');
    expect(roles.carriedForward).toBe('outgoing');
  });

  test('labels are the official wording with full-width punctuation', () => {
    const label = (id: string) => APPLICATIONS_ROWS.find((r) => r.id === id)!.label.zh;
    expect(label('partiallyGranted')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(label('withheld.securityStability')).toBe('3.危及“三安全一稳定”');
    expect(label('resultsTotal')).toBe('（七）总计');
  });
});

describe('section 四 (appeals)', () => {
  test('one row of 15 cells: three kinds × (four outcomes + 总计)', () => {
    const cells = CELLS.filter((c) => c.section === 'appeals');
    expect(cells).toHaveLength(15);
    expect(cells.filter((c) => c.computed).map((c) => c.id)).toEqual([
      'appeals.review.total',
      'appeals.litigationDirect.total',
      'appeals.litigationAfterReview.total',
    ]);
    expect(APPEAL_KINDS).toHaveLength(3);
    expect(APPEAL_OUTCOMES.map((o) => o.label.zh)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
  });
});

describe('section 二 (proactive)', () => {
  test('four tables; ten entered cells, the fee an amount', () => {
    expect(PROACTIVE_TABLES.map((t) => t.caption.zh)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    const cells = CELLS.filter((c) => c.section === 'proactive');
    expect(cells).toHaveLength(10);
    expect(cells.every((c) => !c.computed)).toBe(true);
    expect(cells.filter((c) => c.kind === 'amount').map((c) => c.id)).toEqual(['proactive.fees']);
  });
});

describe('cells', () => {
  test.each([
    ['applications.newReceived.naturalPerson', false],
    ['applications.withheld.stateSecret.total', true],
    ['applications.resultsTotal.total', true],
    ['applications.resultsTotal.commercial', true],
    ['proactive.normativeDocuments.inForce', false],
    ['appeals.review.total', true],
    ['appeals.litigationAfterReview.pending', false],
  ])('%s exists (computed: %s)', (id, computed) => {
    expect(CELL_BY_ID.get(id)?.computed).toBe(computed);
  });

  test('200 cells, ids unique, entered and computed partition them', () => {
    expect(CELLS).toHaveLength(10 + 25 * 7 + 15);
    expect(new Set(CELLS.map((c) => c.id)).size).toBe(CELLS.length);
    expect(ENTERED_CELLS.length + COMPUTED_CELLS.length).toBe(CELLS.length);
  });

  test('computed cells are never stored: the document has exactly the entered cells', () => {
    const doc = emptyReport();
    const stored = ['proactive', 'applications', 'appeals'].flatMap((s) => leaves(getPath(doc, s), s));
    expect(stored.sort()).toEqual(ENTERED_CELLS.map((c) => c.id).sort());
    for (const cell of COMPUTED_CELLS) expect(getPath(doc, cell.id), cell.id).toBeUndefined();
  });

  test('a computed cell written into a file is refused by name', () => {
    const doc = JSON.parse(JSON.stringify(emptyReport())) as { applications: { newReceived: Record<string, unknown> } };
    doc.applications.newReceived.total = 0;
    expect(decode(doc)).toMatchObject({ ok: false, problems: [{ path: 'applications.newReceived.total', code: 'decode.unknownKey' }] });
  });

  test('every computed cell sums entered cells only', () => {
    for (const cell of COMPUTED_CELLS) {
      expect(cell.sumOf!.length, cell.id).toBeGreaterThan(0);
      for (const part of cell.sumOf!) expect(CELL_BY_ID.get(part)?.computed, `${cell.id} ← ${part}`).toBe(false);
    }
    expect(CELL_BY_ID.get('applications.resultsTotal.total')!.sumOf).toHaveLength(21 * 6);
    expect(CELL_BY_ID.get('applications.resultsTotal.naturalPerson')!.sumOf).toHaveLength(21);
  });

  test('cellLabel names row and column in both languages', () => {
    expect(cellLabel('applications.newReceived.naturalPerson')).toBe('一、本年新收政府信息公开申请数量 自然人');
    expect(cellLabel('appeals.review.total', 'en')).toBe('Administrative reconsideration — Total');
    expect(cellLabel('no.such.cell')).toBe('no.such.cell');
  });
});

describe('sections and text helpers', () => {
  test('six sections 一 to 六 with the official headings', () => {
    expect(SECTIONS.map((s) => s.heading.zh)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  test.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('chineseNumeral(%i) = %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));

  test('parts are numbered （一）（二）…', () => {
    expect([0, 1, 4].map(partNumber)).toEqual(['（一）', '（二）', '（五）']);
  });

  test('title and standard preamble', () => {
    expect(reportTitle('平罗县人民政府办公室', 2022)).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    const preamble = standardPreamble('某县民政局', 2023, '0952-1234567');
    expect(preamble).toContain('国办公开办函〔2021〕30号');
    expect(preamble).toContain('本报告统计数据从2023年1月1日至2023年12月31日');
    expect(preamble).toContain('0952-1234567');
  });

  test.each<[string, string, string | null]>([
    ['a telephone only: no site is asserted', '0952-1234567', null],
    ['no contact at all', '', null],
    ['a site in the contact: named as given', '电话：0952-1234567，网址：www.pingluo.gov.cn', '本报告电子版可在www.pingluo.gov.cn下载'],
    ['a full address with its scheme', '门户网站 https://mzj.example.gov.cn/xxgk/ ，电话0952-1234567', '本报告电子版可在https://mzj.example.gov.cn/xxgk/下载'],
  ])('the preamble names a website only when the clerk gives one (issue 16.12): %s', (_, contact, sentence) => {
    const preamble = standardPreamble('某县民政局', 2023, contact);
    expect(preamble).not.toContain('门户网站下载');
    if (sentence === null) expect(preamble).not.toContain('电子版');
    else expect(preamble).toContain(sentence);
  });

  test('a preamble generated with the earlier wording (门户网站 always named) is still recognised as untouched', () => {
    const before = '根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）要求，现发布《某县民政局2023年政府信息公开工作年度报告》，本报告统计数据从2023年1月1日至2023年12月31日。本报告电子版可在某县民政局门户网站下载。如对本报告有疑问，请联系：0952-1234567。';
    expect(isStandardPreamble(before, '某县民政局', 2023, '0952-1234567')).toBe(true);
    expect(isStandardPreamble(standardPreamble('某县民政局', 2023, '0952-1234567'), '某县民政局', 2023, '0952-1234567')).toBe(true);
    expect(isStandardPreamble(`${before}特此报告。`, '某县民政局', 2023, '0952-1234567')).toBe(false);
    expect(isStandardPreamble(before, '某县民政局', 2024, '0952-1234567')).toBe(false);
  });
});
