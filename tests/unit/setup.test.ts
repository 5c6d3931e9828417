/** The shared test setup (tests/setup.ts) puts back what a test mocked of the page. */
import { describe, expect, test, vi } from 'vitest';

const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

// In order: the second test sees what the first left behind, or not.
describe.sequential('URL.createObjectURL and revokeObjectURL', () => {
  test('a test mocks them', () => {
    URL.createObjectURL = vi.fn(() => 'blob:test');
    URL.revokeObjectURL = vi.fn();
    expect(URL.createObjectURL(new Blob(['x']))).toBe('blob:test');
  });

  test('the next test has the originals back', () => {
    expect(URL.createObjectURL).toBe(originalCreate);
    expect(URL.revokeObjectURL).toBe(originalRevoke);
    expect(vi.isMockFunction(URL.createObjectURL)).toBe(false);
  });
});
