/**
 * "Opening the app returns the clerk to the draft and section they were in": the last draft
 * route is kept in localStorage; on a fresh start at the home page, the home sends the clerk
 * back there once. Going home later (a click) stays home.
 */
import { parseRoute, routeHref, type Route } from '../../ui/router.ts';

const KEY = 'nianbao.lastRoute';

let startHash = typeof location === 'undefined' ? '' : location.hash;
let startTaken = false;

/** Called by the pages: the home records `home`, the draft page its draft and section. */
export function rememberRoute(route: Route) {
  if (route.name !== 'home' && route.name !== 'draft') return;
  try {
    localStorage.setItem(KEY, routeHref(route));
  } catch {
    // Private mode or storage full: the app still works, it just opens at home next time.
  }
}

/** Where a fresh start should go instead of home: once per page load, only when it started home. */
export function takeStartRoute(): Extract<Route, { name: 'draft' }> | undefined {
  if (startTaken) return undefined;
  startTaken = true;
  if (parseRoute(startHash).name !== 'home') return undefined;
  let stored: string | null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  if (!stored) return undefined;
  const route = parseRoute(stored);
  return route.name === 'draft' ? route : undefined;
}

/** For tests: start as if the page had just loaded at `hash`. */
export function resetStartRoute(hash = '') {
  startHash = hash;
  startTaken = false;
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
