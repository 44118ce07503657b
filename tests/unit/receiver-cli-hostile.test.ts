/**
 * The receiver CLI, spawned, against bundles a hostile sender made: signed texts full of
 * terminal escapes print as visible escapes; a data.json nested 100,000 levels deep is refused
 * with its exit code and leaves no folder; a folder that cannot be written leaves nothing
 * behind; every failure has its documented exit code.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './support/receiver-cli';
import { EXIT_CODES } from '../../src/receiver/sdk';
import { KEYS, makeBundle, smallContent, TIMES, withDataJson } from '../../scripts/make-bundle-vectors';
import { ATTACKS, hostileText, UNSAFE } from './support/hostile-text';
import { fromBase64Unpadded } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

const dir = mkdtempSync(join(tmpdir(), 'receiver-cli-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const identityFile = join(dir, 'recipient.txt');
writeFileSync(identityFile, `${KEYS.recipient}\n`);
const during = ['--now', TIMES.during.toISOString()];
const small = fromBase64Unpadded((JSON.parse(readFileSync(join(ROOT, 'tests/vectors/bundle/small-x25519.json'), 'utf8')) as { bundle: string }).bundle);

/** A bundle whose issuer name, recipient name, purpose and scope are all `text`. */
async function bundleSaying(text: string, label: string): Promise<string> {
  const content = smallContent();
  // Names are trimmed by the schema; a sender's text keeps its inner characters.
  const name = `T${text}T`;
  const bundle = await makeBundle(
    label,
    { ...content, purpose: { ...content.purpose, text: { da: text, en: text } }, scope: { ...content.scope, description: { da: text, en: text } } },
    {
      issuer: { ...KEYS.issuer, name },
    },
  );
  const path = join(dir, `${label}.handlerum`);
  writeFileSync(path, bundle);
  return path;
}

describe('receiver CLI against hostile bundles', () => {
  it('prints every control and bidi character a sender signed as a visible escape, in text and in JSON', async () => {
    const attack = ATTACKS.join(' ');
    const path = await bundleSaying(attack, 'attacks');
    const text = await cli(['verify', path, '-i', identityFile, ...during]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.replaceAll('\n', '')).not.toMatch(UNSAFE);
    expect(text.stdout).toContain('\\x1b[2J');
    expect(text.stdout).toContain('\\x1b]52;c;');
    expect(text.stdout).toContain('\\x0d\\x0aTil: age1forged');
    expect(text.stdout).toContain('\\u202eevil');
    // One line per fact: the forged "Til:" stays inside the purpose line.
    expect(text.stdout.split('\n').filter((l) => /^(Til|To):/.test(l))).toHaveLength(1);
    const json = await cli(['verify', path, '-i', identityFile, ...during, '--json']);
    expect(json.stdout.trimEnd()).not.toMatch(UNSAFE);
    expect((JSON.parse(json.stdout) as { summary: { purpose: { text: { en: string } } } }).summary.purpose.text.en).toBe(attack);
  }, 60_000);

  it('whatever text a sender signs, stdout holds no control character but line ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText.filter((t) => t.trim().length > 0 && t.length < 150),
        async (text) => {
          const run = await cli(['verify', await bundleSaying(text, 'fuzz'), '-i', identityFile, ...during]);
          expect(run.code, run.stderr).toBe(0);
          expect(run.stdout.replaceAll('\n', '')).not.toMatch(UNSAFE);
          // Eight facts, the status line, and the final line end.
          expect(run.stdout.split('\n')).toHaveLength(10);
        },
      ),
      { numRuns: process.env.SLOW === '1' ? 30 : 3 },
    );
  }, 120_000);

  it('a data.json nested 100,000 levels deep: exit 19, no folder, no temporary folder', async () => {
    const path = join(dir, 'deep.handlerum');
    writeFileSync(path, withDataJson(small, 'cli-deep', utf8(`{"d":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)));
    const out = join(dir, 'deep-out');
    const before = readdirSync(dir);
    const run = await cli(['open', path, '-i', identityFile, '--out', out, ...during]);
    expect(run.code, run.stderr).toBe(EXIT_CODES['too-large']);
    expect(run.stderr).toContain('too-large');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before.sort());
  }, 60_000);

  it('a write that fails part-way: exit 4, and neither the folder nor a temporary one is left', async () => {
    // `files/a` and `files/a/b` are both plain paths, but one cannot be a file and a folder.
    const clash = await makeBundle('clash', {
      ...smallContent(),
      files: [
        { path: 'files/a', mediaType: 'text/plain', bytes: utf8('a') },
        { path: 'files/a/b', mediaType: 'text/plain', bytes: utf8('b') },
      ],
    });
    const path = join(dir, 'clash.handlerum');
    writeFileSync(path, clash);
    const before = readdirSync(dir);
    const out = join(dir, 'clash-out');
    const run = await cli(['open', path, '-i', identityFile, '--out', out, ...during]);
    expect(run.code, run.stderr).toBe(EXIT_CODES.unwritable);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before.sort());
    // A parent that is a file: the folder cannot even be made.
    expect((await cli(['open', path, '-i', identityFile, '--out', join(path, 'out'), ...during])).code).toBe(EXIT_CODES.unwritable);
  }, 60_000);

  it('an unreadable bundle or identity file exits 3; a wrong option exits 2', async () => {
    const path = join(dir, 'ok.handlerum');
    writeFileSync(path, small);
    expect((await cli(['verify', join(dir, 'missing.handlerum'), '-i', identityFile, ...during])).code).toBe(EXIT_CODES.unreadable);
    expect((await cli(['verify', path, '-i', join(dir, 'missing.txt'), ...during])).code).toBe(EXIT_CODES.unreadable);
    writeFileSync(join(dir, 'no-key.txt'), '# nothing here\n');
    expect((await cli(['verify', path, '-i', join(dir, 'no-key.txt'), ...during])).code).toBe(EXIT_CODES.unreadable);
    expect((await cli(['verify', path, '--frobnicate'])).code).toBe(EXIT_CODES.usage);
  }, 60_000);

  it('every exit code is distinct and listed by --help', async () => {
    const codes = Object.values(EXIT_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const code of codes.filter((c) => c !== 0)) expect(help.stdout, String(code)).toMatch(new RegExp(`(^|\\s)${code} `, 'm'));
  }, 30_000);
});
