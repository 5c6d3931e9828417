/**
 * #/import: the import of a published report (features/import) with the drafts store: keep it
 * as last year's report and start this year's from it (as 从上年年报新建 does), or save it as a
 * draft of its own year. Nothing is written before the clerk chooses; cancel goes home.
 */
import { useTranslation } from 'react-i18next';
// The store's context and the next-year builder alone: the drafts index would bring the editor page's code.
import { useDraftStore } from '../features/drafts/StoreContext.tsx';
import { nextYearReport } from '../features/drafts/fromLastYear.ts';
import { ImportPage } from '../features/import/index.ts';
import type { Report } from '../report/index.ts';
import { navigate } from '../ui/router.ts';

export function ImportRoutePage() {
  const { t } = useTranslation();
  const store = useDraftStore();

  const save = async (document: Report, lastYear?: Report): Promise<string | undefined> => {
    const created = await store.create(lastYear ? { document, lastYear } : { document, milestone: 'imported' });
    if (!created.ok) return t(`drafts.errors.${created.error.kind}`);
    navigate({ name: 'draft', id: created.value.id });
    return undefined;
  };

  return (
    <ImportPage
      onKeepAsLastYear={(imported) => save(nextYearReport(imported), imported)}
      onOpenAsDraft={(imported) => save(imported)}
      onCancel={() => navigate({ name: 'home' })}
    />
  );
}
