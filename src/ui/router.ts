/**
 * A tiny hash router: the app is a static bundle served from any folder, and a hash keeps
 * reloads and bookmarks working without server rewrites.
 */
import { useSyncExternalStore } from 'react';
import type { SectionId } from '../report/index.ts';

export type Route =
  | { name: 'home' }
  | { name: 'draft'; id: string; section?: SectionId | 'meta' }
  | { name: 'new'; section?: SectionId | 'meta' }
  | { name: 'print'; id: string }
  | { name: 'review'; unit?: string }
  | { name: 'import' }
  | { name: 'notFound'; path: string };

/** A part of the hash decoded; a malformed escape (typed or pasted in) is kept as written, not thrown. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * A part encoded for the hash. encodeURIComponent throws on a lone surrogate: a key made of a
 * document's text must never take the page down, so then its surrogates become U+FFFD.
 */
export function encodePart(part: string): string {
  try {
    return encodeURIComponent(part);
  } catch {
    return encodeURIComponent(part.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodePart);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'drafts' && parts[1]) {
    if (parts[2] === 'print') return { name: 'print', id: parts[1] };
    return parts[2] ? { name: 'draft', id: parts[1], section: parts[2] as SectionId | 'meta' } : { name: 'draft', id: parts[1] };
  }
  if (parts[0] === 'new') return parts[1] ? { name: 'new', section: parts[1] as SectionId | 'meta' } : { name: 'new' };
  if (parts[0] === 'import' && parts.length === 1) return { name: 'import' };
  if (parts[0] === 'review') return parts[1] ? { name: 'review', unit: parts[1] } : { name: 'review' };
  return { name: 'notFound', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'draft':
      return `#/drafts/${encodePart(route.id)}${route.section ? `/${route.section}` : ''}`;
    case 'new':
      return `#/new${route.section ? `/${route.section}` : ''}`;
    case 'print':
      return `#/drafts/${encodePart(route.id)}/print`;
    case 'review':
      return route.unit ? `#/review/${encodePart(route.unit)}` : '#/review';
    case 'import':
      return '#/import';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}) {
  const href = routeHref(route);
  if (options.replace) {
    history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseRoute(hash);
}
