// @vitest-environment node
/** message(): placeholders filled from params, in both languages, as i18next would. */
import { describe, expect, test } from 'vitest';
import { DECODE_MESSAGES, decodeMessage } from './decodeMessages.ts';
import { MESSAGES, message, type LocalizedText, type MessageParams } from './messages.ts';

/** The plain reading of a template: each {{name}} replaced, unknown names left as written. */
function reference(template: string, params: MessageParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
}

describe('message', () => {
  test('fills every placeholder of every message, in both languages', () => {
    const catalogues: [Record<string, LocalizedText>, (key: never, params: MessageParams) => LocalizedText][] = [
      [MESSAGES, message],
      [DECODE_MESSAGES, decodeMessage],
    ];
    for (const [table, fill] of catalogues) {
      for (const key of Object.keys(table) as never[]) {
        const text = table[key]!;
        const names = [...`${text.zh} ${text.en}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        const params = Object.fromEntries(names.map((name, i) => [name, i % 2 ? i : `«${name}$&$1»`]));
        const filled = fill(key, params);
        expect(filled).toEqual({ zh: reference(text.zh, params), en: reference(text.en, params) });
        expect(`${filled.zh}${filled.en}`).not.toMatch(/\{\{\w+\}\}/);
        // Twice: the second call reads the template as split by the first.
        expect(fill(key, params)).toEqual(filled);
      }
    }
  });

  test('a placeholder without a param stays as written; numbers print as numbers', () => {
    expect(message('rule.balance', { column: '自然人', left: 3 })).toEqual({
      zh: reference(MESSAGES['rule.balance'].zh, { column: '自然人', left: 3 }),
      en: reference(MESSAGES['rule.balance'].en, { column: '自然人', left: 3 }),
    });
    expect(message('rule.balance', { column: '自然人', left: 3 }).zh).toContain('{{right}}');
    expect(decodeMessage('decode.missing')).toEqual(DECODE_MESSAGES['decode.missing']);
  });
});
