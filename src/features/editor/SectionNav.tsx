/**
 * The list of sections with each one's state (not started, in progress, complete, has errors,
 * has unexplained warnings) in words and an icon, and how many review comments in it are still
 * open. Any section can be opened at any time.
 */
import { memo } from 'react';
import { useLang } from '../../i18n/index.ts';
import { sectionDef } from '../../report/index.ts';
import { useCachedT } from './cachedT.ts';
import { useDerivedValue, useEditor } from './context.ts';
import { EDITOR_SECTIONS, type EditorSection } from './gridModel.ts';
import type { SectionState } from './store.ts';

export const STATE_ICON: Record<SectionState, string> = {
  notStarted: '○',
  inProgress: '◐',
  complete: '✓',
  errors: '✕',
  warnings: '▲',
};

export const SectionNav = memo(function SectionNav({ current }: { current: EditorSection }) {
  const t = useCachedT();
  const lang = useLang();
  const { goToSection } = useEditor();
  const states = useDerivedValue((s) => s.getSectionStates());
  // One object until a comment is resolved or moves section: typing re-renders nothing here.
  const openComments = useDerivedValue((s) => s.getReviewPlacement().openBySection);
  return (
    <nav className="section-nav" aria-label={t('editor.nav.label')}>
      <ol>
        {EDITOR_SECTIONS.map((section) => {
          const state = states[section];
          const comments = openComments[section];
          const heading = section === 'meta' ? t('editor.nav.meta') : sectionDef(section).heading[lang];
          return (
            <li key={section}>
              <button
                type="button"
                className={`nav-item state-${state}`}
                aria-current={section === current ? 'step' : undefined}
                onClick={() => goToSection(section)}
              >
                <span className="nav-icon" aria-hidden="true">
                  {STATE_ICON[state]}
                </span>
                <span className="nav-text">
                  <span className="nav-heading">{heading}</span>
                  <span className="nav-state">{t(`editor.state.${state}`)}</span>
                  {comments > 0 ? (
                    <span className="nav-comments">
                      <span aria-hidden="true">✎ {comments}</span>
                      <span className="visually-hidden">{t('editor.review.navCount', { n: comments })}</span>
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
