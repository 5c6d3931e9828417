/**
 * The drafts home's door to sharing, as small as the toolbar's (ClerkEntry): a clerk who never
 * connected gets a heading, a line and a button; HomeSharing, the sync code and PouchDB behind
 * it come when the button is pressed or with a remembered connection — not with the home.
 */
import './homeStrings.ts';
import './sharing.css';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openedFromFile, rememberedConnection } from '../../sync/connection.ts';
import type { HomeSharingProps } from './HomeSharing.tsx';

const HomeSharing = lazy(() => import('./HomeSharing.tsx'));

export default function HomeEntry(props: HomeSharingProps) {
  const { t } = useTranslation();
  const id = useId();
  const [opened, setOpened] = useState(false);
  // The single file (file://) has no server to share with: the home offers none.
  if (openedFromFile()) return null;
  if (!opened && rememberedConnection()?.role !== 'unit') {
    return (
      <section className="sharing-home" aria-labelledby={id}>
        <h2 id={id}>{t('sharingHome.heading')}</h2>
        <p className="sharing-help">{t('sharingHome.intro')}</p>
        <button type="button" onClick={() => setOpened(true)} aria-haspopup="dialog">
          {t('sharingDoor.open')}
        </button>
      </section>
    );
  }
  return (
    <Suspense fallback={null}>
      <HomeSharing {...props} startConnecting={opened} />
    </Suspense>
  );
}
