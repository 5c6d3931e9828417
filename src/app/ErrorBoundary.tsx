/**
 * Every route's page inside a boundary: an exception while rendering a page (a bad record, a
 * bug) shows what failed with 重试 / 返回 instead of a blank page, and a page whose code cannot
 * be fetched (the network gone, a new version deployed) offers 刷新. The header and the other
 * pages keep working; nothing stored is touched. Small: it is in the editor's first load.
 * (Keyed by the page by its users: another page or draft starts without the error.)
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ErrorArea = 'home' | 'draft' | 'new' | 'print' | 'review' | 'import';

interface Props {
  readonly area: ErrorArea;
  /** More ways out, under the message (the review workspace: remove the failing unit). */
  readonly recovery?: (retry: () => void) => ReactNode;
  /** For tests; the page reload otherwise. */
  readonly reload?: () => void;
  readonly children: ReactNode;
}

/** The engines' words for a dynamic import that failed (Chromium, Firefox, Safari, vite's preload). */
const CHUNK_FAILED = /dynamically imported module|module script failed|Unable to preload/i;

export class RouteErrorBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? '?' };
  }

  retry = () => this.setState({ error: undefined });

  override render() {
    const { error } = this.state;
    return error === undefined ? this.props.children : <RouteError {...this.props} error={error} retry={this.retry} />;
  }
}

/** The page's name as the header and links call it. */
// The import of a published report is reached from 我的年报 and named by it (no string of its own in the first load).
const AREA_NAMES = { home: 'app.nav.drafts', draft: 'app.error.editor', new: 'app.error.editor', print: 'app.printView', review: 'app.nav.review', import: 'app.nav.drafts' } as const;

function RouteError({ area, error, retry, reload, recovery }: Props & { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  const what = t(AREA_NAMES[area]);
  const message = error instanceof Error ? error.message : String(error);
  const chunk = CHUNK_FAILED.test(message);
  return (
    <section role="alert">
      <h1>{chunk ? t('app.error.chunk', { what }) : t('app.error.heading', { what, message })}</h1>
      {chunk ? (
        <button type="button" onClick={reload ?? (() => location.reload())}>
          {t('app.error.reload')}
        </button>
      ) : (
        <p>
          <button type="button" onClick={retry}>
            {t('app.error.retry')}
          </button>{' '}
          <a href="#/">{t('app.error.back')}</a>
        </p>
      )}
      {recovery?.(retry)}
    </section>
  );
}
