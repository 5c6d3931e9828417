/**
 * The cells of the grids. An entered cell is an uncontrolled input registered with the form: a
 * keystroke changes the DOM and the form, and re-renders nothing here. A computed cell watches
 * only the cells it sums. Both re-render when their own marks change.
 */
import { memo, Profiler, useContext, type FormEvent, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { CELL_BY_ID } from '../../report/index.ts';
import { RenderProbeContext, useEditor, useFieldStatus, useGridEnv } from './context.ts';
import { cellName } from './gridModel.ts';
import { InvalidMessage, markAria, markClass, MarkIcon } from './marks.tsx';
import { CellComments } from './CommentMarks.tsx';
import { parseCount } from './parse.ts';

export const CellInput = memo(function CellInput({ id }: { id: string }) {
  const { form } = useEditor();
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
            {...form.register(id as never)}
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

/** Sum of the texts of the cells a total reads; text that is not a count adds nothing. */
function sumTexts(values: readonly unknown[]): number {
  let sum = 0;
  for (const v of values) {
    const parsed = parseCount(typeof v === 'string' ? v : '');
    if (parsed.ok && parsed.value !== null) sum += parsed.value;
  }
  return sum;
}

export const TotalCell = memo(function TotalCell({ id }: { id: string }) {
  const { form } = useEditor();
  const { lang, computedHint } = useGridEnv();
  const status = useFieldStatus(id);
  const sumOf = CELL_BY_ID.get(id)?.sumOf ?? [];
  const values = useWatch({ control: form.control, name: sumOf as never[] }) as unknown[];
  const total = sumTexts(values);
  return (
    <Probe id={id}>
      <td className={`cell computed ${markClass(status)}`} title={computedHint}>
        {/* A read-only field, so that it can be named, focused from a finding and described. */}
        <span
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
