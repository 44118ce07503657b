/**
 * Meta-tests: every record kind is registered, documented, versioned and has a fixture; and the
 * dependencies point one way (ui → messaging → vault → records), checked on the import lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, findKind } from '../../src/records/registry';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('record kinds', () => {
  it('have unique names', () => {
    const names = RECORD_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: named, described, versioned, found by name', (name, kind) => {
    expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(kind.description.length).toBeGreaterThan(20);
    expect(kind.description.trim()).toMatch(/\.$/);
    expect(Number.isInteger(kind.version) && kind.version >= 1).toBe(true);
    for (let v = 1; v < kind.version; v++) expect(typeof kind.migrations[v], `migration from ${v}`).toBe('function');
    expect(['profile', 'vault']).toContain(kind.scope);
    expect(findKind(name)).toBe(kind);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: has a fixture its schema accepts', (name, kind) => {
    const file = join(ROOT, 'tests/fixtures/records', `${name}.json`);
    expect(existsSync(file), file).toBe(true);
    const parsed = kind.schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    expect(parsed.success, parsed.success ? '' : String(parsed.error)).toBe(true);
  });

  it('every fixture belongs to a registered kind', () => {
    const fixtures = readdirSync(join(ROOT, 'tests/fixtures/records')).filter((f) => f.endsWith('.json'));
    for (const file of fixtures) expect(findKind(file.replace(/\.json$/, '')), file).toBeDefined();
  });
});

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

interface ImportLine {
  file: string;
  target: string;
  typeOnly: boolean;
}

/** Every static and dynamic import and re-export, resolved to a path from the repository root. */
function importsOf(file: string): ImportLine[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: ImportLine[] = [];
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^;'"]*?\sfrom\s+['"]([^'"]+)['"]/gms,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /import\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const match of text.matchAll(patterns[0]!)) found.push({ file, target: match[3]!, typeOnly: Boolean(match[2]) });
  for (const match of text.matchAll(patterns[1]!)) found.push({ file, target: match[1]!, typeOnly: false });
  for (const match of text.matchAll(patterns[2]!)) found.push({ file, target: match[1]!, typeOnly: false });
  return found.map((i) => ({
    ...i,
    target: i.target.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), i.target)) : i.target,
  }));
}

const under = (path: string, ...dirs: string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));

describe('dependency direction', () => {
  it('finds the files it checks', () => {
    expect(sourceFiles('src/vault').length).toBeGreaterThan(10);
    expect(importsOf('src/vault/vault.ts').some((i) => i.target === 'src/vault/record-store')).toBe(true);
  });

  it('src/vault and src/records import nothing from ui, messaging, background or entrypoints', () => {
    const offending = [...sourceFiles('src/vault'), ...sourceFiles('src/records')]
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/ui', 'src/messaging', 'src/background', 'entrypoints') || /^[@~]{1,2}\//.test(i.target));
    expect(offending).toEqual([]);
  });

  it('src/records imports nothing from src/vault', () => {
    const offending = sourceFiles('src/records')
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/vault'));
    expect(offending).toEqual([]);
  });

  it('src/vault imports from src/records only the types of src/records/kind.ts (the kinds come from its caller)', () => {
    const fromRecords = sourceFiles('src/vault')
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/records'));
    expect(fromRecords.length).toBeGreaterThan(0);
    expect(fromRecords.filter((i) => !i.typeOnly || i.target.replace(/\.(ts|js)$/, '') !== 'src/records/kind')).toEqual([]);
  });

  it('src/ui imports vault code only as types, or from src/vault/crypto/{kdf,bytes} and src/vault/errors', () => {
    // errors.ts is the error contract of the message boundary (src/messaging/client.ts rebuilds
    // VaultError on the page side), pure and without keys or storage, so the UI may test codes.
    const allowed = ['src/vault/crypto/kdf', 'src/vault/crypto/bytes', 'src/vault/errors'];
    const offending = sourceFiles('src/ui')
      .flatMap(importsOf)
      .filter((i) => under(i.target, 'src/vault') && !i.typeOnly && !allowed.includes(i.target.replace(/\.(ts|js)$/, '')));
    expect(offending).toEqual([]);
  });

  it('the import scanner tells type-only imports from value imports', () => {
    const lines = importsOf('src/messaging/api.ts');
    expect(lines.find((i) => i.target === 'src/vault/public-types')?.typeOnly).toBe(true);
    expect(lines.find((i) => i.target === 'zod')?.typeOnly).toBe(false);
  });
});
