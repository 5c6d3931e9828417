/**
 * HTML text → the core's HtmlNode tree: the browser's DOMParser where there is one (the app),
 * parse5 otherwise (the CLI, tests). Loaded only by the import.
 */
import { fromDomLike, htmlToNeutral, type HtmlNode, type NeutralDocument } from '../report/import/index.ts';

export async function parseHtml(html: string): Promise<HtmlNode> {
  const Parser = (globalThis as { DOMParser?: new () => { parseFromString(s: string, type: string): unknown } }).DOMParser;
  if (Parser) return fromDomLike(new Parser().parseFromString(html, 'text/html') as Parameters<typeof fromDomLike>[0]);
  const { parse } = await import('parse5');
  return fromDomLike(parse(html) as unknown as Parameters<typeof fromDomLike>[0]);
}

export async function htmlTextToNeutral(html: string, source = 'html'): Promise<NeutralDocument> {
  return htmlToNeutral(await parseHtml(html), source);
}
