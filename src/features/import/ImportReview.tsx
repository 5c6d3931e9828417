/**
 * What was read, section by section: the three tables in the template's layout (the core's
 * REPORT_LAYOUT), each cell with its figure or its mark (printed blank, "/", unreadable, not
 * found, a printed total that differs from the sum), the narrative split into parts, and every
 * note of the reading.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel, useLang } from '../../i18n/index.ts';
import { NARRATIVE_SECTION_IDS, REPORT_LAYOUT, evaluate, layoutMatrix, sectionDef, type Finding } from '../../report/index.ts';
import { noteMessage, type PublishedImport } from '../../report/import/index.ts';

function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function ImportReview({ result }: { result: PublishedImport }) {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const disagreements = useMemo(() => {
    const map = new Map<string, Finding>();
    for (const f of evaluate(result.report, { stated: result.stated })) if (f.rule === 'statedTotal') map.set(f.cells[0]!, f);
    return map;
  }, [result]);

  const cell = (cellId: string) => {
    const read = result.cells[cellId] ?? { state: 'missing', raw: '' };
    const disagree = disagreements.get(cellId);
    if (disagree) {
      return (
        <td key={cellId} className="import-cell import-cell-disagree" data-cell={cellId}>
          {t('import.cellDisagree', { printed: disagree.left, sum: disagree.right })}
        </td>
      );
    }
    switch (read.state) {
      case 'number':
        return (
          <td key={cellId} className="import-cell" data-cell={cellId}>
            {read.raw.trim()}
          </td>
        );
      case 'blank':
        return (
          <td key={cellId} className="import-cell import-cell-blank" data-cell={cellId}>
            {t('import.cellBlank')}
          </td>
        );
      case 'slash':
        return (
          <td key={cellId} className="import-cell import-cell-slash" data-cell={cellId}>
            {read.raw.trim()}
          </td>
        );
      case 'unreadable':
        return (
          <td key={cellId} className="import-cell import-cell-unreadable" data-cell={cellId}>
            {t('import.cellUnreadable', { raw: read.raw.trim() })}
          </td>
        );
      default:
        return (
          <td key={cellId} className="import-cell import-cell-missing" data-cell={cellId}>
            {t('import.cellMissing')}
          </td>
        );
    }
  };

  return (
    <div className="import-read">
      <p className="import-legend" aria-label={t('import.legend')}>
        <span className="import-cell-blank">{t('import.legendBlank')}</span>
        <span className="import-cell-slash">{t('import.legendSlash')}</span>
        <span className="import-cell-unreadable">{t('import.legendUnreadable')}</span>
        <span className="import-cell-missing">{t('import.legendMissing')}</span>
        <span className="import-cell-disagree">{t('import.legendDisagree')}</span>
      </p>
      {REPORT_LAYOUT.tables.map((table) => {
        const heading = sectionDef(table.table).heading;
        return (
          <section key={table.table} className="import-section" aria-label={label(heading)}>
            <h2>{label(heading)}</h2>
            <p className="import-hint">
              {result.header[table.table].length ? t('import.headerFound', { labels: result.header[table.table].join('、') }) : t('import.headerNone')}
            </p>
            <div className="import-table-wrap">
              <table className={`import-table import-table-${table.table}`}>
                <tbody>
                  {layoutMatrix(table, undefined, lang).map((row, r) => (
                    <tr key={r}>
                      {row.map((c, i) =>
                        c.cellId ? (
                          cell(c.cellId)
                        ) : (
                          <th key={i} rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined} colSpan={c.colSpan > 1 ? c.colSpan : undefined} scope={c.colSpan > 1 ? 'colgroup' : undefined}>
                            {c.text}
                          </th>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <section className="import-section" aria-label={t('import.narrative')}>
        <h2>{t('import.narrative')}</h2>
        <h3>{t('import.preamble')}</h3>
        <p className="import-excerpt">{result.report.narrative.preamble ? excerpt(result.report.narrative.preamble, 160) : t('import.sectionMissing')}</p>
        {NARRATIVE_SECTION_IDS.map((id) => {
          const parts = result.report.narrative[id];
          const found = result.sections.includes(id);
          return (
            <div key={id} className="import-narrative">
              <h3>
                {label(sectionDef(id).heading)}
                {found && <small> · {t('import.parts', { count: parts.length })}</small>}
              </h3>
              {found ? (
                <ol>
                  {parts.map((p, i) => (
                    <li key={i}>
                      <strong>{p.title || t('import.partUntitled')}</strong> {excerpt(p.text)}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="import-cell-missing">{t('import.sectionMissing')}</p>
              )}
            </div>
          );
        })}
      </section>
      <details className="import-notes" open={result.notes.length <= 12}>
        <summary>{t('import.notes', { count: result.notes.length })}</summary>
        {result.notes.length === 0 ? (
          <p>{t('import.noNotes')}</p>
        ) : (
          <ul>
            {result.notes.map((n, i) => (
              <li key={i}>{noteMessage(n, lang)}</li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
