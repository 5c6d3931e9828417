import { act, renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { i18next, initI18n, setLanguage } from '../../i18n/index.ts';
import { useCachedT } from './cachedT.ts';

describe('useCachedT', () => {
  test('says what t() says, in the current language, and follows a language change', async () => {
    initI18n('zh-CN');
    await act(() => setLanguage('zh-CN'));
    const { result, rerender } = renderHook(() => useCachedT());
    expect(result.current('editor.severity.error')).toBe(i18next.t('editor.severity.error'));
    expect(result.current('editor.findings.group.error', { n: 3 })).toBe(i18next.t('editor.findings.group.error', { n: 3 }));
    expect(result.current('editor.findings.group.error', { n: 4 })).toBe(i18next.t('editor.findings.group.error', { n: 4 }));
    const zh = result.current('editor.severity.error');
    await act(() => setLanguage('en'));
    rerender();
    expect(result.current('editor.severity.error')).toBe(i18next.t('editor.severity.error'));
    expect(result.current('editor.severity.error')).not.toBe(zh);
    await act(() => setLanguage('zh-CN'));
  });

  test('strings added later replace what was cached for their keys', async () => {
    initI18n('zh-CN');
    await act(() => setLanguage('zh-CN'));
    const { result } = renderHook(() => useCachedT());
    const key = 'editor.severity.error';
    const before = result.current(key);
    i18next.addResource('zh-CN', 'ui', key, '错误（新）');
    try {
      expect(result.current(key)).toBe('错误（新）');
    } finally {
      i18next.addResource('zh-CN', 'ui', key, before);
    }
  });
});
