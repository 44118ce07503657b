/**
 * The architecture, checked: the import graph of src and entrypoints (type imports included) has
 * no cycle, every import follows the layers of layers.config.js (the map the lint rule
 * reads too), and no hand-written source file is over 600 lines.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { areaOf, layerViolation } from '../../layers.config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = /\.(ts|tsx)$/;
/** Generated data, excluded from the size rule by name. */
const GENERATED = /\.data\.ts$/;
const MAX_LINES = 600;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function isFile(path: string): boolean {
  return existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();
}

/** The repository path a relative specifier names, or null for packages and Node built-ins. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = specifier.replace(/\?.*$/, '');
  const base = posix.normalize(posix.join(posix.dirname(from), bare));
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`]) {
    if (SOURCE.test(candidate) || candidate === base) {
      if (isFile(candidate)) return candidate;
    }
  }
  return base;
}

/** Every module a source file imports, type-only imports, re-exports and dynamic imports included. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => resolve(file, f.fileName)).filter((p): p is string => p !== null);
}

const files = [...walk('src'), ...walk('entrypoints')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one module (or a module importing itself). */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

/** One concrete loop through a component, written `a → b → … → a`, so the failure names it. */
function loopThrough(component: string[]): string {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const path = [start];
  const seen = new Set([start]);
  const step = (v: string): boolean => {
    for (const w of graph.get(v) ?? []) {
      if (w === start) return true;
      if (!members.has(w) || seen.has(w)) continue;
      seen.add(w);
      path.push(w);
      if (step(w)) return true;
      path.pop();
    }
    return false;
  };
  step(start);
  return [...path, start].join(' → ');
}

function layerBreaks(): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    const from = areaOf(file);
    if (from === null) continue;
    for (const target of targets) {
      const reason = layerViolation(from, target.replace(SOURCE, ''));
      if (reason !== null) out.push(`${file} → ${target}: ${reason}`);
    }
  }
  return out;
}

function oversized(): string[] {
  const all = [...files, ...walk('tests'), ...walk('bench'), ...walk('scripts')].filter((f) => !GENERATED.test(f));
  return all.filter((f) => readFileSync(join(ROOT, f), 'utf8').replace(/\n$/, '').split('\n').length > MAX_LINES);
}

describe('architecture', () => {
  it('reads the import graph, type imports included', () => {
    // A guard against a parser that silently finds nothing: known edges of each kind.
    expect(graph.get('src/vault/index.ts')?.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(300);
    const typeOnly = files.find((f) => /^import type .* from '\.[^']*';$/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(typeOnly).toBeDefined();
    const line = readFileSync(join(ROOT, typeOnly!), 'utf8').match(/^import type .* from '(\.[^']*)';$/m)![1]!;
    expect(graph.get(typeOnly!)).toContain(resolve(typeOnly!, line));
  });

  it('has no import cycle', () => {
    expect(cycles().map(loopThrough)).toEqual([]);
  });

  it('follows the layers of layers.config.js', () => {
    expect(layerBreaks()).toEqual([]);
  });

  it('places every source file of src and entrypoints in an area', () => {
    // Files directly in src/ are declarations and configs of the whole tree.
    expect(files.filter((f) => f.startsWith('src/') && f.split('/').length > 2 && areaOf(f) === null)).toEqual([]);
  });

  it(`has no hand-written source file over ${MAX_LINES} lines`, () => {
    expect(oversized()).toEqual([]);
  });
});
