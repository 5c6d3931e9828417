/**
 * i18next set-up. zh-CN is the source locale: its JSON types the keys (see i18next.d.ts), and
 * en.json must have the same keys (checked by i18n.test.ts). The report's official labels come
 * from the format model (src/report/format.ts) in both languages; use `useLabel` for them.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import zhCN from './zh-CN.json';
import en from './en.json';
import type { Label, LocalizedText } from '../report/index.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'nianbao.language';

export const resources = {
  'zh-CN': { ui: zhCN },
  en: { ui: en },
} as const;

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'zh-CN',
      defaultNS: 'ui',
      ns: ['ui'],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  syncDocumentLanguage(language);
  return i18next;
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
  await i18next.changeLanguage(language);
  syncDocumentLanguage(language);
}

/** 'zh' or 'en', the key into the core's Label and LocalizedText. */
export function useLang(): 'zh' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Picks the current language's text of a core Label or LocalizedText (labels, messages). */
export function useLabel(): (label: Label | LocalizedText) => string {
  const lang = useLang();
  return (label) => label[lang];
}

export { i18next };
