import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Tests that catch downloads replace URL.createObjectURL/revokeObjectURL (jsdom has neither):
// whatever a test put there is gone after it, so no test sees another's mock.
const objectUrlFunctions = (['createObjectURL', 'revokeObjectURL'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(URL, name)] as const);
afterEach(() => {
  for (const [name, original] of objectUrlFunctions) {
    if (original) Object.defineProperty(URL, name, original);
    else delete (URL as unknown as Record<string, unknown>)[name];
  }
});
