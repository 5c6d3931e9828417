/**
 * The zh-CN strings as the build serves them in parts (see areas.ts and localeAreas in
 * vite.config.ts): the first load's, and each lazy area's, all typed as parts of the file.
 */
/** Some of the file's top-level groups, each with some of its strings. */
type ZhCNStringsPart = { [K in keyof typeof import('./zh-CN.json')]?: Partial<(typeof import('./zh-CN.json'))[K]> };

declare module '*zh-CN.json?first' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=review' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=print' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=draftsHome' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=draftsHistory' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=draftsConflict' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorReview' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorSections' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorReady' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=sharing' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=importReport' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=unsavedOffer' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorPaste' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorExplanation' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=editorGrid' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=sharingHome' {
  const strings: ZhCNStringsPart;
  export default strings;
}
declare module '*zh-CN.json?area=appUpdate' {
  const strings: ZhCNStringsPart;
  export default strings;
}
