/** Names of what changed between versions (cells by their row and column, parts by heading). */
import type { TFunction } from 'i18next';
import { META_FIELDS, cellDef, cellLabel, sectionDef, type NarrativeSectionId, type Report } from '../../report/index.ts';
import './strings.ts';

export function changedLabel(id: string, document: Report | undefined, lang: 'zh' | 'en', t: TFunction): string {
  if (cellDef(id)) return cellLabel(id, lang);
  if (id === 'status') return t('drafts.history.labels.status');
  if (id === 'explanations') return t('drafts.history.labels.explanations');
  if (id === 'narrative.preamble') return t('drafts.history.labels.preamble');
  const meta = /^meta\.(\w+)$/.exec(id);
  if (meta && meta[1]! in META_FIELDS) return META_FIELDS[meta[1] as keyof typeof META_FIELDS][lang];
  const part = /^narrative\.(overview|problems|other)\.(\d+)$/.exec(id);
  if (part) {
    const section = part[1] as NarrativeSectionId;
    const index = Number(part[2]);
    const heading = sectionDef(section).heading[lang];
    const title = document?.narrative[section][index]?.title.trim();
    return title ? `${heading} · ${title}` : `${heading} · ${t('drafts.history.paragraph', { n: index + 1 })}`;
  }
  return id;
}
