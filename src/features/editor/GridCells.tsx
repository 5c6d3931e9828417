/**
 * The cells of the grids. An entered cell is an uncontrolled input registered with the form: a
 * keystroke changes the DOM and the form, and re-renders nothing here. A computed cell follows
 * only the cells it sums, and writes its number itself (see useLiveTotal). Both re-render when
 * their own marks change.
 */
import { memo, Profiler, useContext, useLayoutEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { CELL_BY_ID, cellValue } from '../../report/index.ts';
import type { EditorStore } from './store.ts';
import { RenderProbeContext, useEditor, useFieldStatus, useGridEnv } from './context.ts';
import { cellName } from './gridModel.ts';
import { InvalidMessage, markAria, markClass, MarkIcon } from './marks.tsx';
import { CellComments } from './CommentMarks.tsx';

export const CellInput = memo(function CellInput({ id }: { id: string }) {
  const { form, syncCells } = useEditor();
  const { lang, readOnly } = useGridEnv();
  const status = useFieldStatus(id);
  const kind = CELL_BY_ID.get(id)?.kind ?? 'count';
  return (
    <Probe id={id}>
      <td className={`cell entered ${markClass(status)}`}>
        {/* Each cell is its own form: Chromium's autofill reads every field of a form (or of
            the whole page when fields have none) after each keystroke, ≈15 ms for 三's 144
            fields, and typing waits for it. A form of one field costs it nothing measurable. */}
        <form className="cell-form" onSubmit={preventSubmit}>
          <input
            type="text"
            className="cell-input"
            data-cell={id}
            aria-label={cellName(id, lang)}
            {...markAria(id, status)}
            inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
            autoComplete="off"
            spellCheck={false}
            readOnly={readOnly}
            {...form.register(id as never, { onChange: () => syncCells([id]) })}
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
function useLiveTotal(store: EditorStore, id: string, element: RefObject<HTMLElement | null>): number {
  useLayoutEffect(() => {
    const show = () => {
      const text = String(cellValue(store.getReport(), id));
      const node = element.current?.firstChild;
      if (node instanceof Text) {
        if (node.nodeValue !== text) node.nodeValue = text;
      } else if (element.current && element.current.textContent !== text) {
        element.current.textContent = text;
      }
    };
    show(); // the document may have changed between this render and its commit
    return store.subscribeCells(CELL_BY_ID.get(id)?.sumOf ?? [], show);
  }, [store, id, element]);
  return cellValue(store.getReport(), id) ?? 0;
}

export const TotalCell = memo(function TotalCell({ id }: { id: string }) {
  const { store } = useEditor();
  const { lang, computedHint } = useGridEnv();
  const status = useFieldStatus(id);
  const number = useRef<HTMLSpanElement>(null);
  const total = useLiveTotal(store, id, number);
  return (
    <Probe id={id}>
      <td className={`cell computed ${markClass(status)}`} title={computedHint}>
        {/* A read-only field, so that it can be named, focused from a finding and described. */}
        <span
          ref={number}
          className="cell-total"
          data-cell={id}
          role="textbox"
          aria-readonly="true"
          tabIndex={-1}
          aria-label={cellName(id, lang)}
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
