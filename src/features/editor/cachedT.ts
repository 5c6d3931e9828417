/**
 * i18next's t() costs ≈0.1 ms a call on a slow PC (key parsing, resource lookup,
 * interpolation), and the findings panel, the top bar and the section list call it dozens of
 * times whenever findings are published. Their strings depend only on the language and the
 * options, so each (key, options) is translated once per language.
 */
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/index.ts';

type TranslationKey = ParseKeys<'ui'>;
type Options = Readonly<Record<string, string | number>>;
export type CachedT = (key: TranslationKey, options?: Options) => string;

/** One cache per t() (react-i18next makes a new t when the language changes). */
const caches = new WeakMap<object, { t: CachedT; texts: Map<string, string> }>();
const MAX_TEXTS = 1000;
let resourcesVersion = 0;
let listening = false;

/** Strings loaded later (a chunk's own strings) may fill keys that were missing before. */
function listenForAddedStrings() {
  if (listening || !i18next.store) return;
  i18next.store.on('added', () => resourcesVersion++);
  listening = true;
}

function cacheKey(key: string, options: Options | undefined): string {
  if (!options) return key;
  let k = key;
  for (const name in options) k += `\u0000${name}\u0001${options[name]}`;
  return k;
}

export function useCachedT(): CachedT {
  const { t } = useTranslation();
  listenForAddedStrings();
  let entry = caches.get(t);
  if (!entry) {
    const texts = new Map<string, string>();
    let version = resourcesVersion;
    const cached: CachedT = (key, options) => {
      if (version !== resourcesVersion) {
        texts.clear();
        version = resourcesVersion;
      }
      const k = cacheKey(key as string, options);
      let text = texts.get(k);
      if (text === undefined) {
        text = (t as (key: TranslationKey, options?: Options) => string)(key, options);
        if (texts.size >= MAX_TEXTS) texts.clear(); // messages with numbers: keep it bounded
        texts.set(k, text);
      }
      return text;
    };
    entry = { t: cached, texts };
    caches.set(t, entry);
  }
  return entry.t;
}
