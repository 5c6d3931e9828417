/**
 * All rules of the format, as data, and their evaluation to findings. Cheap enough to run on
 * every keystroke (see rules.bench in tests): no rule allocates more than a few strings.
 */
import type { Report } from '../document.ts';
import { message } from '../messages.ts';
import { balanceRule, countRule, feeRule, statedTotalRule } from './arithmetic.ts';
import { carryoverRule, inForceRule, sameAsLastYearRule } from './crossYear.ts';
import { deadlineRule, regulationsRule, requiredRule, templateRule } from './meta.ts';
import { citationRule, feeStatementRule, narrativeCountRule, unpaidFeeStatementRule, yearMismatchRule } from './narrative.ts';
import { sharingTexts } from './text.ts';
import { isExplanationLongEnough } from './explanations.ts';
import type { Finding, RuleContext, RuleDef, RuleId, Severity } from './types.ts';

export type { Finding, FindingDraft, RuleContext, RuleDef, RuleId, Severity } from './types.ts';
export { publicationDeadline } from './meta.ts';
export { MIN_EXPLANATION_LENGTH, isExplanationLongEnough } from './explanations.ts';

/** In the order of the spec's table. */
export const RULES: readonly RuleDef[] = [
  balanceRule,
  countRule,
  feeRule,
  requiredRule,
  statedTotalRule,
  templateRule,
  carryoverRule,
  inForceRule,
  narrativeCountRule,
  yearMismatchRule,
  citationRule,
  deadlineRule,
  feeStatementRule,
  sameAsLastYearRule,
  regulationsRule,
  unpaidFeeStatementRule,
];

export const RULE_BY_ID: ReadonlyMap<RuleId, RuleDef> = new Map(RULES.map((r) => [r.id, r]));

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

export function findingKey(rule: RuleId, subject: string): string {
  return `${rule}:${subject}`;
}

/** Evaluates every rule; findings sorted errors first, then warnings, then hints. */
export function evaluate(report: Report, context: RuleContext = {}): Finding[] {
  return sharingTexts(() => evaluateRules(report, context));
}

function evaluateRules(report: Report, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const draft of rule.check(report, context)) {
      const key = findingKey(rule.id, draft.subject);
      // Only an explanation that says something clears the warning (the one rule, explanations.ts).
      const written = rule.severity === 'warning' ? report.explanations[key]?.trim() : undefined;
      const explanation = written && isExplanationLongEnough(written) ? written : undefined;
      // Optional fields set one by one, in this order (no spread of a throw-away object each).
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
        key,
        rule: rule.id,
        severity: rule.severity,
        cells: draft.cells,
        messageKey: draft.messageKey,
        params: draft.params ?? {},
        message: message(draft.messageKey, draft.params),
      };
      if (draft.left !== undefined) finding.left = draft.left;
      if (draft.right !== undefined) finding.right = draft.right;
      if (draft.delta !== undefined) finding.delta = draft.delta;
      if (explanation) {
        finding.explained = true;
        finding.explanation = explanation;
      }
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  unexplainedWarnings: number;
  explainedWarnings: number;
  hints: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, unexplainedWarnings: 0, explainedWarnings: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'hint') s.hints++;
    else {
      s.warnings++;
      if (f.explained) s.explainedWarnings++;
      else s.unexplainedWarnings++;
    }
  }
  return s;
}

/** What stands in the way of marking the report ready (定稿): errors and unexplained warnings. */
export function blockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && !f.explained));
}

/**
 * The findings as the clerk is shown them, by the editor and by the list of drafts alike (the
 * one place their counts come from). `strict` (a report marked ready, or a 定稿 attempted):
 * every rule, blanks are errors. Otherwise, while the report is being filled, "not filled yet" is
 * a state, not a finding: no `required`, blanks are not errors, and an untouched 六 is not yet
 * "silent about fees".
 */
export function clerkFindings(report: Report, options: { readonly lastYear?: Report | undefined; readonly strict: boolean }): Finding[] {
  const findings = evaluate(report, { ...(options.lastYear ? { lastYear: options.lastYear } : {}), blanksAreErrors: options.strict });
  if (options.strict) return findings;
  const otherEmpty = !report.narrative.other.some((p) => p.text.trim());
  return findings.filter((f) => f.rule !== 'required' && !(f.rule === 'feeStatement' && otherEmpty));
}
