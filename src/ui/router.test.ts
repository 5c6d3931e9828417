// Issue 20 point 5: no route built from document text can throw, nor any hash typed in.
import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref } from './router.ts';

describe('routes from any text', () => {
  test.each(['\ud800平罗县', '平罗县\udfff', 'a/b?c#d%'])('a unit key %j makes a href that reads back without throwing', (unit) => {
    const href = routeHref({ name: 'review', unit });
    expect(() => parseRoute(href)).not.toThrow();
    const back = parseRoute(href);
    expect(back.name).toBe('review');
    expect((back as { unit: string }).unit).toBe(unit.replace(/[\ud800-\udfff]/g, '\ufffd'));
    expect(() => routeHref({ name: 'draft', id: unit })).not.toThrow();
    expect(() => routeHref({ name: 'print', id: unit })).not.toThrow();
  });

  test('a malformed escape in the hash is read as it is, not thrown', () => {
    expect(() => parseRoute('#/review/%E0%A4%A')).not.toThrow();
    expect(parseRoute('#/review/%E0%A4%A')).toEqual({ name: 'review', unit: '%E0%A4%A' });
    expect(parseRoute('#/drafts/%ZZ/print')).toEqual({ name: 'print', id: '%ZZ' });
  });
});
