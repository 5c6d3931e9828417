/** The pure core of nianbao: the format model, the document, decode, totals and rules. */
export * from './format.ts';
export * from './layout.ts';
export * from './document.ts';
export * from './shape.ts';
export * from './schema.ts';
export * from './decode.ts';
export * from './messages.ts';
export * from './decodeMessages.ts';
export * from './totals.ts';
export * from './rules/index.ts';
export * from './import/index.ts';
export * from './review/compare.ts';
export * from './review/aggregate.ts';
export * from './review/targets.ts';
export * from './review/actions.ts';
export * from './fileName.ts';
export * from './year.ts';
