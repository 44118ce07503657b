/**
 * `npm run zip`: builds both browsers and packs the store zips into .output/ (scripts/store-zips.ts).
 * `--reuse-build` packs the builds already in .output/ (CI packs the build its tests just ran on).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { makeStoreZips, shown } from './store-zips';

const root = resolve(import.meta.dirname, '..');
if (!process.argv.includes('--reuse-build')) {
  execFileSync('npm', ['run', '--silent', 'build:chrome'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'build:firefox'], { cwd: root, stdio: 'inherit' });
}
const zips = makeStoreZips(root, resolve(root, '.output'));
console.log(`Chrome Web Store:   ${shown(zips.chrome)}`);
console.log(`addons.mozilla.org: ${shown(zips.firefox)}`);
console.log(`Sources for AMO:    ${shown(zips.sources)}`);
