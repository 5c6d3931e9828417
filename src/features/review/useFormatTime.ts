import { useMemo } from 'react';
import { useLang } from '../../i18n/index.ts';

/** Date and time in the UI language, e.g. 2023/1/10 10:30 or 1/10/23, 10:30 AM. */
export function useFormatTime(): (time: number | string) => string {
  const lang = useLang();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'short' });
    return (time) => format.format(typeof time === 'number' ? time : Date.parse(time));
  }, [lang]);
}
