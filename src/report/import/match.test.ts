/**
 * The reading rules of issue 14 point 2, one table row per variation clerks meet on real sites.
 * Each builds a small report text around the official labels (taken from format.ts) and checks
 * the cells, notes and header that come out.
 */
import { describe, expect, test } from 'vitest';
import { cellValue } from '../totals.ts';
import { evaluate } from '../rules/index.ts';
import { importPublishedText } from './publishedText.ts';
import { guessAgencyKind } from './match.ts';
import { readCell } from './values.ts';

const head = '某县民政局2023年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，现发布本报告。联系电话：0951-1234567。\n';
const docs = (regulations: string, normative: string) =>
  `二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t${regulations}\n行政规范性文件\t${normative}\n`;
const apps = (rows: string) => `三、收到和处理政府信息公开申请情况\n${rows}\n`;
const tail = '五、存在的主要问题及改进情况\n问题一。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
const report = (body: string) => importPublishedText(`${head}一、总体情况\n概述。\n${body}${tail}`);

describe('one printed cell', () => {
  test.each([
    ['24', 24],
    ['２４', 24],
    ['24件', 24],
    ['1,234', 1234],
    [' 7 ', 7],
    ['', null],
    ['/', null],
    ['／', null],
    ['—', null],
    ['-', null],
    ['无', null],
  ] as const)('%j reads as %j', (raw, value) => {
    expect(readCell(raw).value).toBe(value);
  });

  test.each(['3 0', '约5', '5件(其中2件)', '1,23', '2.5'])('%j is unreadable, never guessed', (raw) => {
    expect(readCell(raw).state).toBe('unreadable');
  });

  test('an amount in 万元 keeps its decimals', () => {
    expect(readCell('1.25万元', 'amount')).toMatchObject({ state: 'number', value: 1.25 });
  });
});

describe('rows of 二 and 三 by their labels', () => {
  test('a printed blank, "/" and "—" stay empty and are named; 0 stays 0', () => {
    const r = report(docs('/\t—\t0', '\t2\t3'));
    expect(r.report.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: 0 });
    expect(r.report.proactive.normativeDocuments).toEqual({ issued: null, repealed: 2, inForce: 3 });
    expect(r.notes).toEqual(expect.arrayContaining([
      { path: 'proactive.regulations.issued', kind: 'slash', found: '/' },
      { path: 'proactive.regulations.repealed', kind: 'slash', found: '—' },
      { path: 'proactive.normativeDocuments.issued', kind: 'blank', found: '' },
    ]));
  });

  test('a leading blank does not shift the row left; blank columns stay blank', () => {
    const r = report(apps('一、本年新收政府信息公开申请数量\t\t3\t\t\t\t\t3'));
    expect(r.report.applications.newReceived).toEqual({ naturalPerson: null, commercial: 3, research: null, publicWelfare: null, legalService: null, otherOrg: null });
    expect(r.stated.totals?.['applications.newReceived.total']).toBe(3);
  });

  test('a label spanning two columns (an empty cell after it) is layout, not a blank value', () => {
    const r = report(apps('一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5'));
    expect(r.report.applications.newReceived.naturalPerson).toBe(5);
  });

  test('"3 0" in a cell is unreadable and named, the rest of the row read', () => {
    const r = report(apps('一、本年新收政府信息公开申请数量\t3 0\t0\t0\t0\t0\t0\t30'));
    expect(r.report.applications.newReceived.naturalPerson).toBeNull();
    expect(r.report.applications.newReceived.commercial).toBe(0);
    expect(r.notes).toContainEqual({ path: 'applications.newReceived.naturalPerson', kind: 'unreadable', found: '3 0' });
  });

  test('too few figures for a row: the row is left empty and named, nothing placed by guess', () => {
    const r = report(apps('一、本年新收政府信息公开申请数量\t3\t3'));
    expect(r.report.applications.newReceived.naturalPerson).toBeNull();
    expect(r.notes).toContainEqual({ path: 'applications.newReceived', kind: 'shortRow', found: '3 | 3' });
  });

  test.each([
    ['1、属于国家秘密'],
    ['（1）属于国家秘密'],
    ['1．属于国家秘密'],
    ['1属于国家秘密'],
    ['1. 属于 国家秘密'],
  ])('numbering variant %s names its row', (label) => {
    const r = report(apps(`（三）不予公开\t${label}\t1\t0\t0\t0\t0\t0\t1`));
    expect(r.report.applications.withheld.stateSecret.naturalPerson).toBe(1);
  });

  test('quotes and brackets in any width: 3.危及"三安全一稳定", (二)部分公开(…)', () => {
    const r = report(apps('3.危及"三安全一稳定"\t2\t0\t0\t0\t0\t0\t2\n(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t4\t0\t0\t0\t0\t0\t4'));
    expect(r.report.applications.withheld.securityStability.naturalPerson).toBe(2);
    expect(r.report.applications.partiallyGranted.naturalPerson).toBe(4);
  });

  test('a label wrapped over two lines, its figures one per line below', () => {
    const r = report(apps('1.申请人无正当理由逾期不补正、行政机关不再处理其\n政府信息公开申请\n1\n0\n0\n0\n0\n0\n1'));
    expect(r.report.applications.otherHandling.noCorrection).toEqual({ naturalPerson: 1, commercial: 0, research: 0, publicWelfare: 0, legalService: 0, otherOrg: 0 });
  });

  test('a label cut short ("（二）部分公开") still names its row', () => {
    const r = report(apps('（二）部分公开\t6\t0\t0\t0\t0\t0\t6'));
    expect(r.report.applications.partiallyGranted.naturalPerson).toBe(6);
  });

  test('the 其他 column header is not the row 3.其他', () => {
    const r = report(apps('自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n3.其他\t2\t0\t0\t0\t0\t0\t2'));
    expect(r.report.applications.otherHandling.other.naturalPerson).toBe(2);
  });

  test('printed totals are compared, never written: a wrong 总计 is a statedTotal error', () => {
    const r = report(apps('一、本年新收政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t4\n（七）总计\t2\t1\t0\t0\t0\t0\t3'));
    expect(r.stated.totals).toMatchObject({ 'applications.newReceived.total': 4, 'applications.resultsTotal.naturalPerson': 2, 'applications.resultsTotal.total': 3 });
    expect(cellValue(r.report, 'applications.newReceived.total')).toBe(3);
    const finding = evaluate(r.report, { stated: r.stated }).find((f) => f.rule === 'statedTotal');
    expect(finding).toMatchObject({ left: 4, right: 3 });
  });
});

describe('the narrative split by headings in their common variants', () => {
  test('五、存在问题及改进措施 and 六、其他事项 head 五 and 六', () => {
    const r = importPublishedText(`${head}一、总体情况\n概述。\n五、存在问题及改进措施\n问题一。\n六、其他事项\n未收取信息处理费。\n`);
    expect(r.sections).toEqual(['overview', 'problems', 'other']);
    expect(r.report.narrative.problems).toEqual([{ title: '', text: '问题一。' }]);
    expect(r.report.narrative.other).toEqual([{ title: '', text: '未收取信息处理费。' }]);
  });

  test('（一）总体情况 … （六）其他需要报告的事项 (bracket style) head the sections; parts then by 1.', () => {
    const r = importPublishedText(`${head}（一）总体情况\n1.主动公开情况。全年公开信息50条。\n2.依申请公开情况。全年未收到申请。\n（五）存在的主要问题及改进情况\n问题。\n（六）其他需要报告的事项\n无。\n`);
    expect(r.sections).toEqual(['overview', 'problems', 'other']);
    expect(r.report.narrative.overview.map((p) => p.title)).toEqual(['主动公开情况', '依申请公开情况']);
  });

  test('a part title without end punctuation does not swallow the next paragraph', () => {
    const r = importPublishedText(`${head}一、总体情况\n（一）主动公开方面\n2023年，在门户网站公开信息50条。\n（二）依申请公开方面\n全年未收到申请。\n${tail}`);
    expect(r.report.narrative.overview).toEqual([
      { title: '主动公开方面', text: '2023年，在门户网站公开信息50条。' },
      { title: '依申请公开方面', text: '全年未收到申请。' },
    ]);
  });

  test('"四、结转下年度继续办理" inside 三 does not head section 四', () => {
    const r = report(apps('四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0'));
    expect(r.sections).not.toContain('appeals');
    expect(r.report.applications.carriedForward.naturalPerson).toBe(0);
  });

  test('page chrome around the article is not the report’s text', () => {
    const r = importPublishedText(`当前位置：首页 > 政务公开\n${head}发布日期：2024-01-19 来源：本站 浏览次数：12\n一、总体情况\n概述。\n${tail}【打印】【关闭】\n版权所有：某县人民政府 网站标识码：123\n`);
    expect(r.report.narrative.preamble).not.toContain('发布日期');
    expect(r.report.narrative.other.map((p) => p.text).join()).toBe('本年度未收取信息处理费。');
    expect(r.report.meta.publishedOn).toBe('2024-01-19');
  });

  test('a draft’s printout: the 草稿 marks, the title over two lines and the paper-copy block are not the report’s text', () => {
    const text = [
      '草稿：本报告尚未定稿，仅供审核，不得印发或公开。',
      '平罗县人民政府办公室2023年政府信息公开',
      '工作年度报告',
      '根据《中华人民共和国政府信息公开条例》，现发布本报告。',
      '一、总体情况',
      '概述一。',
      '草稿',
      '概述二。',
      '五、存在的主要问题及改进情况',
      '问题一。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '草稿',
      '单位负责人签字：',
      '平罗县人民政府办公室（盖章）',
      '年  月  日',
    ].join('\n');
    const r = importPublishedText(text);
    expect(r.report.meta).toMatchObject({ agency: '平罗县人民政府办公室', year: 2023 });
    expect(r.report.narrative.preamble).toBe('根据《中华人民共和国政府信息公开条例》，现发布本报告。');
    expect(r.report.narrative.overview.map((p) => p.text).join('\n')).not.toContain('草稿');
    expect(r.report.narrative.other.map((p) => p.text).join('\n')).toBe('本年度未收取信息处理费。');
  });

  test.each(['徐闻县人民政府门户网站', '中国·某某市政府网', '某某区人民政府网站'])('the site’s name over the article (%s) is not the preamble', (site) => {
    const r = importPublishedText(`${site}\n${head}一、总体情况\n概述。\n${tail}`);
    expect(r.report.narrative.preamble).not.toContain(site);
    expect(r.report.narrative.preamble).not.toBe('');
  });
});

describe('title, agency, year, date and contact in their real forms', () => {
  test.each([
    ['平罗县人民政府办公室 2022年政府信息公开工作年度报告', '平罗县人民政府办公室', 2022],
    ['2022年上海市政府信息公开工作年度报告', '上海市', 2022],
    ['某县民政局2022年度政府信息公开工作年度报告', '某县民政局', 2022],
    ['高平市人民政府办公室\n2023年政府信息公开工作年度报告', '高平市人民政府办公室', 2023],
    // A long name set over two lines above the year (render/title.ts): one name again.
    ['宁夏回族自治区石嘴山市\n平罗县市场监督管理局\n2022年政府信息公开工作年度报告', '宁夏回族自治区石嘴山市平罗县市场监督管理局', 2022],
    ['双江拉祜族佤族布朗族傣族自治县\n人民政府办公室\n2022年政府信息公开工作年度报告', '双江拉祜族佤族布朗族傣族自治县人民政府办公室', 2022],
    // Only a place's name above is the name's beginning.
    ['政务公开\n平罗县人民政府办公室\n2022年政府信息公开工作年度报告', '平罗县人民政府办公室', 2022],
    ['根据《中华人民共和国政府信息公开条例》要求，特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。', '湛江市人民政府地方志办公室', 2023],
    ['根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作年度报告。', '区统计局', 2023],
  ])('%s', (title, agency, year) => {
    const r = importPublishedText(`${title}\n一、总体情况\n概述。\n`);
    expect(r.report.meta.agency).toBe(agency === '上海市' ? '' : agency);
    expect(r.report.meta.year).toBe(year);
  });

  test('"我局" names no agency: the clerk is asked for it', () => {
    const r = importPublishedText('现将我局2022年度政府信息公开工作情况报告如下：\n一、总体情况\n概述。\n');
    expect(r.report.meta.agency).toBe('');
    expect(r.notes).toContainEqual(expect.objectContaining({ path: 'meta.agency', kind: 'missingMeta' }));
  });

  test('the contact phone from the preamble', () => {
    expect(report('').report.meta.contact).toBe('0951-1234567');
  });

  test.each([
    ['平罗县人民政府办公室', 'governmentOffice'],
    ['平罗县人民政府', 'government'],
    ['某某镇人民政府', 'township'],
    ['某某街道办事处', 'township'],
    ['某某乡', 'township'],
    ['湛江市人民政府地方志办公室', 'department'],
    ['某县民政局', 'department'],
    ['某市发展和改革委员会', 'department'],
  ] as const)('the kind of %s is guessed as %s', (agency, kind) => {
    expect(guessAgencyKind(agency)).toBe(kind);
  });
});

describe('the 2019 试行 template', () => {
  const old = `${head}一、总体情况\n概述。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t5\n规范性文件\t2\t2\t9\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t1\t300\n三、收到和处理政府信息公开申请情况\n（六）其他处理\t4\t0\t0\t0\t0\t0\t4\n${tail}`;

  test('is recognised and named; its 二 is never mapped by position', () => {
    const r = importPublishedText(old);
    expect(r.template).toBe('2019');
    expect(r.report.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(r.report.proactive.licensing).toBeNull();
    expect(r.notes).toContainEqual({ path: 'proactive', kind: 'template', found: '本年新制作数量' });
  });

  test('its one row （六）其他处理 comes across as 3.其他; the rows it lacks are named', () => {
    const r = importPublishedText(old);
    expect(r.report.applications.otherHandling.other.naturalPerson).toBe(4);
    expect(r.notes).toContainEqual({ path: 'applications.otherHandling.noCorrection', kind: 'template', found: '' });
  });
});
