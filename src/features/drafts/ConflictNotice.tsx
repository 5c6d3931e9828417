/** Two tabs on one draft: what the tab whose write lost shows (ConflictChoice). */
import { lazy, Suspense } from 'react';
import type { DraftSessionApi } from './useDraftSession.ts';

// A conflict is rare: its code and strings come when one happens, not with the editor.
const ConflictChoice = lazy(() => import('./ConflictChoice.tsx').then((m) => ({ default: m.ConflictChoice })));

export function ConflictNotice({ session }: { session: DraftSessionApi }) {
  if (!session.conflict) return null;
  return (
    <Suspense fallback={null}>
      <ConflictChoice session={session} />
    </Suspense>
  );
}
