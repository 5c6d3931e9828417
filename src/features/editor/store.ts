/**
 * The editor's one copy of the document and what is derived from it: the findings of the core's
 * rules, the marks of each cell or field, the state of each section. Plain TypeScript; React
 * reads it through useSyncExternalStore with narrow selectors, so a keystroke re-renders only
 * what shows a changed mark (never the grid's rows).
 *
 * Two channels. The document changes at once (`subscribe`). What is derived from it is
 * published (`subscribeDerived`): at once after a deliberate act (定稿, an explanation, a
 * comment resolved), and after typing only when the clerk pauses (FINDINGS_IDLE_MS, at most
 * FINDINGS_MAX_WAIT_MS), so that a keystroke costs the rules and the findings panel nothing
 * (on a slow office PC that is the difference between typing into a spreadsheet and waiting).
 * A published snapshot is reused object for object where nothing changed, so selectors can
 * compare by reference.
 */
import {
  CELL_BY_ID,
  ENTERED_CELLS,
  currentTarget,
  evaluate,
  isCommentTarget,
  getCell,
  message,
  setCell,
  summarise,
  blockers,
  clerkFindings,
  type Finding,
  type FindingSummary,
  type NarrativePart,
  type NarrativeSectionId,
  type Report,
  type ReportMeta,
  type Review,
  type ReviewComment,
  type Severity,
} from '../../report/index.ts';
import { IdleTimer } from '../../ui/idleTimer.ts';
import { EDITOR_SECTIONS, sectionOfPath, type EditorSection } from './gridModel.ts';
import type { ParseFailureReason } from './parse.ts';

/** Text in a field that is not a value (a negative count, "abc"): shown inline, blocks 定稿. */
export interface InvalidInput {
  readonly reason: ParseFailureReason;
  readonly text: string;
}

/** What stands in the way of 定稿 (readinessBlockers): errors and unexplained warnings (the core's `blockers`), and text that is not a value. */
export interface Blockers {
  readonly findings: readonly Finding[];
  readonly invalid: readonly (readonly [string, InvalidInput])[];
}

export interface FieldMark {
  readonly key: string;
  readonly severity: Severity;
  readonly explained: boolean;
}

/** A review comment and where it shows in the editor now. */
export interface PlacedComment {
  readonly comment: ReviewComment;
  /** Its position in `review.comments`: a React key and DOM id that a file's ids cannot break. */
  readonly index: number;
  /** Where it points now ('' = the whole report: also a part that is gone, or an unknown target). */
  readonly target: string;
  /** The field that shows it: a cell id, `meta.<field>`, `narrative.preamble`, `narrative.<s>.<i>.text`; '' for the whole report. */
  readonly path: string;
  readonly section: EditorSection | null;
}

/** The review's comments as the editor shows them; one object until a comment or its place changes. */
export interface ReviewPlacement {
  readonly review: Review;
  /** All comments, open first, each group in the order they were made. */
  readonly comments: readonly PlacedComment[];
  /** Open comments by the path of the field that shows them. */
  readonly openAt: ReadonlyMap<string, readonly PlacedComment[]>;
  /** Open comments on the whole report. */
  readonly openWhole: readonly PlacedComment[];
  readonly openBySection: Readonly<Record<EditorSection, number>>;
  readonly openCount: number;
}

/** What a cell or field shows besides its value. */
export interface FieldStatus {
  readonly marks: readonly FieldMark[];
  /** The most severe unexplained mark; explained warnings do not count. */
  readonly worst: Severity | null;
  readonly invalid?: InvalidInput;
  /** Open review comments on this cell or field. */
  readonly comments?: readonly PlacedComment[];
}

export type SectionState = 'notStarted' | 'inProgress' | 'complete' | 'errors' | 'warnings';

const NO_STATUS: FieldStatus = Object.freeze({ marks: Object.freeze([]) as readonly FieldMark[], worst: null });
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

interface Derived {
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly status: ReadonlyMap<string, FieldStatus>;
  readonly sections: Readonly<Record<EditorSection, SectionState>>;
  readonly review: ReviewPlacement;
  readonly invalid: readonly (readonly [string, InvalidInput])[];
  /** Whether blanks counted as errors for these findings. */
  readonly strict: boolean;
}

function findingSignature(f: Finding): string {
  return [f.key, f.severity, f.message.zh, f.message.en, f.explained ? 1 : 0, f.explanation ?? '', f.cells.join(',')].join('\u0001');
}

function statusSignature(s: FieldStatus): string {
  const comments = (s.comments ?? []).map((c) => `${c.index}:${c.comment.id}:${c.comment.author}:${c.comment.at}:${c.comment.text}`).join('|');
  return `${s.marks.map((m) => `${m.key}:${m.severity}:${m.explained ? 1 : 0}`).join('|')}#${s.invalid ? `${s.invalid.reason}:${s.invalid.text}` : ''}#${comments}`;
}

/** The field that shows a comment on `target` (a part's comment shows at its text). */
function commentPath(report: Report, target: string): string {
  if (!target || !isCommentTarget(report, target)) return '';
  return /^narrative\.(overview|problems|other)\.\d+$/.test(target) ? `${target}.text` : target;
}

/**
 * Where each comment shows. A part's comment follows its title (currentTarget), so typing a
 * title may move it; anything else in the document leaves the placement as it was.
 */
function placeComments(report: Report, previous: ReviewPlacement | undefined): ReviewPlacement {
  const review = report.review;
  const placed = review.comments.map((comment, index): PlacedComment => {
    const target = currentTarget(report, comment);
    const path = commentPath(report, target);
    return { comment, index, target: path ? target : '', path, section: path ? (sectionOfPath(path) ?? null) : null };
  });
  if (previous && previous.review === review && previous.comments.length === placed.length) {
    const before = new Map(previous.comments.map((c) => [c.index, c.path]));
    if (placed.every((c) => before.get(c.index) === c.path)) return previous;
  }
  const time = (c: PlacedComment) => Date.parse(c.comment.at) || 0;
  const comments = [...placed].sort((a, b) => Number(a.comment.resolved) - Number(b.comment.resolved) || time(a) - time(b) || a.index - b.index);
  const openAt = new Map<string, PlacedComment[]>();
  const openWhole: PlacedComment[] = [];
  const openBySection = Object.fromEntries(EDITOR_SECTIONS.map((s) => [s, 0])) as Record<EditorSection, number>;
  let openCount = 0;
  for (const c of comments) {
    if (c.comment.resolved) continue;
    openCount++;
    if (!c.path) {
      openWhole.push(c);
      continue;
    }
    openAt.set(c.path, [...(openAt.get(c.path) ?? []), c]);
    if (c.section) openBySection[c.section]++;
  }
  const sameCounts = previous && EDITOR_SECTIONS.every((s) => previous.openBySection[s] === openBySection[s]);
  return { review, comments, openAt, openWhole, openBySection: sameCounts ? previous.openBySection : openBySection, openCount };
}

/** How much of a section is filled, before findings are taken into account. */
function fillState(report: Report, section: EditorSection): 'notStarted' | 'inProgress' | 'complete' {
  const of = (filled: number, total: number) => (filled === 0 ? 'notStarted' : filled === total ? 'complete' : 'inProgress');
  if (section === 'meta') {
    const m = report.meta;
    const filled = [m.agency.trim() !== '', m.year !== null, m.contact.trim() !== '', m.publishedOn !== null].filter(Boolean).length;
    if (filled === 0) return 'notStarted';
    return m.agency.trim() && m.year !== null && report.narrative.preamble.trim() ? 'complete' : 'inProgress';
  }
  if (section === 'overview' || section === 'problems' || section === 'other') {
    const parts = report.narrative[section];
    return of(parts.filter((p) => p.text.trim() !== '').length, parts.length);
  }
  const cells = ENTERED_CELLS.filter((c) => c.section === section);
  return of(cells.filter((c) => getCell(report, c.id) !== null).length, cells.length);
}

/** Findings follow typing once the clerk pauses this long… */
export const FINDINGS_IDLE_MS = 150;
/** …or, while typing goes on, this often. */
export const FINDINGS_MAX_WAIT_MS = 600;

export interface EditorStoreOptions {
  readonly lastYear?: Report | undefined;
}

/** A change while typing publishes its findings later; any other change at once. */
type ChangeKind = 'typing' | 'act';

export class EditorStore {
  private report: Report;
  private lastYear: Report | undefined;
  /** Blanks count as errors (as when marking ready) after a refused 定稿, until dismissed. */
  private strict = false;
  private readonly invalid = new Map<string, InvalidInput>();
  private invalidList: (readonly [string, InvalidInput])[] | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly derivedListeners = new Set<() => void>();
  /** Listeners of entered cells, by cell id (the live totals: a keystroke tells only its own). */
  private readonly cellListeners = new Map<string, Set<() => void>>();
  /** Entered cells whose value changed since the last emit. */
  private readonly changedCells = new Set<string>();
  private version = 0;
  private batchDepth = 0;
  private changedInBatch: ChangeKind | null = null;
  /** The derived data listeners see; computed for `publishedVersion`. */
  private published: Derived | undefined;
  private publishedVersion = -1;
  private readonly publishTimer = new IdleTimer(() => this.publish(), FINDINGS_IDLE_MS, FINDINGS_MAX_WAIT_MS);

  constructor(report: Report, options: EditorStoreOptions = {}) {
    this.report = report;
    this.lastYear = options.lastYear;
  }

  // --- subscription ---------------------------------------------------------------------------

  /** The document (and strictness) changed: at once, on every change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Findings, marks, section states or comment places were published anew. */
  subscribeDerived = (listener: () => void): (() => void) => {
    this.derivedListeners.add(listener);
    return () => this.derivedListeners.delete(listener);
  };

  /**
   * The value of one of these entered cells changed: told after the document's listeners, and
   * only for those cells, so that a keystroke costs the totals that do not sum it nothing.
   */
  subscribeCells = (cellIds: readonly string[], listener: () => void): (() => void) => {
    for (const id of cellIds) {
      let set = this.cellListeners.get(id);
      if (!set) this.cellListeners.set(id, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const id of cellIds) this.cellListeners.get(id)?.delete(listener);
    };
  };

  /** Runs several changes as one: listeners (and the parent's onChange) hear of them once. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.changedInBatch) {
        const kind = this.changedInBatch;
        this.changedInBatch = null;
        this.emit(kind);
      }
    }
  }

  private changed(kind: ChangeKind) {
    this.version++;
    if (this.batchDepth > 0) this.changedInBatch = this.changedInBatch === 'act' ? 'act' : kind;
    else this.emit(kind);
  }

  private emit(kind: ChangeKind) {
    for (const listener of [...this.listeners]) listener();
    if (this.changedCells.size > 0) {
      const told = new Set<() => void>();
      for (const id of this.changedCells) for (const listener of this.cellListeners.get(id) ?? []) told.add(listener);
      this.changedCells.clear();
      for (const listener of told) listener();
    }
    if (kind === 'act') this.publish();
    else this.publishTimer.touch();
  }

  /** Derives from the document as it is now and tells the derived listeners, if anything changed. */
  publish = (): void => {
    this.clearTimers();
    if (this.published && this.publishedVersion === this.version) return;
    const previous = this.published;
    const next = this.derive(previous);
    this.published = next;
    this.publishedVersion = this.version;
    if (next === previous) return;
    for (const listener of [...this.derivedListeners]) listener();
  };

  /** Whether typing has changed the document since the findings were last published. */
  hasPendingFindings = (): boolean => !!this.published && this.publishedVersion !== this.version;

  /** Stops the timers (the editor unmounts). */
  dispose() {
    this.clearTimers();
  }

  private clearTimers() {
    this.publishTimer.cancel();
  }

  // --- reading --------------------------------------------------------------------------------

  getReport = (): Report => this.report;
  getVersion = (): number => this.version;
  isStrict = (): boolean => this.strict;
  getLastYear = (): Report | undefined => this.lastYear;

  // Derived data as last published (see subscribeDerived); the first read derives it.
  private view(): Derived {
    if (!this.published) {
      this.published = this.derive(undefined);
      this.publishedVersion = this.version;
    }
    return this.published;
  }
  getFindings = (): readonly Finding[] => this.view().findings;
  getSummary = (): FindingSummary => this.view().summary;
  getSectionStates = (): Readonly<Record<EditorSection, SectionState>> => this.view().sections;
  getStatus = (path: string): FieldStatus => this.view().status.get(path) ?? NO_STATUS;
  getReviewPlacement = (): ReviewPlacement => this.view().review;
  /** Fields holding text that is not a value, in section order, as last published. */
  getInvalidInputs = (): readonly (readonly [string, InvalidInput])[] => this.view().invalid;
  /** Whether a field holds text that is not a value, now (not as last published). */
  getInvalid = (path: string): InvalidInput | undefined => this.invalid.get(path);

  private invalidInputs(): (readonly [string, InvalidInput])[] {
    if (!this.invalidList) {
      const order = (p: string) => EDITOR_SECTIONS.indexOf(sectionOfPath(p) ?? 'meta');
      this.invalidList = [...this.invalid].sort((a, b) => order(a[0]) - order(b[0]));
    }
    return this.invalidList;
  }

  /** Findings as 定稿 sees them: blanks are errors. */
  readinessFindings(): Finding[] {
    return evaluate(this.report, { lastYear: this.lastYear, blanksAreErrors: true });
  }

  /** What stands in the way of 定稿: errors, unexplained warnings, text that is not a value. */
  readinessBlockers(): Blockers {
    return { findings: blockers(this.withoutInvalid(this.readinessFindings())), invalid: [...this.invalidInputs()] };
  }

  /**
   * A field holding text that is not a value ("3件") is listed once, as that: the document holds
   * it as not filled, and the blank or required finding would name it a second time.
   */
  private withoutInvalid(findings: Finding[]): Finding[] {
    if (this.invalid.size === 0) return findings;
    const out: Finding[] = [];
    for (const f of findings) {
      const blank = f.messageKey === 'rule.count.blank' || f.rule === 'required';
      if (!blank || !f.cells.some((c) => this.invalid.has(c))) {
        out.push(f);
        continue;
      }
      const cells = f.cells.filter((c) => !this.invalid.has(c));
      if (cells.length === 0) continue;
      const params = { ...f.params, n: cells.length };
      out.push({ ...f, cells, params, message: message(f.messageKey, params) });
    }
    return out;
  }

  private derive(previous: Derived | undefined): Derived {
    // While typing, "not filled" is a state, not a finding: the required fields (agency, year,
    // preamble, sections 一 五 六) count as blanks do from the first 定稿 attempt on, and always
    // in a report marked ready. The list of drafts counts with the same function.
    let findings = this.withoutInvalid(clerkFindings(this.report, { lastYear: this.lastYear, strict: this.strict || this.report.status === 'ready' }));
    // Each finding that did not change stays the same object (its list item and description
    // do not re-render), and so does the list when none changed.
    if (previous) {
      const before = new Map(previous.findings.map((f) => [findingSignature(f), f]));
      findings = findings.map((f) => before.get(findingSignature(f)) ?? f);
      if (previous.findings.length === findings.length && previous.findings.every((f, i) => f === findings[i])) {
        findings = previous.findings as Finding[];
      }
    }

    // Marks by path, most severe first; explained warnings marked as such.
    const marks = new Map<string, FieldMark[]>();
    for (const f of findings) {
      for (const path of new Set(f.cells)) {
        const list = marks.get(path) ?? [];
        list.push({ key: f.key, severity: f.severity, explained: f.severity === 'warning' && !!f.explained });
        marks.set(path, list);
      }
    }
    const review = placeComments(this.report, previous?.review);
    const status = new Map<string, FieldStatus>();
    const paths = new Set([...marks.keys(), ...this.invalid.keys(), ...review.openAt.keys()]);
    for (const path of paths) {
      const list = (marks.get(path) ?? []).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      const unexplained = list.filter((m) => !m.explained);
      const invalid = this.invalid.get(path);
      const comments = review.openAt.get(path);
      const next: FieldStatus = {
        marks: list,
        worst: invalid ? 'error' : (unexplained[0]?.severity ?? null),
        ...(invalid ? { invalid } : {}),
        ...(comments ? { comments } : {}),
      };
      const before = previous?.status.get(path);
      status.set(path, before && statusSignature(before) === statusSignature(next) ? before : next);
    }

    // Section states: errors, then unexplained warnings, then how much is filled.
    const flagged = new Map<EditorSection, 'errors' | 'warnings'>();
    const flag = (path: string, state: 'errors' | 'warnings') => {
      const section = sectionOfPath(path);
      if (section && flagged.get(section) !== 'errors') flagged.set(section, state);
    };
    for (const f of findings) {
      if (f.severity === 'error') f.cells.forEach((p) => flag(p, 'errors'));
      else if (f.severity === 'warning' && !f.explained) f.cells.forEach((p) => flag(p, 'warnings'));
    }
    for (const path of this.invalid.keys()) flag(path, 'errors');
    const sectionEntries = EDITOR_SECTIONS.map((s) => [s, flagged.get(s) ?? fillState(this.report, s)] as const);
    const sections =
      previous && sectionEntries.every(([s, state]) => previous.sections[s] === state)
        ? previous.sections
        : (Object.fromEntries(sectionEntries) as Record<EditorSection, SectionState>);

    const summary = previous && previous.findings === findings ? previous.summary : summarise(findings);
    const invalid = this.invalidInputs();
    if (
      previous &&
      previous.findings === findings &&
      previous.sections === sections &&
      previous.review === review &&
      previous.invalid === invalid &&
      previous.strict === this.strict &&
      previous.status.size === status.size &&
      [...status].every(([path, st]) => previous.status.get(path) === st)
    ) {
      return previous;
    }
    return { findings, summary, status, sections, review, invalid, strict: this.strict };
  }

  // --- writing --------------------------------------------------------------------------------

  private setInvalid(path: string, invalid: InvalidInput | undefined): boolean {
    const before = this.invalid.get(path);
    if (!invalid) {
      if (!this.invalid.delete(path)) return false;
    } else {
      if (before && before.reason === invalid.reason && before.text === invalid.text) return false;
      this.invalid.set(path, invalid);
    }
    this.invalidList = undefined;
    return true;
  }

  /** An entered cell: its value (null when not filled or not a value) and any bad text. */
  setCellValue(cellId: string, value: number | null, invalid?: InvalidInput) {
    if (!CELL_BY_ID.has(cellId)) throw new Error(`not a cell: ${cellId}`);
    const invalidChanged = this.setInvalid(cellId, invalid);
    const valueChanged = getCell(this.report, cellId) !== value;
    if (!valueChanged && !invalidChanged) return;
    if (valueChanged) {
      this.report = setCell(this.report, cellId, value);
      this.changedCells.add(cellId);
    }
    this.changed('typing');
  }

  setMeta(meta: ReportMeta, invalid: Partial<Record<keyof ReportMeta, InvalidInput>> = {}) {
    let changed = false;
    for (const key of ['year'] as const) changed = this.setInvalid(`meta.${key}`, invalid[key]) || changed;
    const m = this.report.meta;
    if (m.agency !== meta.agency || m.agencyKind !== meta.agencyKind || m.year !== meta.year || m.contact !== meta.contact || m.publishedOn !== meta.publishedOn) {
      this.report = { ...this.report, meta: { ...meta } };
      changed = true;
    }
    if (changed) this.changed('typing');
  }

  setPreamble(text: string) {
    if (this.report.narrative.preamble === text) return;
    this.report = { ...this.report, narrative: { ...this.report.narrative, preamble: text } };
    this.changed('typing');
  }

  setParts(section: NarrativeSectionId, parts: readonly NarrativePart[]) {
    const before = this.report.narrative[section];
    if (before.length === parts.length && before.every((p, i) => p.title === parts[i]!.title && p.text === parts[i]!.text)) return;
    this.report = {
      ...this.report,
      narrative: { ...this.report.narrative, [section]: parts.map((p) => ({ title: p.title, text: p.text })) },
    };
    this.changed('typing');
  }

  /** A warning's written reason; empty text removes it. */
  setExplanation(key: string, text: string) {
    const trimmed = text.trim();
    const explanations = { ...this.report.explanations };
    if (trimmed) explanations[key] = trimmed;
    else delete explanations[key];
    if ((this.report.explanations[key] ?? '') === (explanations[key] ?? '')) return;
    this.report = { ...this.report, explanations };
    this.changed('act');
  }

  /** The review block after the clerk resolved or reopened a comment. */
  setReview(review: Review) {
    if (this.report.review === review) return;
    this.report = { ...this.report, review };
    this.changed('act');
  }

  setStatus(status: Report['status']) {
    if (this.report.status === status) return;
    this.report = { ...this.report, status };
    this.changed('act');
  }

  setStrict(strict: boolean) {
    if (this.strict === strict) return;
    this.strict = strict;
    this.changed('act');
  }

  setLastYear(lastYear: Report | undefined) {
    if (this.lastYear === lastYear) return;
    this.lastYear = lastYear;
    this.changed('act');
  }
}
