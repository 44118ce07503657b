/**
 * Packs the built extension into the files the stores take: the Chrome Web Store zip (the
 * manifest without `key`, which only fixes the id of an unpacked development copy; the store
 * gives the extension its own id), the addons.mozilla.org zip, and the sources zip AMO asks for
 * (every file under version control, with build instructions at its root). The zips hold the
 * very build the tests ran against; packing changes nothing but Chrome's manifest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export interface StoreZips {
  chrome: string;
  firefox: string;
  sources: string;
}

// A fixed date in every entry, so the same input gives the same zip byte for byte.
const ENTRY_DATE = new Date('2026-01-01T00:00:00Z');

/** The Chrome manifest as the store wants it: everything but the development `key`. */
export function storeManifest(manifest: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { key: _developmentKey, ...rest } = manifest;
  return rest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

function zipOf(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, data] of files) entries[path] = [data, { mtime: ENTRY_DATE }];
  return zipSync(entries, { level: 9 });
}

function builtFiles(buildDir: string): Map<string, Uint8Array> {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No build in ${buildDir}: run \`npm run build\` first (or \`npm run zip\`, which builds).`);
  }
  return new Map(filesUnder(buildDir).map((path) => [path, readFileSync(join(buildDir, path))]));
}

/** Every file under version control, as it is in the working tree, plus BUILD.md at the root. */
function sourceFiles(root: string): Map<string, Uint8Array> {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  // A file deleted but not yet committed is left out; the build would not see it either.
  const present = tracked.filter((path) => existsSync(join(root, path)));
  const files = new Map(present.sort().map((path) => [path, readFileSync(join(root, path))]));
  files.set('BUILD.md', readFileSync(join(root, 'docs/building-from-source.md')));
  return files;
}

/** Writes the three zips into outDir from the builds in `<root>/.output`; returns their paths. */
export function makeStoreZips(root: string, outDir: string): StoreZips {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const chromeFiles = builtFiles(join(root, '.output/chrome-mv3'));
  const manifest = JSON.parse(new TextDecoder().decode(chromeFiles.get('manifest.json'))) as Record<string, unknown>;
  chromeFiles.set('manifest.json', new TextEncoder().encode(JSON.stringify(storeManifest(manifest))));
  const firefoxFiles = builtFiles(join(root, '.output/firefox-mv3'));

  mkdirSync(outDir, { recursive: true });
  const zips: StoreZips = {
    chrome: resolve(outDir, `handlerum-${version}-chrome.zip`),
    firefox: resolve(outDir, `handlerum-${version}-firefox.zip`),
    sources: resolve(outDir, `handlerum-${version}-sources.zip`),
  };
  writeFileSync(zips.chrome, zipOf(chromeFiles));
  writeFileSync(zips.firefox, zipOf(firefoxFiles));
  writeFileSync(zips.sources, zipOf(sourceFiles(root)));
  return zips;
}

/** A path relative to the current directory, for messages. */
export function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}
