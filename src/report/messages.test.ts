// @vitest-environment node
/** message(): placeholders filled from params, in both languages, as i18next would. */
import { describe, expect, test } from 'vitest';
import { MESSAGES, message, type MessageKey, type MessageParams } from './messages.ts';

/** The plain reading of a template: each {{name}} replaced, unknown names left as written. */
function reference(template: string, params: MessageParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
}

describe('message', () => {
  test('fills every placeholder of every message, in both languages', () => {
    for (const key of Object.keys(MESSAGES) as MessageKey[]) {
      const names = [...`${MESSAGES[key].zh} ${MESSAGES[key].en}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((name, i) => [name, i % 2 ? i : `«${name}$&$1»`]));
      const filled = message(key, params);
      expect(filled).toEqual({ zh: reference(MESSAGES[key].zh, params), en: reference(MESSAGES[key].en, params) });
      expect(`${filled.zh}${filled.en}`).not.toMatch(/\{\{\w+\}\}/);
      // Twice: the second call reads the template as split by the first.
      expect(message(key, params)).toEqual(filled);
    }
  });

  test('a placeholder without a param stays as written; numbers print as numbers', () => {
    expect(message('rule.balance', { column: '自然人', left: 3 })).toEqual({
      zh: reference(MESSAGES['rule.balance'].zh, { column: '自然人', left: 3 }),
      en: reference(MESSAGES['rule.balance'].en, { column: '自然人', left: 3 }),
    });
    expect(message('rule.balance', { column: '自然人', left: 3 }).zh).toContain('{{right}}');
    expect(message('decode.missing')).toEqual(MESSAGES['decode.missing']);
  });
});
