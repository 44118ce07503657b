/**
 * The citizen's own files and a correction request, in real Chromium against the reference
 * municipality: Thomas attaches a PDF to his cash-benefit case (listed, downloaded back byte for
 * byte, too large a file refused with its limit named), then says one of the case's payments is
 * wrong, with that PDF as evidence, and sends it; the request ends "received" with the
 * municipality's signed receipt, and the municipality's inbox holds it. axe-core on each new
 * screen. The file's name and bytes are nowhere in the vault's IndexedDB rows in plaintext.
 *
 * As in the overview test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import {
  callBackground,
  chromiumForThisFile,
  connectMunicipalityFromEmptyOverview,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  screenHeading,
  screenshotPath,
  text,
} from './harness/vault-ui';
import type { Case, Payment } from '../../src/municipal/api/schemas';
import { makePdf } from '../../src/municipality-server/data/pdf';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

/** A small, valid PDF whose text is a marker that must never be stored readable. */
const MARKER = 'Laegeattest-Hemmelig-Diagnose-7Q4Z';
const FILE_NAME = 'lægeattest-thomas-7Q4Z.pdf';
const PDF = Buffer.from(makePdf(MARKER, []));

/**
 * Which needles occur in any row of the vault's IndexedDB (strings and byte arrays alike),
 * compared as bytes: each value and needle is read as Latin-1, one character per byte.
 */
async function foundInVaultRows(page: Page, needles: string[]): Promise<{ found: string[]; bytes: number }> {
  return page.evaluate(
    (wanted) =>
      new Promise<{ found: string[]; bytes: number }>((resolve, reject) => {
        const asBytes = new TextDecoder('latin1');
        const texts: string[] = [];
        const collect = (value: unknown): void => {
          if (value instanceof Uint8Array) texts.push(asBytes.decode(value));
          else if (typeof value === 'string') texts.push(asBytes.decode(new TextEncoder().encode(value)));
          else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
        };
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'pages'], 'readonly');
          for (const name of ['meta', 'pages']) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => collect(all.result);
          }
          tx.oncomplete = () => {
            db.close();
            const needleTexts = wanted.map((n) => asBytes.decode(new TextEncoder().encode(n)));
            resolve({ found: wanted.filter((_, i) => texts.some((t) => t.includes(needleTexts[i]!))), bytes: texts.reduce((n, t) => n + t.length, 0) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    needles,
  );
}

describe('Thomas’s own file and correction request', () => {
  let page: Page;
  let cashCase: Case;

  it('connects the municipality and opens the cash-benefit case', async () => {
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connectMunicipalityFromEmptyOverview(page, server.url);
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: 'Kontanthjælp', exact: true }).click();
    await screenHeading(page, 'Kontanthjælp').waitFor();
    cashCase = servedRecords<Case>(server, 'thomas', 'cases').find((c) => c.kle.code === '32.24.04')!;
  });

  it('attaches a PDF to the case: listed, downloaded back with the same bytes', async () => {
    const files = page.getByRole('region', { name: DA['own.files.title'] });
    await files.getByText(DA['own.files.none']).waitFor();
    await files.getByLabel(DA['own.files.choose']).setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await files.getByLabel(DA['own.files.noteLabel']).fill('Fra egen læge');
    await files.getByRole('button', { name: DA['own.files.attach'] }).click();
    await files
      .getByRole('status')
      .getByText(text(DA, 'own.files.attached', { name: FILE_NAME }))
      .waitFor();
    const list = files.getByRole('list', { name: DA['own.files.title'] });
    await list.locator('.file-name', { hasText: FILE_NAME }).waitFor();
    await list.getByText('Fra egen læge').waitFor();
    await expectAccessible(page, 'case page with a file');

    const download = page.waitForEvent('download');
    await list.getByRole('button', { name: `${DA['own.files.download']} ${FILE_NAME}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(FILE_NAME);
    expect(Buffer.compare(readFileSync((await file.path())!), PDF)).toBe(0);
  });

  it('refuses a file over the limit with a message that names the limit, and stores nothing', async () => {
    const files = page.getByRole('region', { name: DA['own.files.title'] });
    const big = Buffer.alloc(30 * 1024 * 1024, 0x41);
    await files.getByLabel(DA['own.files.choose']).setInputFiles({ name: 'for-stor.bin', mimeType: 'application/octet-stream', buffer: big });
    await files.getByRole('button', { name: DA['own.files.attach'] }).click();
    await files
      .getByRole('alert')
      .getByText(/Filen er for stor \(30 MB\)\. Du kan vedhæfte filer på højst 25 MB\./)
      .waitFor();
    expect(await files.getByLabel(DA['own.files.choose']).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'file too large');
    const stored = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'attachment' });
    expect(stored.value.records.map((r: { data: { fileName: string } }) => r.data.fileName)).toEqual([FILE_NAME]);
  });

  it('sends a correction of a payment with the PDF as evidence; it is received with a verified receipt', async () => {
    const casePayments = servedRecords<Payment>(server, 'thomas', 'payments').filter((p) => p.caseId === cashCase.id);
    const payments = page.getByRole('region', { name: DA['case.payments'] });
    const action = payments.getByRole('button', { name: new RegExp(`^${DA['own.correct.action']} `) }).first();
    const title = ((await action.textContent()) ?? '').replace(DA['own.correct.action'], '').replace(/^ om /, '').trim();
    await action.click();

    const dialog = page.getByRole('dialog', { name: DA['own.correct.title'] });
    await dialog.waitFor();
    await dialog.getByText(text(DA, 'own.correct.about', { record: title })).waitFor();
    await dialog.getByLabel(DA['own.correct.what']).fill('Udbetalingen mangler tillægget for november.');
    await dialog.getByLabel(DA['own.correct.why']).fill('Lægen skriver, at jeg ikke kan arbejde.');
    await dialog.getByLabel(DA['own.correct.proposed']).fill('12.345,00 kr.');
    const evidence = dialog.getByRole('group', { name: DA['own.evidence.caseMaterial'] });
    await evidence.getByRole('checkbox', { name: new RegExp(FILE_NAME) }).check();
    await expectAccessible(page, 'correction form');
    await page.screenshot({ path: screenshotPath('own-correction-da'), fullPage: true });

    await dialog.getByRole('button', { name: DA['own.correct.send'] }).click();
    await dialog.getByText(/^Kommunen har modtaget din anmodning\. Kvittering: kvit-thomas-\d{4}\.$/).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'correction received');

    // The municipality's inbox holds it, and its receipt is the one the vault keeps.
    const inbox = server.state.inbox.get('thomas') ?? [];
    expect(inbox.map((r) => [r.kind, r.caseId])).toEqual([['correction', cashCase.id]]);
    const requests = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'correction-request' });
    const [request] = requests.value.records as {
      data: {
        status: { state: string; receipt: { id: string; sha256: string } };
        evidence: { title: string; sha256?: string }[];
        target: { municipalId: string; title: string };
      };
    }[];
    expect(request!.data.status.state).toBe('received');
    expect(request!.data.status.receipt).toEqual(inbox[0]);
    expect(request!.data.target.title).toBe(title);
    expect(casePayments.map((p) => p.id)).toContain(request!.data.target.municipalId);
    const { createHash } = await import('node:crypto');
    expect(request!.data.evidence).toEqual([
      { kind: 'attachment', id: expect.any(String), title: FILE_NAME, sha256: createHash('sha256').update(PDF).digest('base64url') },
    ]);

    await dialog.getByRole('button', { name: DA['own.correct.close'] }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = page.getByRole('region', { name: DA['own.list.caseTitle'] });
    await list.getByText(/^Modtaget af kommunen .* \(kvittering kvit-thomas-\d{4}\)\.$/).waitFor();
    await expectAccessible(page, 'case page with a request');
    await page.screenshot({ path: screenshotPath('own-case-da'), fullPage: true });
  });

  it('stores a file near the limit (24 MiB, 24 parts) in one write and gives it back unchanged', async () => {
    const size = 24 * 1024 * 1024;
    const pattern = (i: number) => (i * 31 + (i >> 10)) % 251;
    // The file is made in the page: sending 24 MiB through the automation protocol would be the slow part.
    const files = page.getByRole('region', { name: DA['own.files.title'] });
    await files.getByLabel(DA['own.files.choose']).evaluate((input: HTMLInputElement, n) => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = (i * 31 + (i >> 10)) % 251;
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'kontoudtog-2026.pdf', { type: 'application/pdf' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, size);
    await files.getByRole('button', { name: DA['own.files.attach'] }).click();
    await files
      .getByRole('status')
      .getByText(text(DA, 'own.files.attached', { name: 'kontoudtog-2026.pdf' }))
      .waitFor({ timeout: 120_000 });
    const id = await firstProfileId(page);
    const parts = await callBackground(page, 'listRecords', { profileId: id, kind: 'attachment-content' });
    const big = (await callBackground(page, 'listRecords', { profileId: id, kind: 'attachment' })).value.records.find(
      (r: { data: { fileName: string } }) => r.data.fileName === 'kontoudtog-2026.pdf',
    );
    expect(big.data).toMatchObject({ size, chunks: 24 });
    expect(parts.value.records.filter((r: { data: { attachmentId: string } }) => r.data.attachmentId === big.id)).toHaveLength(24);

    const download = page.waitForEvent('download', { timeout: 120_000 });
    await files.getByRole('button', { name: `${DA['own.files.download']} kontoudtog-2026.pdf` }).click();
    const back = readFileSync((await (await download).path())!);
    expect(back.length).toBe(size);
    let same = true;
    for (let i = 0; i < size && same; i++) same = back[i] === pattern(i);
    expect(same).toBe(true);
  });

  it('keeps the file name and bytes only inside sealed vault records', async () => {
    const needles = [MARKER, FILE_NAME, 'Fra egen læge', 'tillægget for november', PDF.subarray(0, 64).toString('latin1')];
    const { found, bytes } = await foundInVaultRows(page, needles);
    expect(bytes).toBeGreaterThan(PDF.length);
    expect(found).toEqual([]);
    // The check can find what it looks for: the KDF parameters are stored readable in the header.
    expect((await foundInVaultRows(page, ['argon2id'])).found).toEqual(['argon2id']);
  });
});
