/** Helpers for the editor's component tests (not part of the app bundle). */
import { readFileSync } from 'node:fs';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProfilerOnRenderCallback } from 'react';
import { expect, vi } from 'vitest';
import { decode, emptyReport, type Report } from '../../report/index.ts';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import { RenderProbeContext } from './context.ts';
import { Editor, type EditorProps } from './Editor.tsx';
import type { EditorSection } from './gridModel.ts';

/** The seed: Pingluo 2022 as published, typed in. */
export function pingluo(): Report {
  const result = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
  if (!result.ok) throw new Error('fixture does not decode');
  return { ...result.report, status: 'draft' };
}

export function newReport(): Report {
  return emptyReport({ agency: '测试县人民政府办公室', year: 2024, agencyKind: 'governmentOffice' });
}

export interface RenderedEditor {
  user: ReturnType<typeof userEvent.setup>;
  onChange: ReturnType<typeof vi.fn<(report: Report) => void>>;
  /** The document as the parent last heard of it. */
  latest: () => Report;
  section: () => EditorSection;
  rerender: (props?: Partial<EditorProps>) => void;
}

export async function renderEditor(
  props: Partial<EditorProps> & { report?: Report; lang?: 'zh-CN' | 'en'; probe?: ProfilerOnRenderCallback } = {},
): Promise<RenderedEditor> {
  initI18n('zh-CN');
  await act(() => setLanguage(props.lang ?? 'zh-CN'));
  const report = props.report ?? newReport();
  const onChange = vi.fn<(report: Report) => void>();
  let section: EditorSection = props.section ?? 'meta';
  const { lang: _lang, probe, ...rest } = props;
  const element = (extra: Partial<EditorProps> = {}) => (
    <RenderProbeContext.Provider value={probe ?? null}>
      <Editor
        {...rest}
        {...extra}
        report={report}
        onChange={onChange}
        onSectionChange={(s) => {
          section = s;
        }}
      />
    </RenderProbeContext.Provider>
  );
  const view = render(element());
  // The header and narrative sections, the review's panel and banner are lazy: let them arrive.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await waitFor(() => expect(document.querySelector('.section-loading')).toBeNull());
  return {
    user: userEvent.setup(),
    onChange,
    latest: () => onChange.mock.lastCall?.[0] ?? report,
    section: () => section,
    rerender: (extra) => view.rerender(element(extra)),
  };
}

/** The input of a cell by its id. */
export function cell(id: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`[data-cell="${id}"]`);
  if (!el) throw new Error(`no cell ${id}`);
  return el;
}

/** The button of a section in the side list. */
export function navButton(name: RegExp) {
  const list = screen.getByRole('navigation', { name: /年报各部分|Sections of the report/ });
  return within(list).getByRole('button', { name });
}
