/**
 * What goes to the stores, checked on the real builds (the full suite builds before Vitest runs;
 * run on its own, this file builds what is missing first, one browser after the other):
 * - the zips of scripts/store-zips.ts: Chrome's store manifest has no development `key`, both
 *   zips carry the icons their manifests name, Firefox's manifest says what data leaves, and the
 *   sources zip holds what a reviewer needs to rebuild;
 * - Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org runs on upload) on
 *   the Firefox build: no errors, no notices, and no warnings about our code or manifest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStoreZips, storeManifest, type StoreZips } from '../../scripts/store-zips';

const ROOT = resolve(import.meta.dirname, '../..');

const BUILD_ARGS = { chrome: ['wxt', 'build'], firefox: ['wxt', 'build', '-b', 'firefox', '--mv3'] } as const;

/** The build directory of one browser, built now when there is none. */
function builtExtension(browser: 'chrome' | 'firefox'): string {
  const dir = join(ROOT, '.output', `${browser}-mv3`);
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync('npx', BUILD_ARGS[browser], { cwd: ROOT, stdio: 'ignore' });
  return dir;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => png[i] === byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const ICON_SIZES = [16, 32, 48, 128];

interface Manifest {
  key?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
}

const unzip = (path: string): Record<string, Uint8Array> => unzipSync(readFileSync(path));
const manifestIn = (files: Record<string, Uint8Array>): Manifest => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;

let outDir: string;
let zips: StoreZips;

beforeAll(() => {
  builtExtension('chrome');
  builtExtension('firefox');
  outDir = mkdtempSync(join(tmpdir(), 'handlerum-zips-'));
  zips = makeStoreZips(ROOT, outDir);
}, 240_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('store zips', () => {
  it('leave the development key out of the Chrome store manifest, and only the key', () => {
    const built = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as Manifest;
    expect(built.key, 'the development build keeps its fixed id').toBeTruthy();
    const packed = manifestIn(unzip(zips.chrome));
    expect(packed).not.toHaveProperty('key');
    expect({ ...packed, key: built.key }).toEqual(built);
  });

  it('storeManifest drops `key` and keeps the rest as it was', () => {
    expect(storeManifest({ key: 'abc', name: 'x', icons: { 16: 'a.png' } })).toEqual({ name: 'x', icons: { 16: 'a.png' } });
  });

  it.each(['chrome', 'firefox'] as const)('%s zip holds every icon its manifest names, at its size', (browser) => {
    const files = unzip(zips[browser]);
    const manifest = manifestIn(files);
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual(ICON_SIZES);
    const named = { ...manifest.icons, ...manifest.action?.default_icon };
    expect(Object.keys(manifest.action?.default_icon ?? {})).not.toHaveLength(0);
    for (const [size, path] of Object.entries(named)) {
      const png = files[path];
      expect(png, `${browser}: ${path}`).toBeDefined();
      expect(pngSize(png!)).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('Firefox zip is the build as it is, and says nothing leaves by default', () => {
    const files = unzip(zips.firefox);
    const gecko = manifestIn(files).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(new TextDecoder().decode(files['manifest.json'])).toBe(readFileSync(join(ROOT, '.output/firefox-mv3/manifest.json'), 'utf8'));
  });

  it('sources zip has the build instructions at its root and what the build reads', () => {
    const names = Object.keys(unzip(zips.sources));
    expect(names).toEqual(
      expect.arrayContaining([
        'BUILD.md',
        'package.json',
        'package-lock.json',
        'wxt.config.ts',
        'tsconfig.json',
        'entrypoints/background.ts',
        'public/icon/128.png',
      ]),
    );
    expect(names.filter((name) => name.startsWith('.output/') || name.startsWith('node_modules/'))).toEqual([]);
  });

  it('are the same bytes when packed twice', () => {
    const again = makeStoreZips(ROOT, join(outDir, 'again'));
    for (const kind of ['chrome', 'firefox', 'sources'] as const) expect(readFileSync(again[kind]).equals(readFileSync(zips[kind])), kind).toBe(true);
  });
});

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Preact's renderer sets `innerHTML` when a component passes dangerouslySetInnerHTML, which no
 * screen does; the bundle still carries that branch. A warning is Preact's only when the code
 * it points at is that very assignment.
 */
function isPreactInnerHtml(buildDir: string, warning: LintMessage): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || warning.column === undefined) return false;
  const line = readFileSync(join(buildDir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  return /^\.innerHTML=\w+\.__html\b/.test(line.slice(warning.column - 1, warning.column + 40).replace(/^\w+/, ''));
}

/**
 * pdf.js, which reads PDF letters in the letter worker, carries two paths we never take: it
 * compiles PostScript functions with `new Function` only when `isEvalSupported` is on (the
 * extractor turns it off, and the extension's CSP forbids eval anyway), and it `import()`s its
 * own worker script only when `globalThis.pdfjsWorker` is not set (the extractor sets it). A
 * warning is pdf.js's only when it is in the letter worker and points at exactly that code.
 */
function isPdfJsUnusedPath(buildDir: string, warning: LintMessage): boolean {
  if (warning.file !== 'letter-worker.js' || !warning.line || warning.column === undefined) return false;
  const line = readFileSync(join(buildDir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const at = line.slice(Math.max(0, warning.column - 20), warning.column + 40);
  if (warning.code === 'DANGEROUS_EVAL') return warning.message === 'The Function constructor is eval.' && /new Function\b|Function\(/.test(at);
  return warning.code === 'UNSAFE_VAR_ASSIGNMENT' && warning.message.startsWith('Unsafe call to import') && /import\(/.test(at);
}

describe('web-ext lint', () => {
  it('finds nothing to fix in the Firefox build', { timeout: 240_000 }, () => {
    const buildDir = builtExtension('firefox');
    const run = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', buildDir, '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as LintReport;
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    expect(report.warnings.filter((warning) => !isPreactInnerHtml(buildDir, warning) && !isPdfJsUnusedPath(buildDir, warning))).toEqual([]);
  });

  it('keeps pdf.js off its eval and worker-script paths', () => {
    const extractor = readFileSync(join(ROOT, 'src/letters/pdf/extract.ts'), 'utf8');
    expect(extractor).toMatch(/isEvalSupported: false/);
    expect(extractor).toMatch(/globalThis as \{ pdfjsWorker\?: unknown \}\)\.pdfjsWorker = worker/);
  });

  it('no screen sets HTML from a string, so the innerHTML warning can only be Preact’s', () => {
    const sources = spawnSync('git', ['grep', '-l', '-E', 'dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML', '--', 'src', 'entrypoints'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(sources.stdout.trim()).toBe('');
  });
});
