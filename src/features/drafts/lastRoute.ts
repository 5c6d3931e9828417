/**
 * The draft (and section) the clerk was last in, kept in localStorage. Opening the app's root
 * shows 我的年报 — the list, the status of every report — and offers "继续填写 <last draft>"
 * there; it does not jump into the last draft by itself.
 */
import { parseRoute, routeHref, type Route } from '../../ui/router.ts';

const KEY = 'nianbao.lastRoute';

export type DraftRoute = Extract<Route, { name: 'draft' }>;

/** Called by the draft page with its draft and section. */
export function rememberRoute(route: DraftRoute) {
  try {
    localStorage.setItem(KEY, routeHref(route));
  } catch {
    // Private mode or storage full: the app still works, the home just offers no "continue".
  }
}

/** The draft route the clerk was last in, if any (the home checks that the draft is still there). */
export function lastDraftRoute(): DraftRoute | undefined {
  let stored: string | null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  const route = stored ? parseRoute(stored) : undefined;
  return route?.name === 'draft' ? route : undefined;
}

/**
 * The draft just made with 创建 (a blank one or from last year's): its editor opens with the
 * focus on the first field, so the clerk types on without reaching for the mouse. Kept in memory
 * only: a reload opens the draft as any other.
 */
let created: string | undefined;

export function markJustCreated(id: string) {
  created = id;
}

/** Whether `id` was just created (once: a later visit opens it as any other). */
export function takeJustCreated(id: string): boolean {
  if (created !== id) return false;
  created = undefined;
  return true;
}
