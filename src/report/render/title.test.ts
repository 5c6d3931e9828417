import { describe, expect, it } from 'vitest';
import { reportTitle } from '../format.ts';
import { TITLE_LINE_EM, agencyLines, titleLines, titleWidthEm } from './title.ts';

const TAIL_2022 = '2022年政府信息公开工作年度报告';

describe('titleLines: the title broken where the meaning allows (GB/T 9704 §7.3.1)', () => {
  it('measures a line of 2号 on the A4 text block: 156 mm holds 20 characters of 22 pt', () => {
    expect(TITLE_LINE_EM).toBe(20);
    expect(titleWidthEm('平罗县人民政府办公室')).toBe(10);
    expect(titleWidthEm(TAIL_2022)).toBeCloseTo(15.2, 5);
  });

  // Real agency names of every length. A browser (or Word) filling 20 em breaks
  // “平罗县人民政府办公室2022年政府信息公开 / 工作年度报告”; the title is set instead as below.
  const cases: [string, string, number | null, string[]][] = [
    ['a short name: one line', '某局', 2022, [`某局${TAIL_2022}`]],
    ['a name that just fits with the rest on one line (19.2 em)', '市统计局', 2023, ['市统计局2023年政府信息公开工作年度报告']],
    ['one character more does not (20.2 em)', '平罗县统计局', 2023, ['平罗县统计局', '2023年政府信息公开工作年度报告']],
    ['a 县 office (the seed)', '平罗县人民政府办公室', 2022, ['平罗县人民政府办公室', TAIL_2022]],
    ['a 汇总 of a county', '平罗县人民政府', 2022, ['平罗县人民政府', TAIL_2022]],
    ['a 市场监督管理局', '平罗县市场监督管理局', 2022, ['平罗县市场监督管理局', TAIL_2022]],
    ['a 自治区 department, one line of its own', '宁夏回族自治区人力资源和社会保障厅', 2022, ['宁夏回族自治区人力资源和社会保障厅', TAIL_2022]],
    ['a name of exactly one full line (20 characters)', '海西蒙古族藏族自治州人力资源和社会保障局', 2022, ['海西蒙古族藏族自治州人力资源和社会保障局', TAIL_2022]],
    [
      'a county office named with its 自治区 and 市: broken after the 市, lines even',
      '宁夏回族自治区石嘴山市平罗县人民政府办公室',
      2022,
      ['宁夏回族自治区石嘴山市', '平罗县人民政府办公室', TAIL_2022],
    ],
    [
      'never between 县 and 市场 (“县市 / 场监督管理局”)',
      '宁夏回族自治区石嘴山市平罗县市场监督管理局',
      2022,
      ['宁夏回族自治区石嘴山市', '平罗县市场监督管理局', TAIL_2022],
    ],
    ['a 兵团 city', '新疆生产建设兵团第八师石河子市人民政府办公室', 2023, ['新疆生产建设兵团第八师', '石河子市人民政府办公室', '2023年政府信息公开工作年度报告']],
    [
      'a long 自治县: after the 自治县, not “人民政府办公 / 室”',
      '双江拉祜族佤族布朗族傣族自治县人民政府办公室',
      2022,
      ['双江拉祜族佤族布朗族傣族自治县', '人民政府办公室', TAIL_2022],
    ],
    [
      'never after 城市 in 城市管理综合执法局',
      '内蒙古自治区呼和浩特市赛罕区城市管理综合执法局',
      2022,
      ['内蒙古自治区呼和浩特市', '赛罕区城市管理综合执法局', TAIL_2022],
    ],
    ['blanks in the name are one space', ' 平罗县人民政府\n办公室 ', 2022, ['平罗县人民政府 办公室', TAIL_2022]],
    ['no year yet', '平罗县人民政府办公室', null, ['平罗县人民政府办公室', '年政府信息公开工作年度报告']],
    ['no agency yet', '', 2022, [TAIL_2022]],
  ];

  it.each(cases)('%s', (_, agency, year, expected) => {
    const lines = titleLines(agency, year);
    expect(lines).toEqual(expected);
    // Joined, the lines are the title, to the character.
    expect(lines.join('')).toBe(reportTitle(agency.replace(/\s+/g, ' ').trim(), year));
    for (const line of lines) expect(titleWidthEm(line)).toBeLessThanOrEqual(TITLE_LINE_EM);
  });

  it('keeps “YYYY年政府信息公开工作年度报告” whole on a line of its own whenever the title breaks', () => {
    for (const [, agency, year] of cases) {
      const lines = titleLines(agency, year);
      if (lines.length > 1) expect(lines.at(-1)).toBe(`${year ?? ''}年政府信息公开工作年度报告`);
      expect(lines.some((l) => l.endsWith('年') && l !== lines.at(-1))).toBe(false);
    }
  });
});

describe('agencyLines: a name longer than a line', () => {
  it('breaks a name with no unit to break after into even lines, never a short last line', () => {
    const name = '某'.repeat(25);
    expect(agencyLines(name).map((l) => l.length)).toEqual([13, 12]);
  });

  it('never breaks inside digits or Latin letters, nor before closing punctuation', () => {
    const name = '某某某某某某某某某某某某某某某某（12345678）某某某某某某';
    for (const lines of [agencyLines(name), agencyLines(name, 12)]) {
      expect(lines.join('')).toBe(name);
      for (const line of lines) {
        expect(line).not.toMatch(/^[0-9）]/);
        expect(line).not.toMatch(/[0-9（]$/);
      }
    }
  });

  it('sets a name in the fewest lines, broken after one of its places', () => {
    const name = '新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人力资源和社会保障局';
    expect(agencyLines(name)).toEqual(['新疆维吾尔自治区伊犁哈萨克自治州', '察布查尔锡伯自治县人力资源和社会保障局']);
    // Three lines when two cannot hold it, each ending in a place or a body.
    expect(agencyLines(`${name}办公室`, 16)).toEqual(['新疆维吾尔自治区伊犁哈萨克自治州', '察布查尔锡伯自治县', '人力资源和社会保障局办公室']);
  });

  it('a shorter measure (a narrow page) breaks the seed’s name after 县', () => {
    expect(agencyLines('平罗县人民政府办公室', 8)).toEqual(['平罗县', '人民政府办公室']);
  });
});
