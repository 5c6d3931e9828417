/**
 * The editor toolbar's door to sharing, as small as it can be: the editor page's first load
 * carries only the reference to this file; ClerkSharing (and, once connected, PouchDB) come later.
 */
import { lazy, Suspense } from 'react';
import type { ClerkSharingProps } from './ClerkSharing.tsx';

const ClerkSharing = lazy(() => import('./ClerkSharing.tsx'));

export default function ClerkEntry(props: ClerkSharingProps) {
  return (
    <Suspense fallback={null}>
      <ClerkSharing {...props} />
    </Suspense>
  );
}
