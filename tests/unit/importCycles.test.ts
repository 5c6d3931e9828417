// @vitest-environment node
/**
 * No import cycle in src/ (issue 16 point 13): a module that imports, directly or through
 * others, a module that imports it back loads in an order that depends on who came first,
 * and a type shared that way belongs lower down. Every kind of import counts: static, type-only,
 * re-exports and lazy `import()` (a lazily loaded part that imports its loader back is a circle too).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative modules a file imports (any kind), resolved to files. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.add(match[1]!);
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    if (!specifier.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
    const candidate = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => /\.tsx?$/.test(p) && existsSync(p));
    if (candidate) resolved.push(candidate);
  }
  return resolved;
}

/** Strongly connected components of more than one module (or a module importing itself). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(importsOf(join(SRC, 'report/messages.ts'), "import type { X } from './decodeMessages.ts';\nconst m = () => import('./rules/index.ts');")).toEqual([
      join(SRC, 'report/decodeMessages.ts'),
      join(SRC, 'report/rules/index.ts'),
    ]);
  });

  it('src/ has none, counting type-only, re-exported and lazy imports', () => {
    const files = sourceFiles(SRC);
    const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
    expect(graph.size).toBeGreaterThan(100);
    const named = cycles(graph).map((c) => c.map((f) => relative(ROOT, f)));
    expect(named).toEqual([]);
  });
});
