/**
 * What an import note says, in both languages, for the review step and the CLI alike. The
 * place is named by the format model's labels (a cell's row and column, a section's heading).
 */
import { CELL_BY_ID, SECTIONS, cellLabel, type Label } from '../format.ts';
import type { Lang, LocalizedText } from '../messages.ts';
import type { ImportNote, ImportNoteKind } from './match.ts';

export const IMPORT_NOTE_MESSAGES: Record<ImportNoteKind, LocalizedText> = {
  blank: { zh: '{{place}}：印的是空白，未填（不当作 0）', en: '{{place}}: printed blank, left empty (not taken for 0)' },
  slash: { zh: '{{place}}：印的是“{{found}}”，未填（不当作 0）', en: '{{place}}: printed “{{found}}”, left empty (not taken for 0)' },
  unreadable: { zh: '{{place}}：无法读作数字：“{{found}}”', en: '{{place}}: cannot be read as a number: “{{found}}”' },
  shortRow: {
    zh: '{{place}}：这一行的数字不够各栏（“{{found}}”），无法确定各在哪一栏，整行未填',
    en: '{{place}}: too few figures for the columns (“{{found}}”); which column each belongs to is unknown, so the row is left empty',
  },
  missingRow: { zh: '{{place}}：没有找到这一行', en: '{{place}}: this row was not found' },
  missingSection: { zh: '{{place}}：没有找到这一部分', en: '{{place}}: this section was not found' },
  template: {
    zh: '{{place}}：2019 年试行格式（“{{found}}”），与 2021 年格式的项目不同，未导入，请按新格式填写',
    en: '{{place}}: 2019 trial format (“{{found}}”), other quantities than the 2021 format; not imported, fill it in the new format',
  },
  missingMeta: { zh: '{{place}}：没有找到，请填写', en: '{{place}}: not found, please fill it in' },
};

const META_LABELS: Record<string, Label> = {
  'meta.agency': { zh: '机关名称', en: 'Agency' },
  'meta.year': { zh: '报告年度', en: 'Year' },
};

/** The place a note is about, by the model's labels. */
export function notePlace(path: string, lang: Lang): string {
  if (CELL_BY_ID.has(path)) return cellLabel(path, lang);
  const meta = META_LABELS[path];
  if (meta) return meta[lang];
  const [head, ...rest] = path.split('.');
  const sectionId = head === 'narrative' ? rest[0] : head;
  const section = SECTIONS.find((s) => s.id === sectionId);
  if (!section) return path;
  const row = rest.join('.');
  if (head !== 'narrative' && row) {
    const anyCell = [...CELL_BY_ID.values()].find((c) => c.id.startsWith(`${path}.`) || c.id === path);
    if (anyCell) return `${section.heading[lang]} ${anyCell.row[lang]}`;
  }
  return section.heading[lang];
}

export function noteMessage(note: ImportNote, lang: Lang): string {
  return IMPORT_NOTE_MESSAGES[note.kind][lang].replace('{{place}}', notePlace(note.path, lang)).replace('{{found}}', note.found);
}
