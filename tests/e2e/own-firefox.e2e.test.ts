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
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, fill, waitForText } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text } from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { makePdf } from '../../src/municipality-server/data/pdf';

const PASSPHRASE = 'korrekt hest batteri hæfteklamme';
const PDF_NAME = 'laegeattest-thomas.pdf';
const PDF = Buffer.from(makePdf('Laegeattest for Thomas, marts 2026', []));
const BIG_NAME = 'kontoudtog-2026.bin';
const BIG_SIZE = 24 * 1024 * 1024;
/** The big file's byte at `i`: not periodic in 1 MiB, so a part out of place would show. */
const pattern = (i: number) => (i * 31 + (i >> 10)) % 251;

const server = municipalityForThisFile();
const downloadDir = mkdtempSync(join(tmpdir(), 'handlerum-ffdl-'));
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({
    hostPermissions: [LOOPBACK_HOST],
    downloadDir,
    // A PDF is saved like any other download, not shown in Firefox's own viewer.
    prefs: {
      'browser.download.open_pdf_attachments_inline': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/pdf,application/octet-stream',
      'pdfjs.disabled': true,
    },
  });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  rmSync(downloadDir, { recursive: true, force: true });
});

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
    page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    ({ profileId } = await api.ok('create', { ...(await passphraseKey(PASSPHRASE)), owner: { name: 'Thomas' } }));
    await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url });
    await page.reload().catch(navigationOutcomeUnknown);
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
      await fill(page, EN['own.files.noteLabel'], 'Fra egen læge', { within: FILES });
      await click(page, EN['own.files.attach'], { within: FILES });
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
    await click(page, EN['own.files.attach'], { within: FILES });
    await waitForText(page, text(EN, 'own.files.attached', { name: BIG_NAME }), { timeoutMs: 120_000 });
    const api = VaultApi.puppeteer(page);
    const files = (await api.ok('listRecords', { profileId, kind: 'attachment' })).records as {
      id: string;
      data: { fileName: string; size: number; chunks: number };
    }[];
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
    await fill(page, EN['passphrase.label'], PASSPHRASE);
    await click(page, EN['unlock.submit']);
    // The vault reopens the screen it was locked on: the case page, with its files.
    await waitForText(page, BIG_NAME, { timeoutMs: 60_000 });

    await click(page, `${EN['own.files.download']} ${PDF_NAME}`, { within: FILES });
    await waitForText(page, text(EN, 'own.files.downloaded', { name: PDF_NAME }));
    expect(Buffer.compare(await downloaded(PDF_NAME, PDF.length), PDF)).toBe(0);

    await click(page, `${EN['own.files.download']} ${BIG_NAME}`, { within: FILES });
    await waitForText(page, text(EN, 'own.files.downloaded', { name: BIG_NAME }), { timeoutMs: 120_000 });
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
