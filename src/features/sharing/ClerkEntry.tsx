/**
 * The editor toolbar's door to sharing, as small as it can be. A clerk who has never connected
 * (most of them: sharing is something a 政务公开办 turns on) gets only a button here; ClerkSharing,
 * the sync code behind it and the decoder it uses come when the button is pressed or when a
 * connection is remembered — not with every editor page (the bench counts what the editor loads).
 * The door itself is in the draft page's chunk, its label in the first load's strings and the
 * connection it reads in the core chunk (vite.config.ts): no chunk of its own to fetch.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openedFromFile, rememberedConnection } from '../../sync/connection.ts';
import type { ClerkSharingProps } from './ClerkSharing.tsx';

const ClerkSharing = lazy(() => import('./ClerkSharing.tsx'));
const FromFileNote = lazy(() => import('./FromFileNote.tsx'));

export default function ClerkEntry(props: ClerkSharingProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // The single file (file://) has no server to share with: the door is a sentence saying so.
  if (openedFromFile()) {
    return (
      <Suspense fallback={null}>
        <FromFileNote />
      </Suspense>
    );
  }
  if (!opened && rememberedConnection()?.role !== 'unit') {
    return (
      <span className="sharing-entry">
        <button type="button" onClick={() => setOpened(true)} aria-haspopup="dialog">
          {t('sharingDoor.open')}
        </button>
      </span>
    );
  }
  return (
    <Suspense fallback={null}>
      <ClerkSharing {...props} startConnecting={opened} />
    </Suspense>
  );
}
