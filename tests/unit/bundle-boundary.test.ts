/**
 * The platform boundary, proven by the compiler and by the import lines: src/bundle (and the
 * receiver SDK) compile with only ES2022 and no @types at all, src/bundle imports nothing but
 * itself, the shared kernel (src/shared, which imports nothing) and its few pure libraries, and
 * src/receiver imports only src/bundle and src/shared (plus Node in the CLI).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('platform boundary', () => {
  it('tsc -p src/bundle and -p src/receiver pass with lib ES2022 and types []', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'src/bundle/tsconfig.json'), 'utf8')) as { compilerOptions: { lib?: string[]; types?: string[] } };
    expect(config.compilerOptions.lib).toEqual(['ES2022']);
    expect(config.compilerOptions.types).toEqual([]);
    expect(JSON.parse(readFileSync(join(ROOT, 'src/receiver/tsconfig.json'), 'utf8'))).toMatchObject({ extends: '../bundle/tsconfig.json' });
    const tsc = (project: string) =>
      new Promise<void>((done, fail) =>
        execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, project)], { cwd: ROOT }, (error, stdout) =>
          error ? fail(new Error(`${project}: ${stdout}`)) : done(),
        ),
      );
    await Promise.all([tsc('src/bundle/tsconfig.json'), tsc('src/receiver/tsconfig.json')]);
  }, 180_000);

  const inShared = (target: string) => target.startsWith(join(ROOT, 'src/shared'));

  it('src/bundle imports only itself, src/shared, @noble/*, zod and canonicalize', () => {
    const files = sources(join(ROOT, 'src/bundle'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        const ok = spec.startsWith('.')
          ? target.startsWith(join(ROOT, 'src/bundle')) || target.startsWith(join(ROOT, 'src/shared'))
          : /^(@noble\/(ciphers|curves|hashes)\/|zod$|canonicalize$)/.test(spec);
        expect(ok, `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('src/shared imports only itself', () => {
    const files = sources(join(ROOT, 'src/shared'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        expect(spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(ROOT, 'src/shared')), `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('src/receiver imports only src/bundle, src/shared and itself; only the CLI and its folder writer use Node', () => {
    const files = sources(join(ROOT, 'src/receiver'));
    expect(files.map((f) => relative(ROOT, f)).sort()).toEqual([
      'src/receiver/cli-folder.ts',
      'src/receiver/cli-index.ts',
      'src/receiver/cli-text.ts',
      'src/receiver/cli.ts',
      'src/receiver/sdk.ts',
      'src/receiver/terminal.ts',
    ]);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        const ok = spec.startsWith('.')
          ? target.startsWith(join(ROOT, 'src/bundle')) || target.startsWith(join(ROOT, 'src/receiver')) || inShared(target)
          : (file.endsWith('cli.ts') || file.endsWith('cli-folder.ts')) && spec.startsWith('node:');
        expect(ok, `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      }
    }
  });
});
