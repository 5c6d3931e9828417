/** After a refused 定稿: what is left to do (loaded when 定稿 is first refused). */
import './readyStrings.ts';
import { useEffect, useRef } from 'react';
import { useCachedT } from './cachedT.ts';
import type { Blockers } from './store.ts';
import { FindingItem, InvalidItem } from './FindingsPanel.tsx';

export function ReadyCheck({ blockers, onDismiss }: { blockers: Blockers; onDismiss: () => void }) {
  const t = useCachedT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Shown after a refused 定稿: the clerk's focus goes to what is left to do.
  useEffect(() => heading.current?.focus(), []);
  const count = blockers.findings.length + blockers.invalid.length;
  return (
    <section className="ready-check" aria-labelledby="ready-check-heading">
      <h2 id="ready-check-heading" tabIndex={-1} ref={heading}>{t('editor.ready.refused', { n: count })}</h2>
      <p>{t('editor.ready.refusedHelp')}</p>
      <ul className="findings">
        {blockers.invalid.map(([path, inv]) => (
          <InvalidItem key={path} path={path} invalid={inv} />
        ))}
        {blockers.findings.map((f) => (
          <FindingItem key={f.key} finding={f} readOnly={false} />
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('editor.ready.dismiss')}
      </button>
    </section>
  );
}
