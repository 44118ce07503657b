/**
 * The receiver CLI, run as a person would run it (spawned): keygen writes an identity file the
 * stock age tools accept, verify prints who/what/purpose/until and exits with the code of the
 * reason, open writes the bundle's files into a folder and never overwrites.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './support/receiver-cli';
import { EXIT_CODES } from '../../src/receiver/sdk';
import { KEYS, TIMES } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded } from '../../src/shared/base64url';

const dir = mkdtempSync(join(tmpdir(), 'receiver-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const identityFile = join(dir, 'recipient.txt');
writeFileSync(identityFile, `# created: 2026-12-01T00:00:00Z\n# public key: (test)\n${KEYS.recipient}\n`);
const otherIdentityFile = join(dir, 'other.txt');
writeFileSync(otherIdentityFile, `${KEYS.otherRecipient}\n`);
const bundleFile = (name: string): string => {
  const vector = JSON.parse(readFileSync(join(ROOT, 'tests/vectors/bundle', `${name}.json`), 'utf8')) as { bundle: string; revocations?: string[] };
  const path = join(dir, `${name}.handlerum`);
  writeFileSync(path, fromBase64Unpadded(vector.bundle));
  if (vector.revocations) writeFileSync(`${path}.revocations`, `${vector.revocations.join('\n')}\n`);
  return path;
};
const during = ['--now', TIMES.during.toISOString()];

describe('receiver CLI', () => {
  it('keygen writes an identity file age-keygen reads, private to its owner, and prints the recipient', async () => {
    const out = join(dir, 'new-key.txt');
    const run = await cli(['keygen', '-o', out]);
    expect(run.code).toBe(0);
    const recipient = run.stdout.trim();
    expect(recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# created: .+\n# public key: age1.+\nAGE-SECRET-KEY-1[0-9A-Z]+\n$/);
    expect(statSync(out).mode & 0o077).toBe(0);
    expect(execFileSync('age-keygen', ['-y', out]).toString().trim()).toBe(recipient);
    expect((await cli(['keygen', '-o', out])).code).toBe(EXIT_CODES.unwritable);
  }, 30_000);

  it('verify tells who, what, the purpose and until when', async () => {
    const run = await cli(['verify', bundleFile('full-x25519'), '-i', identityFile, ...during]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('From: Thomas Nielsen');
    expect(run.stdout).toContain('Purpose: Advice on my case [legal-advice]');
    expect(run.stdout).toContain('Valid until: 2026-12-31T23:00:00.000Z');
    expect(run.stdout).toContain('files/transactions.csv');
    const danish = await cli(['verify', bundleFile('full-x25519'), '-i', identityFile, ...during], { LANG: 'da_DK.UTF-8' });
    expect(danish.stdout).toContain('Formål: Rådgivning om min sag');
  }, 30_000);

  it('verify exits with the code of the reason, and says it on stderr', async () => {
    const cases = [
      ['expired', ['--now', TIMES.after.toISOString()], 'expired'],
      ['tampered-zip-entry', during, 'tampered'],
      ['bad-signature', during, 'bad-signature'],
      ['unsupported-version', during, 'unsupported-version'],
      ['not-a-bundle', during, 'not-a-bundle'],
      ['not-yet-valid', ['--now', TIMES.issuedAt.toISOString()], 'not-yet-valid'],
    ] as const;
    const runs = await Promise.all(cases.map(([name, now]) => cli(['verify', bundleFile(name), '-i', identityFile, ...now])));
    runs.forEach((run, i) => {
      const reason = cases[i]![2];
      expect(run.code, reason).toBe(EXIT_CODES[reason]);
      expect(run.stderr).toContain(`(${reason}:`);
      expect(run.stdout).toBe('');
    });
  }, 60_000);

  it('verify: not-for-you, wrong-key and revoked', async () => {
    expect((await cli(['verify', bundleFile('not-for-you'), '-i', otherIdentityFile, ...during])).code).toBe(EXIT_CODES['not-for-you']);
    expect((await cli(['verify', bundleFile('small-x25519'), '-i', otherIdentityFile, ...during])).code).toBe(EXIT_CODES['wrong-key']);
    const revoked = bundleFile('revoked');
    const run = await cli(['verify', revoked, '-i', identityFile, '--revocations', `${revoked}.revocations`, ...during, '--json']);
    expect(run.code).toBe(EXIT_CODES.revoked);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await cli(['verify', revoked, '-i', identityFile, ...during])).code).toBe(0);
  }, 60_000);

  it('open writes the data and the files, and refuses a folder that is not empty', async () => {
    const out = join(dir, 'opened');
    const run = await cli(['open', bundleFile('full-x25519'), '-i', identityFile, '--out', out, ...during], { LANG: 'da_DK.UTF-8' });
    expect(run.code, run.stderr).toBe(0);
    for (const name of [
      'manifest.json',
      'data.json',
      'consent.json',
      'provenance.json',
      'files/transactions.csv',
      'files/transactions.ofx',
      'files/activities.ics',
      'files/health.fhir.json',
      'files/documents/afgorelse.pdf',
      'index.html',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    expect(readFileSync(join(out, 'files/transactions.csv'), 'utf8')).toContain('Føtex Aarhus C');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ version: 1, issuer: { name: 'Thomas Nielsen' } });
    // A page a person can read beside the files: Danish words, no scripts, links to the files.
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(index).toContain('<h1>Data fra Thomas Nielsen</h1>');
    expect(index).toContain('Føtex Aarhus C');
    expect(index).toContain('href="files/documents/afgorelse.pdf"');
    expect(index).not.toMatch(/<script/i);
    const again = await cli(['open', bundleFile('full-x25519'), '-i', identityFile, '--out', out, ...during]);
    expect(again.code).toBe(EXIT_CODES.unwritable);
    expect(again.stderr).toContain('not empty');
    const refused = join(dir, 'refused');
    mkdirSync(refused);
    expect((await cli(['open', bundleFile('wrong-hash'), '-i', identityFile, '--out', refused, ...during])).code).toBe(EXIT_CODES.tampered);
    expect(existsSync(join(refused, 'data.json'))).toBe(false);
  }, 60_000);

  it('opens a passphrase bundle with the passphrase from the environment', async () => {
    const run = await cli(['verify', bundleFile('small-passphrase'), '--passphrase-env', 'BUNDLE_PASS', ...during], { BUNDLE_PASS: KEYS.passphrase });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('To: a passphrase');
    expect((await cli(['verify', bundleFile('small-passphrase'), '--passphrase-env', 'BUNDLE_PASS', ...during], { BUNDLE_PASS: 'forkert' })).code).toBe(
      EXIT_CODES['wrong-key'],
    );
  }, 30_000);

  it('usage errors exit 2 with a message', async () => {
    expect((await cli([])).code).toBe(EXIT_CODES.usage);
    const run = await cli(['verify', bundleFile('small-x25519')]);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('-i <identity file>');
    expect((await cli(['frobnicate', 'x'])).code).toBe(EXIT_CODES.usage);
  }, 30_000);
});
