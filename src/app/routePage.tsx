import { lazy, useState, type ComponentType } from 'react';

export interface RoutePage<P extends object> {
  /** The page's component: rendered at once when its code is in, else lazily (suspending). */
  readonly Page: ComponentType<P>;
  /** Starts fetching the page's code (its chunks in parallel); settles when it is in. */
  readonly preload: () => Promise<void>;
}

/**
 * A route's page in its own chunk. Preloaded before the app's first render, it renders without
 * suspending: a page that suspends on a cold start only appears after React's fallback throttle
 * (300 ms after the loading text showed), however early its code arrived.
 */
export function routePage<P extends object>(load: () => Promise<ComponentType<P>>): RoutePage<P> {
  let ready: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchPage = () =>
    (loading ??= load().then(
      (component) => (ready = component),
      (error: unknown) => {
        loading = undefined; // a later render tries again
        throw error;
      },
    ));
  const Lazy = lazy(() => fetchPage().then((component) => ({ default: component })));
  function Page(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount the page.
    const [Component] = useState<ComponentType<P>>(() => ready ?? Lazy);
    return <Component {...props} />;
  }
  return { Page, preload: () => fetchPage().then(() => undefined) };
}
