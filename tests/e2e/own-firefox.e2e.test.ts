/**
 * The citizen's own files in Firefox ESR (the MV3 build, .output/firefox-mv3), through the vault
 * page as a citizen uses it: Thomas signs in to the reference municipality, opens his cash-benefit
 * case, attaches a PDF (chosen with the file picker) and a 24 MiB file (24 parts, one write),
 * locks the vault, unlocks it with his passphrase, and downloads both back through the browser's
 * own download: the files on disk are byte for byte the ones he attached.
 *
 * As in the overview smoke test, the add-on runs from a copy of the build whose manifest already
 * grants the loopback host (headless Firefox cannot answer the permission prompt). Debian's
 * Firefox ESR has an English UI, so the page is in English.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_UUID, firefoxPath, newFirefoxProfileDir, removeFirefoxProfileDir } from './harness/firefox';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text } from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { makePdf } from '../../src/municipality-server/data/pdf';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';

const PASSPHRASE = 'korrekt hest batteri hæfteklamme';
const PDF_NAME = 'laegeattest-thomas.pdf';
const PDF = Buffer.from(makePdf('Laegeattest for Thomas, marts 2026', []));
const BIG_NAME = 'kontoudtog-2026.bin';
const BIG_SIZE = 24 * 1024 * 1024;
/** The big file's byte at `i`: not periodic in 1 MiB, so a part out of place would show. */
const pattern = (i: number) => (i * 31 + (i >> 10)) % 251;

let server: RunningMunicipality;
let browser: Browser;
let extensionDir: string;
let profileDir: string;
let downloadDir: string;
const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

beforeAll(async () => {
  server = await startMunicipalityServer({ port: 0, testMode: true });
  extensionDir = mkdtempSync(join(tmpdir(), 'handlerum-ffext-'));
  cpSync(FIREFOX_EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  profileDir = newFirefoxProfileDir();
  downloadDir = mkdtempSync(join(tmpdir(), 'handlerum-ffdl-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      // Downloads go straight to our folder, without a dialog, and a PDF is saved, not shown.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.open_pdf_attachments_inline': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/pdf,application/octet-stream',
      'pdfjs.disabled': true,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  expect(await browser.installExtension(extensionDir)).toBe(FIREFOX_ADDON_ID);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profileDir) removeFirefoxProfileDir(profileDir);
  for (const dir of [extensionDir, downloadDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${origin}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => {});
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState })).catch(() => null);
    if (state?.href === url && state.ready === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
async function waitForText(page: Page, wanted: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await bodyText(page).catch(() => '');
    if (typeof wanted === 'string' ? body.includes(wanted) : wanted.test(body)) return body;
    if (Date.now() > deadline) throw new Error(`not shown: ${String(wanted)}\n---\n${body.slice(0, 3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Clicks the first link or button (inside `within`, a CSS selector) whose text is exactly `label`. */
async function click(page: Page, label: string, within = 'body'): Promise<void> {
  const clicked = await page.evaluate(
    (wanted, scope) => {
      const root = document.querySelector(scope);
      const target = [...(root?.querySelectorAll<HTMLElement>('a, button') ?? [])].find((el) => el.textContent?.replace(/\s+/g, ' ').trim() === wanted);
      target?.click();
      return Boolean(target);
    },
    label,
    within,
  );
  if (!clicked) throw new Error(`no link or button named ${label} in ${within}`);
}

/** The CSS selector of the field a visible label names (inside `within`). */
async function fieldFor(page: Page, label: string, within = 'body'): Promise<string> {
  const id = await page.evaluate(
    (wanted, scope) => [...(document.querySelector(scope)?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === wanted)?.htmlFor ?? null,
    label,
    within,
  );
  if (!id) throw new Error(`no field labelled ${label} in ${within}`);
  return `[id="${id}"]`;
}

/** Waits until a downloaded file of that name is complete in the download folder, and reads it. */
async function downloaded(name: string, size: number, timeoutMs = 120_000): Promise<Buffer> {
  const path = join(downloadDir, name);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Firefox writes to a `.part` file beside it and renames it when the download is done.
    const partial = readdirSync(downloadDir).some((f) => f.endsWith('.part'));
    if (existsSync(path) && !partial && statSync(path).size === size) return readFileSync(path);
    if (Date.now() > deadline) throw new Error(`${name} was not downloaded (folder: ${readdirSync(downloadDir).join(', ')})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const FILES = 'section.own-files';

describe('own files in Firefox ESR', () => {
  let page: Page;
  let profileId: string;
  const cash = explainTopic('32.24.04', 'en')!.plainTitle;

  it('signs Thomas in, syncs, and opens his cash-benefit case', async () => {
    page = await openExtensionPage('vault.html');
    const api = VaultApi.puppeteer(page);
    ({ profileId } = await api.ok('create', { ...(await passphraseKey(PASSPHRASE)), owner: { name: 'Thomas' } }));
    const loginTarget = browser.waitForTarget((t) => t.url().includes('/oauth/authorize'), { timeout: 30_000 });
    const connecting = api.ok('municipalConnect', { profileId, origin: server.url });
    const login = (await (await loginTarget).page())!;
    await login.waitForSelector('button[value="thomas"]');
    await login.click('button[value="thomas"]');
    const { connectionId } = await connecting;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const status = (await api.ok('municipalSyncStatus', {})).find((s) => s.connectionId === connectionId);
      if (status?.state === 'ok') break;
      if (status && status.state !== 'running') throw new Error(`sync ended ${status.state}: ${status.error}`);
      if (Date.now() > deadline) throw new Error('sync did not finish');
      await new Promise((r) => setTimeout(r, 300));
    }
    await page.reload().catch(() => {});
    await waitForText(page, EN['now.title']);
    await click(page, cash);
    await waitForText(page, EN['own.files.none']);
  });

  it('attaches a PDF chosen with the file picker', async () => {
    // The picker is given a real file on disk, named as Thomas named it.
    const uploadDir = mkdtempSync(join(tmpdir(), 'handlerum-ffup-'));
    const pdfPath = join(uploadDir, PDF_NAME);
    writeFileSync(pdfPath, PDF);
    try {
      const input = await page.$(`${FILES} input[type="file"]`);
      if (!input) throw new Error('no file field on the case page');
      await input.uploadFile(pdfPath);
      expect(await page.evaluate((s) => document.querySelector<HTMLInputElement>(s)!.files?.[0]?.size, `${FILES} input[type="file"]`)).toBe(PDF.length);
      await page.type(await fieldFor(page, EN['own.files.noteLabel'], FILES), 'Fra egen læge');
      await click(page, EN['own.files.attach'], FILES);
      await waitForText(page, text(EN, 'own.files.attached', { name: PDF_NAME }));
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
    }
    const listed = await page.evaluate((s) => [...document.querySelectorAll(`${s} .file-name`)].map((e) => e.textContent), FILES);
    expect(listed).toEqual([PDF_NAME]);
  });

  it('attaches a 24 MiB file: 24 parts in one write', async () => {
    // Made in the page: 24 MiB through the automation protocol would be the slow part.
    await page.evaluate(
      (selector, name, n) => {
        const bytes = new Uint8Array(n);
        for (let i = 0; i < n; i++) bytes[i] = (i * 31 + (i >> 10)) % 251;
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
        const input = document.querySelector<HTMLInputElement>(selector)!;
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      `${FILES} input[type="file"]`,
      BIG_NAME,
      BIG_SIZE,
    );
    await click(page, EN['own.files.attach'], FILES);
    await waitForText(page, text(EN, 'own.files.attached', { name: BIG_NAME }), 120_000);
    const api = VaultApi.puppeteer(page);
    const files = (await api.ok('listRecords', { profileId, kind: 'attachment' })).records as { id: string; data: { fileName: string; size: number; chunks: number } }[];
    const big = files.find((f) => f.data.fileName === BIG_NAME)!;
    expect(big.data).toMatchObject({ size: BIG_SIZE, chunks: 24 });
    const parts = (await api.ok('listRecords', { profileId, kind: 'attachment-content' })).records as { data: { attachmentId: string } }[];
    expect(parts.filter((p) => p.data.attachmentId === big.id)).toHaveLength(24);
  });

  it('locks and unlocks with the passphrase; both files come back through the download unchanged', async () => {
    await click(page, EN['header.lock']);
    await waitForText(page, EN['unlock.title']);
    // Locked means locked: the files' records are not readable now.
    const locked = await VaultApi.puppeteer(page).call('listRecords', { profileId, kind: 'attachment' });
    expect(locked.ok).toBe(false);
    await page.type(await fieldFor(page, EN['passphrase.label']), PASSPHRASE);
    await click(page, EN['unlock.submit']);
    await waitForText(page, EN['now.title'], 60_000);
    await click(page, cash);
    await waitForText(page, BIG_NAME);

    await click(page, `${EN['own.files.download']} ${PDF_NAME}`, FILES);
    await waitForText(page, text(EN, 'own.files.downloaded', { name: PDF_NAME }));
    expect(Buffer.compare(await downloaded(PDF_NAME, PDF.length), PDF)).toBe(0);

    await click(page, `${EN['own.files.download']} ${BIG_NAME}`, FILES);
    await waitForText(page, text(EN, 'own.files.downloaded', { name: BIG_NAME }), 120_000);
    const back = await downloaded(BIG_NAME, BIG_SIZE);
    expect(back.length).toBe(BIG_SIZE);
    let firstWrong = -1;
    for (let i = 0; i < BIG_SIZE; i++) {
      if (back[i] !== pattern(i)) {
        firstWrong = i;
        break;
      }
    }
    expect(firstWrong).toBe(-1);
  });
});
