/**
 * i18next set-up. zh-CN is the source locale: its JSON types the keys (see i18next.d.ts), and
 * en.json must have the same keys (checked by i18n.test.ts). The report's official labels come
 * from the format model (src/report/format.ts) in both languages; use `useLabel` for them.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type zhCN from './zh-CN.json';
// zh-CN without the areas that come with their own code (areas.ts, addSourceStrings).
import firstStrings from './zh-CN.json?first';
import { useSyncExternalStore } from 'react';
import type { Label, Lang, LocalizedText } from '../report/index.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'nianbao.language';

type Resources = typeof zhCN;

/** The source strings the first load needs; an area loaded on demand adds its own. */
const SOURCE: Record<string, unknown> = structuredClone(firstStrings);

/**
 * Only the source locale ships in the first load; English, which most clerks never choose, is
 * its own chunk, fetched when chosen (or at start when it was chosen before).
 */
const LOADERS: Record<Exclude<Language, 'zh-CN'>, () => Promise<Resources>> = {
  en: () => import('./en.json').then((m) => m.default),
};

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Starts i18next in zh-CN at once (synchronously: tests and the first render can use it right
 * away) and then switches to `language`; the promise settles when its strings are in.
 */
export function initI18n(language: Language = storedLanguage()): Promise<void> {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { 'zh-CN': { ui: SOURCE } },
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      defaultNS: 'ui',
      ns: ['ui'],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    syncDocumentLanguage('zh-CN');
  }
  return switchTo(language);
}

/**
 * Adds an area's zh-CN strings (review's, when its chunk loads). English arrives whole, with
 * every area, when chosen.
 */
export function addSourceStrings(strings: object) {
  // Before initI18n (a test's imports), they join the strings init starts with.
  if (i18next.isInitialized) i18next.addResourceBundle('zh-CN', 'ui', strings, true, true);
  else deepMerge(SOURCE, strings as Record<string, unknown>);
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>) {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'object' && value !== null && typeof existing === 'object' && existing !== null) {
      deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else into[key] = value;
  }
}

/** Switches language; synchronously when its strings are in (as i18next without a backend does). */
function switchTo(language: Language): Promise<void> {
  if (i18next.language === language) return Promise.resolve();
  if (language === 'zh-CN' || i18next.hasResourceBundle(language, 'ui')) return apply(language);
  return LOADERS[language]().then(
    (resources) => {
      i18next.addResourceBundle(language, 'ui', resources);
      return apply(language);
    },
    // The chunk did not arrive (offline after an update): stay in the source locale.
    () => undefined,
  );
}

function apply(language: Language): Promise<void> {
  const changed = i18next.changeLanguage(language);
  syncDocumentLanguage(language);
  return changed.then(() => undefined);
}

function syncDocumentLanguage(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export async function setLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await switchTo(language);
}

function onLanguageChanged(listener: () => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

const currentLang = (): Lang => (i18next.language === 'en' ? 'en' : 'zh');

/**
 * 'zh' or 'en', the key into the core's Label and LocalizedText: the one place a component gets
 * the UI language from (never a prop: ESLint refuses `lang=` on a component). A bare
 * subscription to i18next's language, lighter than useTranslation: every official label calls it.
 */
export function useLang(): Lang {
  return useSyncExternalStore(onLanguageChanged, currentLang, currentLang);
}

/** Picks the current language's text of a core Label or LocalizedText (labels, messages). */
export function useLabel(): (label: Label | LocalizedText) => string {
  const lang = useLang();
  return (label) => label[lang];
}

export { i18next };
