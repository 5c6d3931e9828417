// Issue 20 point 2: the unsaved edits' second home (localStorage), apart from IndexedDB.
import { beforeEach, expect, test, vi } from 'vitest';
import { clearUnsaved, hasUnsaved, keepUnsaved, readUnsaved } from './unsavedJournal.ts';

beforeEach(() => localStorage.clear());

test('kept per draft, read back, cleared', () => {
  expect(keepUnsaved('a', { meta: { agency: '甲' } }, 1000)).toBe(true);
  keepUnsaved('b', { meta: { agency: '乙' } }, 2000);
  expect(readUnsaved('a')).toEqual({ at: 1000, document: { meta: { agency: '甲' } } });
  expect(hasUnsaved('b')).toBe(true);
  clearUnsaved('a');
  expect(readUnsaved('a')).toBeUndefined();
  expect(readUnsaved('b')?.document).toEqual({ meta: { agency: '乙' } });
});

test('a full localStorage is a false, never an exception; a damaged entry reads as none', () => {
  const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  expect(keepUnsaved('a', {})).toBe(false);
  setItem.mockRestore();
  localStorage.setItem('nianbao.unsaved.x', '{not json');
  expect(readUnsaved('x')).toBeUndefined();
  localStorage.setItem('nianbao.unsaved.y', 'null');
  expect(readUnsaved('y')).toBeUndefined();
});
