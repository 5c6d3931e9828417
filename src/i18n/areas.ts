/**
 * Parts of the zh-CN strings that are not in the first load: each comes with the chunk of the
 * code that shows it (review, print, the drafts home, the history panel) and joins i18next
 * then (addSourceStrings). English arrives whole when chosen. The build serves
 * `zh-CN.json?first` (everything else) and `zh-CN.json?area=<name>` (these paths); see
 * localeAreas in vite.config.ts. i18n.test.ts checks that the parts add up to the file.
 */
export const LAZY_AREAS = {
  review: ['review'],
  // The print page's way back comes with the print view it heads. The Word button's strings
  // (print.word…) stay first: the editor's toolbar shows it with every draft.
  print: ['print.toolbar', 'print.print', 'print.download', 'print.paperCopy', 'print.draftNotice', 'print.preview', 'print.copyWeb', 'print.copyWebHint', 'print.copied', 'print.copyFailed', 'app.backToEditor'],
  draftsHome: [
    'drafts.list',
    'drafts.status',
    'drafts.delete',
    'drafts.deleted',
    'drafts.storage',
    'drafts.create',
    'drafts.fromLast',
    'drafts.rename',
    'drafts.import',
    'drafts.importPublished',
    // The home's own lines; actionFailed (the draft page's undelete) stays first.
    'drafts.home.title',
    'drafts.home.dismiss',
    'drafts.home.new',
    'drafts.home.fromLastYear',
    'drafts.home.import',
    'drafts.home.importFile',
    'drafts.home.dropHint',
    'drafts.home.empty',
    'drafts.home.loadFailed',
    'drafts.home.createFailed',
    'drafts.home.duplicated',
    // The 离线版 link at the foot of the home (the single file, nianbao.html).
    'drafts.offline',
  ],
  // Importing a published report (its own page).
  importReport: ['import'],
  draftsHistory: ['drafts.history'],
  // Sharing through a server (src/features/sharing): only for a 政务公开办's area that turned it on.
  sharing: ['sharing'],
  // The drafts home's door to sharing (a heading, a line; its button's label is the door's).
  sharingHome: ['sharingHome'],
  // Two tabs on one draft (rare).
  draftsConflict: ['drafts.conflict'],
  // The editor's review banner and panel (a reviewed report only); the cells' marks keep theirs.
  editorReview: ['editor.review.heading', 'editor.review.openCount', 'editor.review.statusLine', 'editor.review.status', 'editor.review.none', 'editor.review.open', 'editor.review.resolved', 'editor.review.resolvedAt', 'editor.review.noteHead', 'editor.review.whole', 'editor.review.wholeHeading', 'editor.review.goTo', 'editor.review.resolve', 'editor.review.resolveLabel', 'editor.review.reopen', 'editor.review.reopenLabel', 'editor.review.didResolve', 'editor.review.didReopen', 'editor.review.lockedReady', 'editor.review.lockedReadOnly', 'editor.review.returnedHeading', 'editor.review.returnedReason', 'editor.review.returnedHelp', 'editor.review.clerk', 'editor.review.returnedHelpDone', 'editor.review.resubmit', 'editor.review.returnedHelpShared', 'editor.review.returnedHelpDoneShared', 'editor.review.resubmitShared', 'editor.review.returnedHelpNoComments', 'editor.review.returnedHelpNoCommentsShared', 'editor.review.returnedReadyOpen', 'editor.review.returnedReadyOpenShared', 'editor.review.returnedReady', 'editor.review.returnedReadyShared'],
  // Unsaved edits a closed page kept apart from the database (rare).
  unsavedOffer: ['app.unsaved'],
  // A new version of the app is waiting (src/app/appUpdate.tsx, loaded only when a new worker waits).
  appUpdate: ['app.update'],
  // What a paste says (the code comes with the first focus on a grid); loadFailed comes with the grids (editorGrid).
  editorPaste: [
    'editor.paste.empty',
    'editor.paste.outside',
    'editor.paste.notValue',
    'editor.paste.done',
    'editor.paste.doneChecked',
    'editor.paste.doneMismatch',
    'editor.paste.mismatch',
    'editor.paste.listSeparator',
    'editor.paste.more',
  ],
  // The form that explains a warning (its code loads when 说明原因 is pressed).
  editorExplanation: ['editor.findings.explanationLabel', 'editor.findings.explanationTooShort', 'editor.findings.saveExplanation', 'editor.findings.removeExplanation', 'editor.findings.cancel'],
  // What the grids' frame says (its code loads right after the editor shows); computedHint stays first.
  editorGrid: ['editor.grid.help', 'editor.grid.helpReadOnly', 'editor.grid.undone', 'editor.grid.redone', 'editor.grid.dismiss', 'editor.grid.computed', 'editor.paste.loadFailed'],
  // The list shown after a refused 定稿.
  editorReady: ['editor.ready.refused', 'editor.ready.refusedHelp', 'editor.ready.dismiss'],
  // The header and narrative sections (the grids come first); names used elsewhere stay.
  editorSections: ['editor.meta.contactHint', 'editor.meta.deadline', 'editor.meta.deadlineUnknown', 'editor.meta.title', 'editor.meta.agencyPlaceholder', 'editor.meta.preambleGenerated', 'editor.meta.preambleEdited', 'editor.meta.regenerate', 'editor.meta.regenerated', 'editor.meta.undoRegenerate', 'editor.narrative.partTitle', 'editor.narrative.partText', 'editor.narrative.titlePlaceholder', 'editor.narrative.moveUp', 'editor.narrative.moveDown', 'editor.narrative.moveUpHint', 'editor.narrative.moveDownHint', 'editor.narrative.remove', 'editor.narrative.removeShort', 'editor.narrative.confirmRemove', 'editor.narrative.confirmRemoveShort', 'editor.narrative.cancel', 'editor.narrative.add', 'editor.narrative.suggested', 'editor.narrative.moved', 'editor.narrative.removed', 'editor.narrative.added', 'editor.narrative.addOpening', 'editor.narrative.removedTitled', 'editor.narrative.restored', 'editor.narrative.undoRemove', 'editor.narrative.untitled', 'editor.sentences'],
} as const satisfies Record<string, readonly string[]>;

export type LazyArea = keyof typeof LAZY_AREAS;

type Tree = { [key: string]: unknown };

/** The strings at these dotted paths, nested as in the file. */
export function pickPaths(strings: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: unknown = strings;
    let to = out;
    for (const [i, key] of keys.entries()) {
      from = (from as Tree)[key];
      if (from === undefined) throw new Error(`no strings at ${path}`);
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    }
  }
  return out;
}

/** The strings without these dotted paths. */
export function omitPaths(strings: Tree, paths: readonly string[]): Tree {
  const omitted = new Set(paths);
  const walk = (node: Tree, prefix: string): Tree =>
    Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !omitted.has(prefix + key))
        .map(([key, value]) => [key, typeof value === 'object' && value !== null ? walk(value as Tree, `${prefix}${key}.`) : value]),
    );
  return walk(strings, '');
}
