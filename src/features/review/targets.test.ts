import { describe, expect, test } from 'vitest';
import { emptyReport } from '../../report/index.ts';
import { findingTarget } from './FindingsList.tsx';
import { targetLabel } from './targets.ts';

const words = { whole: '整份报告', preamble: '导语', untitledPart: '无标题段落' };

describe('targetLabel', () => {
  test('a finding on a whole narrative part (e.g. 一 left empty) is named by its heading, not its id (issue 20.8)', () => {
    const report = emptyReport({ agency: '甲局', year: 2024, agencyKind: 'department' });
    expect(targetLabel(report, findingTarget('narrative.overview'), 'zh', words)).toBe('一、总体情况');
    expect(targetLabel(report, findingTarget('narrative.other'), 'en', words)).toBe('6. Other matters to report');
    expect(targetLabel(report, 'narrative.preamble', 'zh', words)).toBe('导语');
  });
});
