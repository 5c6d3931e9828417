/** The clerk's editor (issue 3): every section, live totals and findings, the grid, 定稿. */
export { Editor, type EditorProps } from './Editor.tsx';
export type { EditorSection } from './gridModel.ts';
