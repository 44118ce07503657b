/**
 * Sharing in Firefox ESR, from the citizen's vault to the recipient's screen: the recipient (a
 * lawyer) makes a key with the receiver kit's CLI; the citizen creates a vault, writes two
 * notes, keeps their public identity file, adds the lawyer by pasting the age1… key (and an
 * accountant from a picture of a QR code), runs the share wizard to the approval screen and
 * downloads the bundle. The lawyer opens that file on the static receiver page, served from
 * 127.0.0.1 and opened in Firefox under its own strict CSP, loads the key file, and sees the
 * same note, the fingerprint of the citizen's signing key, the purpose and the last day; the
 * same bundle with one byte changed is refused as tampered. The citizen then withdraws the share
 * and the ledger says so. Debian's Firefox ESR has an English UI, so both pages are in English.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { jwkFingerprint, openBundle, recipientFingerprint } from '../../src/bundle/index';
import { en as RECEIVER } from '../../src/receiver-page/i18n/en';
import { humanFingerprintOf, keygen, parseIdentityFile } from '../../src/receiver/sdk';
import type { IdentityFile } from '../../src/sharing/identity';
import { launchFirefox, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import {
  addNote,
  attributeOf,
  check,
  chooseFile,
  click,
  createVault,
  fill,
  setValue,
  textOf,
  visibleText,
  waitForFocusOn,
  waitForText,
  waitUntil,
} from './harness/firefox-ui';
import { serveStatic, type StaticServer } from './harness/static-server';
import { EN, PASSPHRASE, text, textCount } from './harness/vault-ui';

const REPO = resolve(import.meta.dirname, '../..');
/** The built receiver page; RECEIVER_PAGE_DIR points elsewhere (e.g. a private build). */
const RECEIVER_DIR = resolve(process.env.RECEIVER_PAGE_DIR ?? join(REPO, '.output/receiver'));

const work = mkdtempSync(join(tmpdir(), 'handlerum-share-firefox-'));
const downloads = join(work, 'downloads');
let firefox: FirefoxSession | undefined;
let receiver: StaticServer | undefined;

beforeAll(async () => {
  if (!existsSync(join(RECEIVER_DIR, 'index.html'))) throw new Error(`no receiver page in ${RECEIVER_DIR}: run npm run build first`);
  receiver = await serveStatic(RECEIVER_DIR);
  mkdirSync(downloads);
  firefox = await launchFirefox({ downloadDir: downloads });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  await receiver?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The finished download named like `pattern` (Firefox writes `<name>.part` until it is done); exactly one. */
async function finishedDownload(page: Page, pattern: RegExp): Promise<string> {
  const done = await waitUntil(page, `a download named like ${pattern}`, async () => {
    const names = readdirSync(downloads);
    if (names.some((n) => n.endsWith('.part'))) return null;
    const matching = names.filter((n) => pattern.test(n));
    return matching.length > 0 && matching.every((n) => statSync(join(downloads, n)).size > 0) ? matching : null;
  });
  expect(done, 'downloads of one click').toHaveLength(1);
  return join(downloads, done[0]!);
}

/** Records Content-Security-Policy violations in every document the page loads. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? ['the watcher did not run']);
}

/** Opens a bundle file on the receiver page with the key file, and waits for the result or the refusal. */
async function openOnReceiverPage(page: Page, bundle: string, keyFile: string): Promise<void> {
  await chooseFile(page, RECEIVER['form.fileLabel'], bundle);
  await chooseFile(page, RECEIVER['form.keyFileLabel'], keyFile);
  await waitForText(page, RECEIVER['form.keyFileLoaded'].replace('{name}', 'advokat-jensen.txt'));
  await click(page, RECEIVER['form.submit']);
}

describe('sharing in Firefox ESR', () => {
  it('shares a note with a key made by the receiver CLI, opens the download on the receiver page, refuses it tampered, and withdraws the share', async () => {
    // The lawyer's key, made with the receiver kit as a recipient would (an age-keygen style file).
    const keyFile = join(work, 'advokat-jensen.txt');
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'src/receiver/cli.ts', 'keygen', '-o', keyFile], {
      cwd: REPO,
      env: { ...process.env, LANG: 'en' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keyText = readFileSync(keyFile, 'utf8');
    const ageRecipient = /^# public key: (age1[a-z0-9]+)$/m.exec(keyText)?.[1];
    if (!ageRecipient) throw new Error(`the key file names no public key:\n${keyText}`);
    expect(printed).toContain(ageRecipient);
    const identity = parseIdentityFile(keyText);
    const recipientGroups = humanFingerprintOf(recipientFingerprint(ageRecipient)).split(' ');

    // The citizen's vault, made through the page (Argon2id in the KDF worker, as in real use).
    const vault = await firefox!.openPage('vault.html');
    await waitForText(vault, EN['create.title']);
    expect(await vault.evaluate(() => document.documentElement.lang)).toBe('en');
    await createVault(vault, 'Thomas', PASSPHRASE);
    await addNote(vault, 'Kostplan', 'Mindre sukker, mere grønt.');
    await addNote(vault, 'Privat dagbog', 'Må ikke deles.');

    await click(vault, EN['section.sharing'], { within: 'nav' });
    await waitForText(vault, text(EN, 'sharing.title', { name: 'Thomas' }));
    // The citizen's public identity file (a download too): the key others send to, whose
    // fingerprint the page shows, and the signing key every bundle of theirs names.
    const shownFingerprint = await attributeOf(vault, 'p.fingerprint[data-fingerprint]', 'data-fingerprint');
    await click(vault, EN['sharing.identity.download']);
    const identityFile = JSON.parse(readFileSync(await finishedDownload(vault, /^handlerum-key-thomas\.json$/), 'utf8')) as IdentityFile;
    expect(identityFile).toMatchObject({ name: 'Thomas', fingerprint: shownFingerprint });
    expect(recipientFingerprint(identityFile.ageRecipient)).toBe(shownFingerprint);
    const signingFingerprint = jwkFingerprint(identityFile.signingKey);
    // The vault shows the signing key's fingerprint too: what the receiver page will name as the sender.
    expect(await attributeOf(vault, 'p.fingerprint[data-signing-fingerprint]', 'data-signing-fingerprint')).toBe(signingFingerprint);

    // The lawyer, added by pasting the age1… key; the vault shows the key's own fingerprint.
    await fill(vault, EN['sharing.recipients.pasteLabel'], ageRecipient);
    await fill(vault, EN['sharing.recipients.nameLabel'], 'Advokat Jensen');
    await click(vault, EN['sharing.recipients.add']);
    await waitForText(vault, text(EN, 'sharing.recipients.done', { name: 'Advokat Jensen', fingerprint: recipientGroups.join(' ') }));

    // A second recipient from a picture of their QR code (read with jsQR from a canvas).
    const accountant = keygen(new Date());
    const qr = qrcode(0, 'M');
    qr.addData(accountant.recipient);
    qr.make();
    const qrPicture = join(work, 'revisor-holm-qr.gif');
    writeFileSync(qrPicture, Buffer.from(qr.createDataURL(6, 24).split(',')[1]!, 'base64'));
    await fill(vault, EN['sharing.recipients.nameLabel'], 'Revisor Holm');
    await chooseFile(vault, EN['sharing.recipients.qrLabel'], qrPicture);
    const accountantGroups = humanFingerprintOf(recipientFingerprint(accountant.recipient)).split(' ');
    await waitForText(vault, text(EN, 'sharing.recipients.done', { name: 'Revisor Holm', fingerprint: accountantGroups.join(' ') }));

    // The wizard: who, why, what, until when, and the approval of exactly what leaves.
    await click(vault, EN['sharing.start']);
    await waitForFocusOn(vault, EN['sharing.wizard.recipient']);
    await check(vault, `Advokat Jensen (${recipientGroups.slice(0, 3).join(' ')} …)`);
    expect(await vault.evaluate(() => document.querySelectorAll('.wizard input[name="recipient"]').length)).toBe(2);
    await click(vault, EN['sharing.wizard.next']);
    await waitForFocusOn(vault, EN['sharing.wizard.purpose']);
    await fill(vault, EN['sharing.wizard.purposeLabel'], 'Help with my appeal');
    await click(vault, EN['sharing.wizard.next']);
    await waitForFocusOn(vault, EN['sharing.wizard.data']);
    await check(vault, 'Kostplan');
    await click(vault, EN['sharing.wizard.next']);
    await waitForFocusOn(vault, EN['sharing.wizard.expiry']);
    const lastDay = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await setValue(vault, EN['sharing.wizard.expiryDateLabel'], lastDay);
    await click(vault, EN['sharing.wizard.next']);
    await waitForFocusOn(vault, EN['sharing.wizard.approve']);
    expect(await vault.evaluate(() => [...document.querySelectorAll('ul.approval-items li')].map((li) => li.textContent))).toEqual([
      text(EN, 'sharing.item.note', { label: 'Kostplan' }),
    ]);
    expect(await visibleText(vault, '.approval')).toContain('Help with my appeal');
    await click(vault, EN['sharing.wizard.approveButton']);
    await waitForFocusOn(vault, EN['sharing.wizard.done']);

    // The download: Firefox saves the blob under the vault's file name.
    await click(vault, EN['sharing.wizard.download']);
    const bundleFile = await finishedDownload(vault, /^handlerum-deling-\d{4}-\d{2}-\d{2}\.hrbundle$/);
    await waitForText(vault, EN['sharing.delivery.ok.download'], { within: '.wizard' });
    const bundleBytes = new Uint8Array(readFileSync(bundleFile));

    // The same file opens with the kit in Node: one note, made for this key, until the last day.
    const opened = await openBundle(bundleBytes, { identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.data).toEqual({ notes: [expect.objectContaining({ title: 'Kostplan', body: 'Mindre sukker, mere grønt.' })] });
    expect(opened.manifest.issuer).toEqual({ name: 'Thomas', jwk: identityFile.signingKey });
    expect(opened.manifest.recipient).toMatchObject({ kind: 'x25519', fingerprint: recipientFingerprint(ageRecipient) });
    const copenhagenDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.parse(iso) - 1));
    expect(copenhagenDay(opened.manifest.expiresAt)).toBe(lastDay);

    // The receiver page, from a static host on 127.0.0.1, in Firefox.
    const page = await firefox!.browser.newPage();
    const cspViolations = await watchCsp(page);
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url()));
    await page.goto(`${receiver!.url}/index.html`);
    await waitForText(page, RECEIVER['page.title']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await openOnReceiverPage(page, bundleFile, keyFile);
    await waitForText(page, RECEIVER['result.checked'], { timeoutMs: 60_000 });
    expect(await textOf(page, '[data-testid="validity"]')).toBe(RECEIVER['result.valid']);
    expect(await textOf(page, '[data-testid="issuer"]')).toBe('Thomas');
    expect(await textOf(page, '[data-testid="fingerprint"]')).toBe(humanFingerprintOf(signingFingerprint));
    expect(await textOf(page, '[data-testid="purpose"]')).toBe('Help with my appeal');
    const until = await textOf(page, '[data-testid="valid-until"]');
    const lastDayInWords = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${lastDay}T12:00:00Z`));
    expect(until).toContain(lastDayInWords);
    const shown = await visibleText(page, 'article.result');
    expect(shown).toContain('Kostplan');
    expect(shown).toContain('Mindre sukker, mere grønt.');
    expect(shown).not.toContain('dagbog');
    expect(shown).toContain('Advokat Jensen');

    // The same bundle with one byte of its ciphertext changed is refused, and says why.
    const tamperedBytes = bundleBytes.slice();
    tamperedBytes[tamperedBytes.length - 40]! ^= 0x01;
    const tamperedFile = join(work, 'tampered.hrbundle');
    writeFileSync(tamperedFile, tamperedBytes);
    const inNode = await openBundle(tamperedBytes, { identity, now: new Date() });
    expect(inNode.ok ? 'opened' : inNode.reason).toBe('tampered');
    await click(page, RECEIVER['result.openAnother']);
    await openOnReceiverPage(page, tamperedFile, keyFile);
    const refusal = await waitUntil(page, 'the refusal', () =>
      page.evaluate(() => document.querySelector('[role="alert"][data-reason]')?.getAttribute('data-reason') ?? null),
    );
    expect(refusal).toBe('tampered');
    expect(await visibleText(page, '[role="alert"][data-reason]')).toContain(RECEIVER['fail.tampered']);

    // The page fetched only its own files, and its CSP refused nothing. (Firefox reports a
    // data: font of its own for the form controls; data: and blob: URLs never leave the machine.)
    expect(requested.filter((url) => !url.startsWith(`${receiver!.url}/`) && !/^(?:data|blob):/.test(url))).toEqual([]);
    expect(receiver!.requests.every((path) => path === '/index.html' || path.startsWith('/assets/') || path === '/favicon.ico')).toBe(true);
    expect(await cspViolations()).toEqual([]);
    await page.close();

    // Back in the vault: the share is in the ledger, active, and is withdrawn.
    await click(vault, EN['sharing.wizard.finish']);
    const grant = 'ul.grants > li';
    await waitForText(vault, EN['sharing.grants.status.active'], { within: grant });
    expect(await vault.evaluate((s) => document.querySelector(s)?.getAttribute('data-status'), grant)).toBe('active');
    await click(vault, EN['sharing.grants.revoke'], { within: grant, containing: 'Advokat Jensen' });
    await waitForText(vault, text(EN, 'sharing.grants.revokeConfirm', { name: 'Advokat Jensen' }), { within: 'dialog' });
    await click(vault, EN['sharing.grants.revoke'], { within: 'dialog' });
    await waitForText(vault, text(EN, 'sharing.grants.revokedNoEndpoint', { name: 'Advokat Jensen' }));
    await waitForText(vault, EN['sharing.grants.status.revoked'], { within: grant });
    expect(await vault.evaluate((s) => document.querySelector(s)?.getAttribute('data-status'), grant)).toBe('revoked');

    // The vault's own log holds the share and the withdrawal, and its chain checks out.
    await click(vault, EN['sharing.log.verify']);
    await waitForText(vault, textCount(EN, 'sharing.log.valid', 2));
  });
});
