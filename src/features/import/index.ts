/** Importing a published report (issue 14): its own page, loaded by its route only. */
export { ImportPage, type ImportPageProps } from './ImportPage.tsx';
