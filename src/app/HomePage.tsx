/**
 * The drafts home with sharing's door (a 政务公开办's server): the door is its own chunk, and
 * PouchDB comes only once connected — the home's first load does not carry them.
 */
import { lazy, Suspense } from 'react';
import { DraftsHome } from '../features/drafts/DraftsHome.tsx';

const HomeSharing = lazy(() => import('../features/sharing/HomeEntry.tsx'));

export function HomePage() {
  return (
    <DraftsHome
      sharing={(store) => (
        <Suspense fallback={null}>
          <HomeSharing store={store} />
        </Suspense>
      )}
    />
  );
}
