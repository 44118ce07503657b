/**
 * The receiver page stands alone: it compiles with the DOM and no extension or Node types, and
 * imports only Preact, the bundle format, the readable view it shares with the CLI, the pure
 * kernel and its own files (the Vite config, run by Node, aside).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'src/receiver-page');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('receiver page boundary', () => {
  it('compiles with lib DOM and types []', async () => {
    const config = JSON.parse(readFileSync(join(PAGE, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: { types?: string[] } };
    expect(config.compilerOptions.types).toEqual([]);
    await new Promise<void>((done, fail) =>
      execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(PAGE, 'tsconfig.json')], { cwd: ROOT }, (error, stdout) =>
        error ? fail(new Error(stdout)) : done(),
      ),
    );
  }, 180_000);

  it('imports only preact, src/bundle, src/receiver-view, src/shared and itself', () => {
    const files = sources(PAGE).filter((f) => !f.endsWith('vite.config.ts'));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        const inside = [PAGE, ...['bundle', 'receiver-view', 'shared'].map((d) => join(ROOT, 'src', d))].some(
          (dir) => target === dir || target.startsWith(`${dir}/`),
        );
        const ok = spec.startsWith('.') ? inside : /^preact(\/hooks)?$/.test(spec);
        expect(ok, `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
    }
  });
});
