/**
 * What JSON.parse does not tell about a file's text: a key given twice in one object (JSON.parse
 * keeps the last silently, and a reviver only sees the result), containers nested deeper than a
 * report ever is, and where a text that was cut off ends. One pass over the characters with an
 * explicit stack (no recursion, so no nesting can overflow it), on text of any validity.
 */

export type JsonTextFault =
  | { readonly kind: 'duplicateKey'; readonly path: readonly (string | number)[]; readonly key: string }
  | { readonly kind: 'tooDeep'; readonly path: readonly (string | number)[] }
  | { readonly kind: 'truncated'; readonly path: readonly (string | number)[]; readonly line: number; readonly column: number };

interface Frame {
  /** The keys of an object seen so far; null for an array. */
  readonly keys: Set<string> | null;
  /** The current key of an object, or the current index of an array. */
  at: string | number;
  /** An object expects a key next (after `{` or `,`). */
  expectKey: boolean;
}

const pathOf = (stack: readonly Frame[], depth = stack.length): (string | number)[] => stack.slice(0, depth).map((f) => f.at);

/** A key's text as JSON.parse reads it (escapes resolved), or undefined when it is not valid. */
function keyOf(token: string): string | undefined {
  if (token.indexOf('\\') < 0) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return undefined;
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * The first fault of the text, or undefined. `maxDepth` counts containers: the document itself
 * is depth 1. A text that ends inside a string or an open container is `truncated` (at its end).
 */
export function scanJsonText(text: string, maxDepth: number): JsonTextFault | undefined {
  const stack: Frame[] = [];
  const n = text.length;
  const truncated = () => {
    // An object waiting for its next key is cut off in itself, not in its previous key.
    const top = stack[stack.length - 1];
    const path = pathOf(stack, top?.keys && (top.expectKey || top.at === '') ? stack.length - 1 : stack.length);
    return { kind: 'truncated' as const, path, ...lineAndColumn(text, n) };
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) return truncated();
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = keyOf(text.slice(i, end + 1));
        if (key !== undefined) {
          if (top.keys.has(key)) return { kind: 'duplicateKey', path: [...pathOf(stack, stack.length - 1), key], key };
          top.keys.add(key);
          top.at = key;
        }
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return { kind: 'tooDeep', path: pathOf(stack) };
      stack.push(c === 0x7b ? { keys: new Set(), at: '', expectKey: true } : { keys: null, at: 0, expectKey: false });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return stack.length > 0 ? truncated() : undefined;
}
