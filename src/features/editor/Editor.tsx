/**
 * The clerk's editor: the report's header and six sections, live totals, live findings that
 * point at cells, the review's comments where they point (resolve, reopen), 定稿 and reopening.
 * It owns the form state after mounting; the parent hears of every change through onChange (the
 * whole document) and stores it; the editor stores nothing.
 *
 * The way of a keystroke: input (uncontrolled, registered with the editor's form, form.ts) → the
 * form's listener (the field's path) → the store's document → the totals that sum the cell write
 * their numbers (store.subscribeCells, no render); when the clerk pauses, the findings are published and only
 * the marks whose findings changed re-render (useSyncExternalStore).
 */
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  blockers,
  clerkStatus,
  NARRATIVE_SECTION_IDS,
  REPORT_LAYOUT,
  reportTitle,
  returnReason,
  sectionDef,
  standardPreamble,
  isStandardPreamble,
  type NarrativeSectionId,
  type Report,
  type ReportLayout,
  type ValueCell,
} from '../../report/index.ts';
import { useLang } from '../../i18n/index.ts';
import { EditorContext, GridEnvContext, useDerivedSelector, useDerivedValue, useStoreSelector, useStoreValue, type EditorContextValue } from './context.ts';
import { FindingDescriptions, FindingsPanel } from './FindingsPanel.tsx';
import { LayoutGrid } from './LayoutGrid.tsx';
import { EditorForm, invalidOf, metaFromValues, parseCellText } from './form.ts';
import { focusSelectorsFor, isEditorSection, sectionOfPath, type EditorSection } from './gridModel.ts';
import type { TextHint } from './textPlace.ts';
import { useCachedT } from './cachedT.ts';
import { CommentDescriptions } from './CommentMarks.tsx';
import { SectionNav, STATE_ICON } from './SectionNav.tsx';
import { EditorStore, type Blockers } from './store.ts';
import { UndoStack } from './undo.ts';
import './editor.css';

// The grids of 二, 三 and 四 come with the editor (its chunk): every open of a draft loaded them
// anyway, at once or at the first idle moment, and a draft opened at a table waited for them
// after the editor's own code. The header, the narrative and the review's banner and panel
// (only for a report that has a review) load when first shown.
const MetaSection = lazy(() => import('./MetaSection.tsx').then((m) => ({ default: m.MetaSection })));
const NarrativeSection = lazy(() => import('./NarrativeSection.tsx').then((m) => ({ default: m.NarrativeSection })));
const ReviewBanner = lazy(() => import('./ReviewComments.tsx').then((m) => ({ default: m.ReviewBanner })));
const ReadyCheck = lazy(() => import('./ReadyCheck.tsx').then((m) => ({ default: m.ReadyCheck })));
const ReviewPanel = lazy(() => import('./ReviewComments.tsx').then((m) => ({ default: m.ReviewPanel })));

export interface EditorProps {
  /** The initial document; the editor owns the form state afterwards. */
  report: Report;
  /** Last year's report, for the cross-year rules (carryover, inForce, sameAsLastYear). */
  lastYear?: Report;
  /** The current section (from the URL). */
  section?: EditorSection;
  onSectionChange?: (section: EditorSection) => void;
  /** After every change, the whole document. */
  onChange?: (report: Report) => void;
  /** E.g. another tab holds the draft. A 'ready' report is read-only by itself until reopened. */
  readOnly?: boolean;
  /** Why it is read-only, said above the report (another tab, by default; a unit's report under review). */
  readOnlyNote?: string;
  /** Rendered in the editor's top bar (save state, export, history). */
  toolbar?: ReactNode;
  /** A field to focus when the editor opens (a draft just created: its first field). */
  focusOnOpen?: string;
  /** The tables' layout (src/report/layout.ts); the format's by default — a test passes a changed one. */
  layout?: ReportLayout;
}

/** The document follows the inputs of these cells (entered cells of the layout the grids show). */
function syncCells(store: EditorStore, form: EditorForm, ids: readonly string[], cells: ReadonlyMap<string, ValueCell> = REPORT_LAYOUT.cells) {
  store.batch(() => {
    for (const id of ids) {
      const cell = cells.get(id);
      if (!cell || cell.kind !== 'entered') continue;
      const parsed = parseCellText(cell.cellKind, form.get(id));
      store.setCellValue(id, parsed.ok ? parsed.value : null, invalidOf(parsed));
    }
  });
}

/** The document follows the form: a field of the header or the narrative changed (its path). */
function syncFromForm(store: EditorStore, form: EditorForm, name: string) {
  store.batch(() => {
    if (name.startsWith('meta')) {
      const before = store.getReport().meta;
      const { meta, invalid } = metaFromValues(form.meta());
      store.setMeta(meta, invalid);
      // A preamble the clerk has not edited follows the fields it is generated from.
      const oldText = standardPreamble(before.agency, before.year, before.contact);
      const newText = standardPreamble(meta.agency, meta.year, meta.contact);
      if (newText !== oldText && isStandardPreamble(form.get('narrative.preamble'), before.agency, before.year, before.contact)) {
        form.set('narrative.preamble', newText);
        store.setPreamble(newText);
      }
    }
    if (name === 'narrative.preamble') store.setPreamble(form.get('narrative.preamble'));
    for (const section of NARRATIVE_SECTION_IDS) {
      if (name.startsWith(`narrative.${section}`)) store.setParts(section, form.partValues(section));
    }
  });
}

const SectionBody = memo(function SectionBody({ section, readOnly, onShown }: { section: EditorSection; readOnly: boolean; onShown: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = section === 'meta' ? '' : sectionDef(section).heading[lang];
  switch (section) {
    case 'proactive':
    case 'applications':
    case 'appeals':
      return <LayoutGrid table={section} label={label} />;
    default:
      return (
        <Suspense fallback={<p className="section-loading">{t('app.loading')}</p>}>
          {section === 'meta' ? (
            <MetaSection readOnly={readOnly} />
          ) : (
            <NarrativeSection key={section} section={section} readOnly={readOnly} />
          )}
          <Shown onShown={onShown} />
        </Suspense>
      );
  }
});

/**
 * Tells the editor that a section's code has arrived and its body is in the page. A layout
 * effect: from the header to 一 (or back) the boundary suspends again while the other part's
 * code loads, and React runs layout effects again when it shows the content (a passive effect
 * that already ran would not tell of the arrival, and a finding's focus was lost).
 */
function Shown({ onShown }: { onShown: () => void }) {
  useLayoutEffect(onShown, [onShown]);
  return null;
}

function SectionHeading({ section }: { section: EditorSection }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (section === 'meta') {
    return (
      <h2 id="section-heading" tabIndex={-1}>
        {t('editor.nav.meta')}
      </h2>
    );
  }
  const heading = sectionDef(section).heading;
  return (
    <h2 id="section-heading" tabIndex={-1}>
      {heading[lang]}
      {lang === 'en' ? (
        <span className="label-zh" lang="zh-CN">
          {heading.zh}
        </span>
      ) : null}
    </h2>
  );
}

function TopBar({
  toolbar,
  readOnlyByParent,
  onMarkReady,
  onReopen,
}: {
  toolbar: ReactNode;
  readOnlyByParent: boolean;
  onMarkReady: () => void;
  onReopen: () => void;
}) {
  const t = useCachedT();
  const title = useStoreValue((s) => {
    const m = s.getReport().meta;
    return m.agency || m.year !== null ? reportTitle(m.agency, m.year) : '';
  });
  // 已退回 while a returned report is open for changes: as 我的年报 says it (clerkStatus).
  const status = useStoreValue((s) => clerkStatus(s.getReport().status, s.getReport().review.status));
  const summary = useDerivedValue((s) => s.getSummary());
  const invalidCount = useDerivedValue((s) => s.getInvalidInputs().length);
  return (
    <div className="editor-topbar">
      <div className="editor-title">
        <h1 lang="zh-CN">{title || t('editor.untitled')}</h1>
        <span className={`status-badge status-${status}`}>
          <span aria-hidden="true">{status === 'ready' ? '✓ ' : status === 'returned' ? '↩ ' : '✎ '}</span>
          {t(`editor.status.${status}`)}
        </span>
      </div>
      <p className="editor-summary" aria-live="polite">
        <span>
          <span aria-hidden="true">{STATE_ICON.errors} </span>
          {t('editor.summary.errors', { n: summary.errors + invalidCount })}
        </span>
        <span>
          <span aria-hidden="true">{STATE_ICON.warnings} </span>
          {t('editor.summary.warnings', { n: summary.unexplainedWarnings })}
        </span>
        <span>
          <span aria-hidden="true">i </span>
          {t('editor.summary.hints', { n: summary.hints })}
        </span>
      </p>
      <div className="editor-toolbar">{toolbar}</div>
      <div className="editor-ready">
        {status === 'ready' ? (
          <button type="button" onClick={onReopen} disabled={readOnlyByParent}>
            {t('editor.ready.reopen')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={onMarkReady} disabled={readOnlyByParent}>
            {t('editor.ready.markReady')}
          </button>
        )}
      </div>
    </div>
  );
}

export function Editor(props: EditorProps) {
  const { report: initialReport, lastYear, onChange, onSectionChange, toolbar } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const layout = props.layout ?? REPORT_LAYOUT;
  const [store] = useState(() => new EditorStore(initialReport, { lastYear }));
  const [undo] = useState(() => new UndoStack());
  // The document follows the form: a cell its own input, the header and the narrative theirs.
  // (The layout is the first render's, as are the fields the form holds.)
  const [form] = useState(() => {
    const cells = layout.cells;
    const form: EditorForm = new EditorForm(initialReport, layout, (path) =>
      cells.has(path) ? syncCells(store, form, [path], cells) : syncFromForm(store, form, path),
    );
    return form;
  });

  // --- the section shown, from the URL or our own state --------------------------------------
  const [section, setSection] = useState<EditorSection>(isEditorSection(props.section) ? props.section : 'meta');
  const [sectionProp, setSectionProp] = useState(props.section);
  if (props.section !== sectionProp) {
    setSectionProp(props.section);
    if (isEditorSection(props.section)) setSection(props.section);
  }
  // Focused once the section's fields are there (focusPending, below).
  const pendingFocus = useRef<string | null>(props.focusOnOpen ?? null);
  /** Where in the focused text to put the caret (a finding's number), with the pending focus. */
  const caretHint = useRef<TextHint | undefined>(undefined);
  const main = useRef<HTMLDivElement>(null);
  const onSectionChangeRef = useRef(onSectionChange);
  const onChangeRef = useRef(onChange);
  const currentSection = useRef(section);
  useLayoutEffect(() => {
    onSectionChangeRef.current = onSectionChange;
    onChangeRef.current = onChange;
    currentSection.current = section;
  });

  const focusPath = useCallback((path: string) => {
    const el = focusSelectorsFor(path)
      .map((selector) => main.current?.querySelector<HTMLElement>(selector))
      .find(Boolean);
    if (!el) return false;
    el.focus();
    const hint = caretHint.current;
    caretHint.current = undefined;
    if (hint && (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) {
      // The finding's words in the text (loaded on such a click, not with the editor).
      void import('./textPlace.ts').then(({ hintRange }) => {
        const range = document.activeElement === el ? hintRange(el.value, hint) : null;
        if (range) el.setSelectionRange(range[0], range[1]);
      });
    }
    return true;
  }, []);

  const focusHeading = useCallback(() => main.current?.querySelector<HTMLElement>('#section-heading')?.focus(), []);

  const showSection = useCallback(
    (next: EditorSection, focus: string) => {
      if (next === currentSection.current) {
        // Nothing to render first: focus now (a pending focus would fire on a later change).
        if (focus === '#section-heading' || !focusPath(focus)) focusHeading();
        return;
      }
      pendingFocus.current = focus;
      setSection(next);
      onSectionChangeRef.current?.(next);
    },
    [focusHeading, focusPath],
  );

  const context = useMemo<EditorContextValue>(
    () => ({
      form,
      store,
      undo,
      goTo: (path, hint) => {
        caretHint.current = hint;
        showSection(sectionOfPath(path) ?? currentSection.current, path);
      },
      goToSection: (next) => showSection(next, '#section-heading'),
      syncCells: (ids) => syncCells(store, form, ids, layout.cells),
      syncParts: (narrativeSection: NarrativeSectionId) => {
        syncFromForm(store, form, `narrative.${narrativeSection}`);
        store.publish(); // a part added, removed or moved is an act, not typing
      },
    }),
    [form, showSection, store, undo, layout],
  );

  // After a section change: focus what was asked for (a finding's cell) or the heading; for a
  // section whose code is still on the way, when it has arrived (SectionBody's onShown).
  const focusPending = useCallback(() => {
    const target = pendingFocus.current;
    if (!target || main.current?.querySelector('.section-loading')) return;
    pendingFocus.current = null;
    if (target === '#section-heading' || !focusPath(target)) focusHeading();
  }, [focusHeading, focusPath]);
  useEffect(() => focusPending(), [section, focusPending]);

  // --- the parent hears of every change of the document ---------------------------------------
  useEffect(() => {
    let last = store.getReport();
    return store.subscribe(() => {
      const report = store.getReport();
      if (report === last) return;
      last = report;
      onChangeRef.current?.(report);
    });
  }, [store]);

  useEffect(() => store.setLastYear(lastYear), [lastYear, store]);
  useEffect(() => () => store.dispose(), [store]);

  // --- 定稿 -----------------------------------------------------------------------------------
  const status = useStoreSelector(store, (s) => s.getReport().status);
  const strict = useStoreSelector(store, (s) => s.isStrict());
  const readOnly = !!props.readOnly || status === 'ready';
  const liveBlockers = useDerivedSelector(store, (s) => (s.isStrict() ? s.getFindings() : null));
  const liveInvalid = useDerivedSelector(store, (s) => s.getInvalidInputs());
  // A report that was reviewed (comments, or returned with a reason) shows the review's banner and panel.
  const hasReview = useDerivedSelector(store, (s) => {
    const placement = s.getReviewPlacement();
    return placement.comments.length > 0 || returnReason(placement.review) !== null;
  });
  const blockerList = useMemo<Blockers | null>(
    () =>
      liveBlockers
        ? { findings: blockers(liveBlockers), invalid: liveInvalid }
        : null,
    [liveBlockers, liveInvalid],
  );

  const markReady = () => {
    const { findings, invalid } = store.readinessBlockers();
    if (findings.length > 0 || invalid.length > 0) {
      // Blanks count from now on, so that the list and the marks show what is left to do.
      store.setStrict(true);
      requestAnimationFrame(() => document.getElementById('ready-check-heading')?.focus());
      return;
    }
    store.batch(() => {
      store.setStrict(false);
      store.setStatus('ready');
    });
  };
  const reopen = () => store.setStatus('draft');

  const gridEnv = useMemo(() => ({ lang, readOnly, computedHint: t('editor.grid.computedHint'), layout }), [lang, readOnly, t, layout]);

  return (
    <EditorContext.Provider value={context}>
      <GridEnvContext.Provider value={gridEnv}>
        <div className="editor" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <TopBar toolbar={toolbar} readOnlyByParent={!!props.readOnly} onMarkReady={markReady} onReopen={reopen} />
          <SectionNav current={section} />
          <div className="editor-main" ref={main}>
            {/* Read-only from outside comes first: where the clerk cannot reopen, 重新打开编辑 is no advice. */}
            {props.readOnly ? (
              <p className="ready-banner" role="status">
                {props.readOnlyNote ?? t('editor.readOnly')}
              </p>
            ) : status === 'ready' ? (
              <p className="ready-banner" role="status">
                {t('editor.ready.readOnly')}
              </p>
            ) : null}
            {hasReview ? (
              <Suspense fallback={null}>
                <ReviewBanner />
              </Suspense>
            ) : null}
            {strict && blockerList && status !== 'ready' ? (
              blockerList.findings.length + blockerList.invalid.length > 0 ? (
                <Suspense fallback={null}>
                  <ReadyCheck blockers={blockerList} onDismiss={() => store.setStrict(false)} />
                </Suspense>
              ) : (
                <p className="ready-ok" role="status">
                  {t('editor.ready.nowPossible')}
                </p>
              )
            ) : null}
            <section className={`editor-section section-${section}`} aria-labelledby="section-heading">
              <SectionHeading section={section} />
              <SectionBody section={section} readOnly={readOnly} onShown={focusPending} />
            </section>
          </div>
          <aside className="editor-aside">
            {hasReview ? (
              <Suspense fallback={null}>
                <ReviewPanel lock={props.readOnly ? 'readOnly' : status === 'ready' ? 'ready' : null} />
              </Suspense>
            ) : null}
            <FindingsPanel readOnly={readOnly} />
          </aside>
          <FindingDescriptions />
          <CommentDescriptions />
        </div>
      </GridEnvContext.Provider>
    </EditorContext.Provider>
  );
}
