import { useTranslation } from 'react-i18next';
import { SECTIONS } from '../report/index.ts';
import { useLabel } from '../i18n/index.ts';

/** Placeholder start page until the drafts home lands: shows the sections of the format. */
export function Home() {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <section>
      <h1>{t('app.tagline')}</h1>
      <ol>
        {SECTIONS.map((s) => (
          <li key={s.id}>{label(s.heading)}</li>
        ))}
      </ol>
    </section>
  );
}
