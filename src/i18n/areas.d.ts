/**
 * `zh-CN.json?area` is the same file as its own module, so that an area loaded on demand
 * (review) carries its strings in its own chunk: a JSON module is bundled whole, and the
 * first load's copy leaves the area's key out because nothing there uses it.
 */
declare module '*/zh-CN.json?area' {
  const strings: typeof import('./zh-CN.json');
  export const review: (typeof strings)['review'];
}
