/** Print and publish: the print view of a report and the printable file's name. */
export { PrintView, type PrintViewProps } from './PrintView.tsx';
export { CopyWebButton } from './PublishButtons.tsx';
export { WordDownloadButton } from './WordButton.tsx';
