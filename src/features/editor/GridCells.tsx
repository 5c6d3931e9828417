/**
 * The cells of the grids. An entered cell is an uncontrolled input registered with the form
 * (form.ts): a keystroke changes the DOM, the document follows (the form's listener), and
 * nothing here re-renders. A computed cell follows
 * only the cells it sums, and writes its number itself (see useLiveTotal). Both re-render when
 * their own marks change.
 */
import { memo, Profiler, useContext, useLayoutEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { cellName, shownValue, type ValueCell } from '../../report/index.ts';
import type { EditorStore } from './store.ts';
import { RenderProbeContext, useEditor, useFieldStatus, useGridEnv } from './context.ts';
import { InvalidMessage, markAria, markClass, MarkIcon } from './marks.tsx';
import { CellComments } from './CommentMarks.tsx';

/** An entered cell of the layout (src/report/layout.ts). */
export const CellInput = memo(function CellInput({ cell }: { cell: ValueCell }) {
  const { form } = useEditor();
  const { lang, readOnly, layout } = useGridEnv();
  const id = cell.cellId;
  const status = useFieldStatus(id);
  const kind = cell.cellKind;
  return (
    <Probe id={id}>
      <td className={`cell entered ${markClass(status)}`} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}>
        {/* Each cell is its own form: Chromium's autofill reads every field of a form (or of
            the whole page when fields have none) after each keystroke, ≈15 ms for 三's 144
            fields, and typing waits for it. A form of one field costs it nothing measurable. */}
        <form className="cell-form" onSubmit={preventSubmit}>
          <input
            type="text"
            className="cell-input"
            data-cell={id}
            aria-label={cellName(id, lang, layout)}
            {...markAria(id, status)}
            inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
            autoComplete="off"
            spellCheck={false}
            readOnly={readOnly}
            {...form.register(id)}
          />
        </form>
        <MarkIcon status={status} />
        <InvalidMessage path={id} status={status} />
        <CellComments status={status} />
      </td>
    </Probe>
  );
});

/** Enter moves down (GridFrame); a one-field form would otherwise submit itself. */
function preventSubmit(e: FormEvent) {
  e.preventDefault();
}

/**
 * A total's number, kept in step with the cells it sums without a React render: when one of
 * them changes in the store, the number is written into the element's text. A keystroke moves
 * two or three totals, and rendering and committing them through React was a third of the
 * keystroke's time on a slow PC (CPU ×4: ≈4 ms of ≈12). A render (its marks changed) writes the
 * same number from the same document, so React and this never disagree.
 */
function useLiveTotal(store: EditorStore, cell: ValueCell, element: RefObject<HTMLElement | null>): string {
  useLayoutEffect(() => {
    const show = () => {
      // The one rule of every view (layout.ts): a total of cells none of which is filled is empty.
      const text = shownValue(store.getReport(), cell);
      const node = element.current?.firstChild;
      if (node instanceof Text) {
        if (node.nodeValue !== text) node.nodeValue = text;
      } else if (element.current && element.current.textContent !== text) {
        element.current.textContent = text;
      }
    };
    show(); // the document may have changed between this render and its commit
    return store.subscribeCells(cell.sumOf ?? [], show);
  }, [store, cell, element]);
  return shownValue(store.getReport(), cell);
}

/** A computed cell of the layout: 总计, （七）总计. */
export const TotalCell = memo(function TotalCell({ cell }: { cell: ValueCell }) {
  const { store } = useEditor();
  const { lang, computedHint, layout } = useGridEnv();
  const id = cell.cellId;
  const status = useFieldStatus(id);
  const number = useRef<HTMLSpanElement>(null);
  const total = useLiveTotal(store, cell, number);
  return (
    <Probe id={id}>
      <td className={`cell computed ${markClass(status)}`} title={computedHint} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}>
        {/* A read-only field, so that it can be named, focused from a finding and described. */}
        <span
          ref={number}
          className="cell-total"
          data-cell={id}
          role="textbox"
          aria-readonly="true"
          tabIndex={-1}
          aria-label={cellName(id, lang, layout)}
          {...markAria(id, status)}
        >
          {total}
        </span>
        <MarkIcon status={status} />
        <CellComments status={status} />
      </td>
    </Probe>
  );
});

/** A grid row or cell, wrapped in a Profiler when a test asks to count renders. */
export function Probe({ id, children }: { id: string; children: ReactNode }) {
  const probe = useContext(RenderProbeContext);
  return probe ? (
    <Profiler id={id} onRender={probe}>
      {children}
    </Profiler>
  ) : (
    <>{children}</>
  );
}
