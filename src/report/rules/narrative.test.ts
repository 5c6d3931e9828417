// @vitest-environment node
/**
 * The narrative rules on sentences as clerks write them (from published reports): what they must
 * catch, and what they must leave alone. A rule that cries wolf on ordinary text gets ignored.
 */
import { describe, expect, test } from 'vitest';
import type { Report } from '../document.ts';
import { evaluate } from './index.ts';
import { otherSectionText } from './narrative.ts';
import { normalise, sharingTexts } from './text.ts';
import { edited, seed } from '../../../tests/unit/helpers.ts';

const SEED = seed();

/** Keys of the narrative findings for the seed with one part's text replaced and cells changed. */
function findingsFor(section: 'overview' | 'problems' | 'other', index: number, text: string, change: (r: Report) => void = () => {}): string[] {
  const report = edited(SEED, (r) => {
    r.narrative[section][index]!.text = text;
    change(r);
  });
  return evaluate(report)
    .filter((f) => ['narrativeCount', 'yearMismatch', 'citation', 'feeStatement', 'unpaidFeeStatement'].includes(f.rule))
    .map((f) => `${f.rule}:${f.left ?? ''}/${f.right ?? ''}`);
}

// Seed: 24 new applications (all natural persons), 3 granted, nothing in table 四.
const review = (upheld: number, corrected = 0) => (r: Report) => {
  r.appeals.review.upheld = upheld;
  r.appeals.review.corrected = corrected;
};

describe('narrativeCount: application counts in 依申请公开情况 (24 received, 3 granted)', () => {
  test.each([
    '2022年，共收到政府信息公开申请24件，上年结转0件，已全部按时办结。',
    '全年共收到各类政府信息公开申请共计24件，其中自然人申请24件。',
    '本年度新收政府信息公开申请24件，其中予以公开3件，部分公开2件，本机关不掌握相关政府信息19件。',
    '2022年，接收政府信息公开申请24件（其中网上申请20件）。',
    '全年受理政府信息公开申请24件，较上年减少6件。',
    '收到信息公开申请24件，所有申请均在法定期限内答复。',
    '在政府信息公开申请办理方面，共受理24件。',
    '全年共有24件政府信息公开申请。',
    // Other numbers in the same part that are not the count of applications.
    '全年共有3件申请涉及第三方，均征求了第三方意见。',
    '通过网上申请12件，信函申请7件，当面申请5件。',
    '全年共受理群众来信来访12件。',
    '全年收到人大代表建议15件、政协提案20件，均已按期办结。',
    '12345热线受理群众诉求5000件。',
  ])('no finding: %s', (text) => {
    expect(findingsFor('overview', 2, text)).toEqual([]);
  });

  test.each([
    ['全年共受理25件，均为自然人申请。', ['narrativeCount:25/24']],
    ['2022年，共收到政府信息公开申请30件。', ['narrativeCount:30/24']],
    ['全年共有23件政府信息公开申请。', ['narrativeCount:23/24']],
    ['收到申请24件，其中予以公开5件。', ['narrativeCount:5/3']],
  ])('caught: %s', (text, expected) => {
    expect(findingsFor('overview', 2, text)).toEqual(expected);
  });

  test('in a part about something else, a count without 申请 is not read', () => {
    expect(findingsFor('overview', 1, '全年督办回复县长信箱留言30件、中国政府网网民留言16件。')).toEqual([]);
  });

  // Sentences without 申请, 行政复议, 诉讼 or 维持 are read only in a part whose title says 依申请.
  test.each([
    ['全年共受理25件。', 2, ['narrativeCount:25/24']],
    ['全年共受理25件。', 1, []],
    ['予以公开5件。', 2, ['narrativeCount:5/3']],
    ['予以公开5件。', 1, []],
  ] as const)('a count without 申请: %s in part %i', (text, part, expected) => {
    expect(findingsFor('overview', part, text)).toEqual(expected);
  });
});

describe('narrativeCount: appeals in 监督保障情况', () => {
  test.each([
    ['全年共发生政府信息公开行政复议案件1起，行政诉讼案件0起，复议结果均为维持。', review(1)],
    ['因政府信息公开被申请行政复议2件、被提起行政诉讼0件。', review(2)],
    ['全年未发生被行政复议纠错的情况。', review(2)],
    ['本年度没有发生因政府信息公开工作被复议纠错或诉讼败诉的情况。', review(1)],
    ['发生1起行政复议纠错案件。', review(1, 1)],
    ['未收到行政复议申请，未发生行政诉讼。', review(0)],
    ['涉及政府信息公开的行政复议和行政诉讼案件共0件。', review(0)],
    // The body as the reviewing body (a 司法局), not as the party.
    ['全年办理行政复议案件15件。', review(0)],
    ['本局作为复议机关，全年审理行政复议案件15件，其中涉及政府信息公开的0件。', review(0)],
  ] as const)('no finding: %s', (text, change) => {
    expect(findingsFor('overview', 5, text, change)).toEqual([]);
  });

  test.each([
    ['2022年，本机关未发生政府信息公开行政复议和行政诉讼。', review(1), ['narrativeCount:0/1']],
    ['全年无行政复议、行政诉讼案件。', review(1), ['narrativeCount:0/1']],
    ['全年共发生政府信息公开行政复议案件1起，复议结果均为维持。', review(0, 1), ['narrativeCount:0/1']],
    ['全年发生政府信息公开行政复议3件。', review(1), ['narrativeCount:3/1']],
  ] as const)('caught: %s', (text, change, expected) => {
    expect(findingsFor('overview', 5, text, change)).toEqual(expected);
  });

  test('均获维持 about 复议 is not contradicted by a corrected lawsuit', () => {
    const text = '全年发生政府信息公开行政复议1件，均获维持。';
    expect(findingsFor('overview', 5, text, (r) => ((r.appeals.review.upheld = 1), (r.appeals.litigationDirect.corrected = 1)))).toEqual([]);
  });

  test('均获维持 names the cells that were not upheld', () => {
    const report = edited(SEED, (r) => {
      r.narrative.overview[5]!.text = '发生政府信息公开行政复议和行政诉讼各1件，均获维持。';
      r.appeals.review.other = 1;
      r.appeals.litigationAfterReview.corrected = 1;
    });
    const finding = evaluate(report).find((f) => f.key.startsWith('narrativeCount:allUpheld'));
    expect(finding?.cells).toEqual(['narrative.overview.5.text', 'appeals.review.other', 'appeals.litigationAfterReview.corrected']);
    expect(finding).toMatchObject({ left: 0, right: 2, delta: -2 });
  });
});

describe('yearMismatch in a 2022 report', () => {
  test.each([
    ['overview', 3, '认真贯彻落实《2022年政务公开工作要点》。'],
    ['overview', 3, '按时发布2021年政府信息公开工作年度报告和2021年度政府网站工作年度报表。'],
    ['overview', 3, '截至2022年12月31日，共公开文件157件。'],
    ['problems', 0, '2023年，我办将着力抓好以下工作：认真落实2023年政务公开工作要点。'],
    ['problems', 0, '针对2021年度报告中提出的问题，我办逐项整改。'],
    ['other', 0, '2022年度，本机关扎实推进政务公开工作。'],
  ] as const)('no finding: %s %i %s', (section, index, text) => {
    expect(findingsFor(section, index, text)).toEqual([]);
  });

  test.each([
    ['overview', 0, '2021年，我办在自治区政务公开办的正确指导下稳步推进工作。', ['yearMismatch:2021/2022']],
    ['overview', 3, '认真贯彻落实《2021年政务公开工作要点》。', ['yearMismatch:2021/2022']],
    ['overview', 3, '按时发布2020年政府信息公开工作年度报告。', ['yearMismatch:2020/2022']],
    ['other', 0, '2023年政务公开工作要点已全部落实。', ['yearMismatch:2023/2022']],
    ['problems', 0, '2021年，政府办公室虽然取得一定成效，但仍存在差距。', ['yearMismatch:2021/2022']],
  ] as const)('caught: %s %i %s', (section, index, text, expected) => {
    expect(findingsFor(section, index, text)).toEqual(expected);
  });

  test('a preamble naming the 2021 report', () => {
    const report = edited(SEED, (r) => (r.narrative.preamble = r.narrative.preamble.replace('办公室2022年政府信息公开工作年度报告', '办公室2021年政府信息公开工作年度报告')));
    expect(evaluate(report).map((f) => f.key)).toEqual(['yearMismatch:narrative.preamble:2021']);
  });

  test('full-width digits and spaces are read as the year they are', () => {
    expect(findingsFor('overview', 0, '２０２１ 年，我办稳步推进工作。')).toEqual(['yearMismatch:2021/2022']);
  });
});

describe('citation: the preamble', () => {
  const preamble = (text: string) =>
    evaluate(edited(SEED, (r) => (r.narrative.preamble = text)))
      .filter((f) => f.rule === 'citation')
      .map((f) => `${f.key} ${f.params.quote ?? ''}`.trim());
  const basis = '根据《中华人民共和国政府信息公开条例》和';

  test.each([
    `${basis}国办公开办函〔2021〕30号要求编制本报告。`,
    `${basis}《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30 号）要求编制本报告。`,
    `${basis}国办公开办函〔2021〕30号及《某市政务公开工作考核办法（试行）》要求编制本报告。`,
    // Citing only the 条例 is legitimate and common: no finding, nothing blocks 定稿 (issue 14 point 5).
    `${basis}有关要求编制本报告。`,
    '根据《中华人民共和国政府信息公开条例》要求，特编制本报告。',
  ])('no finding: %s', (text) => {
    expect(preamble(text)).toEqual([]);
  });

  test.each([
    [`${basis}国办公开办函〔2019〕60号要求编制本报告。`, 'citation:superseded 国办公开办函〔2019〕60号'],
    [`${basis}《政府信息公开工作年度报告格式（试行）》编制本报告。`, 'citation:superseded 格式（试行'],
    [`${basis}国办公开办函〔202130号要求编制本报告。`, 'citation:garbled 国办公开办函〔202130号'],
    [`${basis}国办公开办函〔2021〕3号要求编制本报告。`, 'citation:garbled 国办公开办函〔2021〕3号'],
    [`${basis}国办公开办函[2021]30号要求编制本报告。`, 'citation:garbled 国办公开办函[2021]30号'],
  ])('caught: %s', (text, expected) => {
    expect(preamble(text)).toEqual([expected]);
  });
});

describe('feeStatement and unpaidFeeStatement: section 六', () => {
  test.each(['本年度未收取信息处理费。', '依据《政府信息公开信息处理费管理办法》，本机关未收取任何费用。', '本机关未收取政府信息公开处理费用。'])(
    'no finding: %s',
    (text) => {
      expect(findingsFor('other', 1, text, (r) => (r.narrative.other[1]!.title = ''))).toEqual([]);
    },
  );

  test('caught: 六 says nothing of the fee', () => {
    expect(findingsFor('other', 1, '无其他需要报告的事项。', (r) => (r.narrative.other[1]!.title = ''))).toEqual(['feeStatement:/']);
  });

  test('an application closed for an unpaid fee notice, and 六 says no notice was sent', () => {
    const unpaid = (r: Report) => {
      r.applications.otherHandling.unpaidFee.naturalPerson = 1;
      r.applications.unavailable.notHeld.naturalPerson = 18;
    };
    expect(findingsFor('other', 1, '本年度未向申请人发出收费通知，未收取信息处理费。', unpaid)).toEqual(['unpaidFeeStatement:/']);
    expect(findingsFor('other', 1, '本年度发出收费通知1件，申请人逾期未缴纳，未收取信息处理费。', unpaid)).toEqual([]);
  });
});

describe('section 六 as the fee rules read it', () => {
  /** The definition: titles and texts of the parts with text, joined by 。, then normalised. */
  const joinedThenNormalised = (r: Report) =>
    normalise(
      r.narrative.other
        .filter((p) => p.text.trim())
        .map((p) => `${p.title}。${p.text}`)
        .join('。'),
    );

  test.each([
    ['the seed', (): void => {}],
    ['full-width digits, spaces and a line break', (r: Report) => (r.narrative.other = [{ title: '信息处理费 收取情况', text: '本年度共收取信息处理费　０ 元。\r\n无。' }])],
    ['combining marks and compatibility characters at the joins', (r: Report) => (r.narrative.other = [{ title: '\u0301ﬁ', text: '\u0308e\u0301①' }, { title: '', text: '\u0301' }, { title: '㈱', text: '\u3000' }, { title: 'x', text: 'y\u0301' }])],
    ['parts without text are left out', (r: Report) => (r.narrative.other = [{ title: '信息处理费收取情况', text: '  ' }, { title: '其他', text: '无' }])],
  ])('reads as the joined text normalised: %s', (_, change) => {
    const report = edited(SEED, change);
    expect(otherSectionText(report)).toBe(joinedThenNormalised(report));
    expect(sharingTexts(() => otherSectionText(report))).toBe(joinedThenNormalised(report));
  });
});
