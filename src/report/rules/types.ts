import type { Report } from '../document.ts';
import type { LocalizedText, MessageParams, RuleMessageKey } from '../messages.ts';

export type Severity = 'error' | 'warning' | 'hint';

export type RuleId =
  | 'balance'
  | 'count'
  | 'fee'
  | 'required'
  | 'statedTotal'
  | 'template'
  | 'carryover'
  | 'inForce'
  | 'narrativeCount'
  | 'yearMismatch'
  | 'citation'
  | 'deadline'
  | 'feeStatement'
  | 'sameAsLastYear'
  | 'regulations'
  | 'unpaidFeeStatement';

export interface Finding {
  /** Stable key of this finding, e.g. `balance:naturalPerson`; explanations are keyed by it. */
  readonly key: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Cell ids or document paths concerned (e.g. `narrative.overview.1.text`); the first is where to go. */
  readonly cells: readonly string[];
  readonly messageKey: RuleMessageKey;
  readonly params: MessageParams;
  readonly message: LocalizedText;
  readonly left?: number;
  readonly right?: number;
  readonly delta?: number;
  /** Warnings only: the clerk wrote why (the text is in `explanation`). */
  readonly explained?: boolean;
  readonly explanation?: string;
}

/** What a rule produces before severity, message and explanation are attached. */
export interface FindingDraft {
  readonly subject: string;
  readonly cells: readonly string[];
  readonly messageKey: RuleMessageKey;
  readonly params?: MessageParams;
  readonly left?: number;
  readonly right?: number;
  readonly delta?: number;
}

export interface RuleContext {
  /** Last year's report of the same body, for the cross-year rules. */
  readonly lastYear?: Report;
  /**
   * What a document from elsewhere states (an imported published report): totals as printed
   * (cell id → number, null when left empty) and labels of the 2019 template found in it.
   */
  readonly stated?: {
    readonly totals?: Readonly<Record<string, number | null>>;
    readonly templateMarkers?: readonly string[];
  };
  /**
   * Blank cells are errors in a finished report (the default, as `nianbao check` sees a file).
   * The editor passes false while the clerk is still typing and true when marking ready.
   */
  readonly blanksAreErrors?: boolean;
}

export interface RuleDef {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly family: 'arithmetic' | 'crossYear' | 'narrative' | 'meta';
  /** Cells and paths the rule reads (`lastYear:` for last year's report). */
  readonly reads: readonly string[];
  readonly messageKey: RuleMessageKey;
  readonly check: (report: Report, context: RuleContext) => readonly FindingDraft[];
}
