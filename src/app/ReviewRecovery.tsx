/**
 * The review workspace's way out when it fails to render: its units read straight from the
 * store (none of the workspace's components), the failing one first, each removable. A unit
 * whose record breaks the page would otherwise blank the workspace after every reload.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIdbReviewStore, type ReviewStore } from '../storage/review/index.ts';

interface Unit {
  readonly key: string;
  readonly agency: string;
  readonly year: number | null;
}

export function ReviewRecovery({ store: givenStore, unit, retry }: { store?: ReviewStore; unit?: string; retry: () => void }) {
  const { t } = useTranslation();
  const [store] = useState(() => givenStore ?? createIdbReviewStore());
  const [units, setUnits] = useState<readonly Unit[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void store.list().then((result) => {
      if (!live) return;
      if (!result.ok) return setFailed(true);
      const byKey = new Map<string, Unit>();
      for (const v of result.value.versions) byKey.set(v.unitKey, { key: v.unitKey, agency: v.agency, year: v.year });
      // The unit in the route (the one being viewed when it failed) first.
      setUnits([...byKey.values()].sort((a, b) => Number(b.key === unit) - Number(a.key === unit)));
    });
    return () => {
      live = false;
      if (!givenStore) store.close();
    };
  }, [store, givenStore, unit]);

  if (failed) return <p>{t('review.recovery.listFailed')}</p>;
  if (!units || units.length === 0) return null;
  return (
    <section aria-labelledby="review-recovery">
      <h2 id="review-recovery">{t('review.recovery.heading')}</h2>
      <p>{t('review.recovery.help')}</p>
      <ul>
        {units.map((u) => (
          <li key={u.key}>
            {u.agency || t('review.unnamedAgency')} ({u.year ?? '—'}){u.key === unit ? ` ${t('review.recovery.current')}` : ''}{' '}
            <button
              type="button"
              onClick={async () => {
                const removed = await store.removeUnit(u.key);
                if (!removed.ok) return setFailed(true);
                setUnits((list) => list?.filter((x) => x.key !== u.key));
                retry();
              }}
            >
              {t('review.recovery.remove', { agency: u.agency || t('review.unnamedAgency') })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
