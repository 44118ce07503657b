/**
 * Bank import in real Chromium, through the vault page as a citizen uses it: a Danske Bank CSV
 * in Windows-1252 chosen with the file picker → the preview with æ, ø, å intact → saved → rows
 * listed and the spending chart drawn; the same file again adds nothing; an overlapping file adds
 * only its new rows; a category chosen on a row survives, and becomes a rule; an unknown layout
 * goes through the column mapping, remembered for the next file; bad files (empty, binary,
 * mixed delimiters, damaged encoding, a 100 MB line) give a message naming the problem and store
 * nothing; a big import cancelled stores nothing. Records are counted through the background,
 * as the page sees them. axe-core on every money screen.
 */
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  moneyFilePicker,
  moneyImportStatus,
  moneyPreviewHeading,
  moneySaveButton,
  recordsOfKind,
  screenshotPath,
  sectionsNav,
  text,
  textCount,
} from './harness/vault-ui';

const browser = chromiumForThisFile({ bypassCSP: true }); // bypassCSP: to inject axe-core
const tmp = mkdtempSync(join(tmpdir(), 'handlerum-money-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Windows-1252 bytes, as Danske Bank's netbank writes them (æ, ø, å are the same bytes as in Latin-1). */
const cp1252 = (s: string): Buffer => {
  if (/[^\u0000-\u00ff]/.test(s)) throw new Error('test text outside Latin-1');
  return Buffer.from(s, 'latin1');
};

const HEADER = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"';
type Row = [date: string, text: string, amount: string, balance: string];
const danske = (rows: Row[]): Buffer => cp1252([HEADER, ...rows.map((r) => `"${r[0]}";"${r[1]}";"${r[2]}";"${r[3]}";"Udført";"Nej"`)].join('\r\n') + '\r\n');

const JANUARY: Row[] = [
  ['02.01.2026', 'Dankort-køb Føtex Århus C', '-289,50', '12.160,50'],
  ['02.01.2026', 'Rejsekort', '-24,00', '12.136,50'],
  ['02.01.2026', 'Rejsekort', '-24,00', '12.136,50'],
  ['05.01.2026', 'Løn januar', '15.000,00', '27.136,50'],
  ['06.01.2026', 'Husleje Boligforeningen Åbo', '-7.500,00', '19.636,50'],
  ['08.01.2026', 'Apoteket Åboulevarden', '-149,95', '19.486,55'],
  ['10.01.2026', 'Bageriet Søndergade', '-45,00', '19.441,55'],
  ['12.01.2026', 'Netto Østerbro', '-312,25', '19.129,30'],
];
// Overlaps January from the 10th (whole days only, as a bank exports them) and goes on into February.
const FEBRUARY: Row[] = [
  ['02.02.2026', 'Husleje Boligforeningen Åbo', '-7.500,00', '11.629,30'],
  ['03.02.2026', 'Kvickly Brønderslev', '-512,00', '11.117,30'],
  ['05.02.2026', 'Løn februar', '15.000,00', '26.117,30'],
  ['09.02.2026', 'DSB Nørreport', '-96,00', '26.021,30'],
];

const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

const count = (page: Page, which: 'new' | 'duplicate' | 'pending' | 'skipped') => page.locator(`[data-count="${which}"] dd`).textContent();
const alert = (page: Page) => page.locator('.money-import [role="alert"]');

describe('bank import in Chromium', () => {
  let page: Page;

  it('imports a Danske Bank CSV through the file picker: preview with æøå, save, rows and chart', async () => {
    const session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await sectionsNav(page).getByRole('button', { name: DA['section.money'] }).click();
    await page.getByRole('heading', { level: 2, name: text(DA, 'money.title', { name: 'Thomas' }) }).waitFor();
    await page.getByText(DA['money.empty']).waitFor();
    await expectAccessible(page, 'money, empty');

    await moneyFilePicker(page).setInputFiles(file('danske-januar.csv', danske(JANUARY)));
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('8');
    expect(await count(page, 'duplicate')).toBe('0');
    const table = page.getByRole('table', { name: DA['money.preview.table'] });
    for (const shop of ['Dankort-køb Føtex Århus C', 'Husleje Boligforeningen Åbo', 'Bageriet Søndergade', 'Netto Østerbro']) {
      await table.getByRole('cell', { name: shop, exact: true }).waitFor();
    }
    // The two bus tickets on one day are two rows, both to be added.
    expect(await table.getByRole('cell', { name: 'Rejsekort', exact: true }).count()).toBe(2);
    expect(await table.getByRole('checkbox', { checked: true }).count()).toBe(8);
    await expectAccessible(page, 'import preview');
    await page.screenshot({ path: screenshotPath('money-preview-da'), fullPage: true });

    await moneySaveButton(page, 8).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: 8, account: 'Danske Bank' }) })
      .waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(8);
    const [account] = await recordsOfKind(page, 'bank-account');
    expect(account!.data).toMatchObject({ label: 'Danske Bank', formatId: 'danske-bank', lastImport: { added: 8, duplicates: 0 } });

    const list = page.getByRole('table', { name: DA['money.list.heading'] });
    await list.getByRole('cell', { name: 'Apoteket Åboulevarden', exact: true }).waitFor();
    expect(await list.locator('tbody tr').count()).toBe(8);
    const stored = await recordsOfKind(page, 'bank-transaction');
    const pharmacy = stored.find((r) => r.data.text === 'Apoteket Åboulevarden')!;
    expect(pharmacy.data).toMatchObject({ amountMinor: -14995, date: '2026-01-08', category: 'health' });
    // Kroner, booked and a category the rules chose are the defaults a stored row leaves out.
    for (const field of ['currency', 'pending', 'categoryByCitizen']) expect(pharmacy.data).not.toHaveProperty(field);
    const chart = page.getByRole('img', { name: DA['money.chart.title'] });
    await chart.waitFor();
    // The chart's text summary names the month, the total spent and the largest category.
    const description = await page.locator('#money-chart-desc').textContent();
    expect(description).toContain('januar 2026');
    expect(description).toContain('Bolig og husleje');
    expect(description).toContain('8.344,70');
    await page.getByText(DA['money.chart.showTable']).click();
    await page.getByRole('table', { name: DA['money.chart.table'] }).getByRole('rowheader', { name: 'januar 2026' }).waitFor();
    await expectAccessible(page, 'transactions and chart');
    await page.screenshot({ path: screenshotPath('money-list-da'), fullPage: true });
  });

  it('imports the same file again: the preview says 0 new, saving adds nothing', async () => {
    await moneyFilePicker(page).setInputFiles(file('danske-januar.csv', danske(JANUARY)));
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('0');
    expect(await count(page, 'duplicate')).toBe('8');
    await page.getByText(DA['money.preview.nothingNew']).waitFor();
    const table = page.getByRole('table', { name: DA['money.preview.table'] });
    expect(await table.getByRole('checkbox', { disabled: true, checked: false }).count()).toBe(8);
    await expectAccessible(page, 'preview of a file already imported');
    await moneySaveButton(page, 0).click();
    await moneyImportStatus(page).filter({ hasText: DA['money.import.doneNone'] }).waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(8);
  });

  it('keeps a category the citizen chose through re-imports, and makes it a rule on request', async () => {
    const list = page.getByRole('table', { name: DA['money.list.heading'] });
    const bakery = list.getByRole('combobox', { name: text(DA, 'money.list.categoryFor', { text: 'Bageriet Søndergade', date: '10. januar 2026' }) });
    expect(await bakery.inputValue()).toBe('groceries');
    await bakery.selectOption('restaurants');
    await page.getByText(DA['money.list.saved']).waitFor();
    await expect
      .poll(async () => (await recordsOfKind(page, 'bank-transaction')).find((r) => r.data.text === 'Bageriet Søndergade')?.data)
      .toMatchObject({
        category: 'restaurants',
        categoryByCitizen: true,
      });
    // "Always use this category for …": the suggestion is the shop's name.
    const match = page.getByLabel(DA['money.list.ruleMatch']);
    expect(await match.inputValue()).toBe('Bageriet Søndergade');
    await match.fill('Bageriet');
    await expectAccessible(page, 'rule offer');
    await page.getByRole('button', { name: DA['money.list.ruleCreate'] }).click();
    await page.getByText(textCount(DA, 'money.list.ruleCreated', 0, { category: 'Restauranter og caféer' })).waitFor();
    const [rule] = await recordsOfKind(page, 'category-rule');
    expect(rule!.data).toMatchObject({ match: 'Bageriet', category: 'restaurants' });

    // The overlapping file has the bakery again (a duplicate: skipped, its category kept).
    await moneyFilePicker(page).setInputFiles(file('danske-januar-februar.csv', danske([...JANUARY.slice(6), ...FEBRUARY])));
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('4');
    expect(await count(page, 'duplicate')).toBe('2');
    const preview = page.getByRole('table', { name: DA['money.preview.table'] });
    expect(await preview.locator('tr[data-status="duplicate"]').count()).toBe(2);
    // The citizen leaves one new row out.
    await preview.getByRole('checkbox', { name: /DSB Nørreport/ }).uncheck();
    await moneySaveButton(page, 3).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: 3, account: 'Danske Bank' }) })
      .waitFor();
    const all = await recordsOfKind(page, 'bank-transaction');
    expect(all).toHaveLength(11);
    expect(all.filter((r) => r.data.text === 'DSB Nørreport')).toHaveLength(0);
    expect(all.find((r) => r.data.text === 'Bageriet Søndergade')!.data).toMatchObject({ category: 'restaurants', categoryByCitizen: true });
    expect(all.find((r) => r.data.text === 'Kvickly Brønderslev')!.data).toMatchObject({ category: 'groceries' });

    // The rest of the overlapping file, DSB included, on a second try: only that row is new.
    await moneyFilePicker(page).setInputFiles(file('danske-januar-februar.csv', danske([...JANUARY.slice(6), ...FEBRUARY])));
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('1');
    await moneySaveButton(page, 1).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.one', { count: 1, account: 'Danske Bank' }) })
      .waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(12);

    // Filter by month and category.
    await page.getByLabel(DA['money.list.filterMonth'], { exact: true }).selectOption('2026-02');
    await expect.poll(() => page.getByRole('table', { name: DA['money.list.heading'] }).locator('tbody tr').count()).toBe(4);
    await page.getByLabel(DA['money.list.filterCategory'], { exact: true }).selectOption('groceries');
    await expect.poll(() => page.getByRole('table', { name: DA['money.list.heading'] }).locator('tbody tr').count()).toBe(1);
    await page.getByLabel(DA['money.list.filterMonth'], { exact: true }).selectOption('');
    await page.getByLabel(DA['money.list.filterCategory'], { exact: true }).selectOption('');
  });

  it('maps the columns of an unknown layout with a live preview, and remembers the choice for the account', async () => {
    const odd = (rows: string[]) => Buffer.from(['Posteringsdato|Forklaring|Kroner', ...rows].join('\n').replace(/\|/g, ';'), 'utf8');
    await moneyFilePicker(page).setInputFiles(file('kiosk.csv', odd(['2026-01-03|Kiosken på hjørnet|-12,50', '2026-01-04|Café Ærø|-38,00'])));
    await page.getByRole('heading', { name: DA['money.mapping.heading'] }).first().waitFor();
    // The live preview reads the rows with the guessed columns.
    const result = page.locator('[aria-labelledby="money-mapping-result"]');
    await result.getByText(textCount(DA, 'money.mapping.resultCount', 2, { skipped: 0 })).waitFor();
    await result.getByRole('cell', { name: 'Café Ærø' }).waitFor();
    // A wrong date format reads nothing; the right one reads both rows again.
    await page.getByLabel(DA['money.mapping.dateStyle'], { exact: true }).selectOption('DD.MM.YYYY');
    await result.getByText(DA['money.mapping.noResult']).first().waitFor();
    await page.getByLabel(DA['money.mapping.dateStyle'], { exact: true }).selectOption('YYYY-MM-DD');
    await result.getByText(textCount(DA, 'money.mapping.resultCount', 2, { skipped: 0 })).waitFor();
    await expectAccessible(page, 'column mapping');
    await page.screenshot({ path: screenshotPath('money-mapping-da'), fullPage: true });
    await page.getByRole('button', { name: DA['money.mapping.use'] }).click();
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('2');
    await page.getByLabel(DA['money.preview.account'], { exact: true }).selectOption('new');
    await page.getByLabel(DA['money.preview.accountName'], { exact: true }).fill('Kontantkort');
    await moneySaveButton(page, 2).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: 2, account: 'Kontantkort' }) })
      .waitFor();
    const card = (await recordsOfKind(page, 'bank-account')).find((a) => a.data.label === 'Kontantkort')!;
    expect(card.data).toMatchObject({
      formatId: 'mapped',
      mapping: { delimiter: ';', hasHeader: true, date: 0, text: 1, amount: 2, dateStyle: 'YYYY-MM-DD', decimal: ',' },
    });

    // The next file in that layout: the remembered choice, and the rows go to the same account.
    await moneyFilePicker(page).setInputFiles(file('kiosk-2.csv', odd(['2026-01-04|Café Ærø|-38,00', '2026-01-09|Kiosken på hjørnet|-20,00'])));
    await page.getByText(text(DA, 'money.mapping.remembered', { account: 'Kontantkort' })).waitFor();
    await page.getByRole('button', { name: DA['money.mapping.use'] }).click();
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'new')).toBe('1');
    expect(await count(page, 'duplicate')).toBe('1');
    expect(await page.getByLabel(DA['money.preview.account'], { exact: true }).inputValue()).toBe(card.id);
    await moneySaveButton(page, 1).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.one', { count: 1, account: 'Kontantkort' }) })
      .waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(15);
  });

  it('names the problem of a bad file and stores nothing', async () => {
    const before = (await recordsOfKind(page, 'bank-transaction')).length;
    const accountsBefore = JSON.stringify(await recordsOfKind(page, 'bank-account'));
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const hugeLine = join(tmp, 'one-line.csv');
    const fd = openSync(hugeLine, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const cases: [string, Parameters<ReturnType<typeof moneyFilePicker>['setInputFiles']>[0], RegExp | string][] = [
      ['empty', file('tom.csv', Buffer.alloc(0)), 'Filen er tom.'],
      ['binary', file('billede.csv', garbage), 'Filen er ikke en tekstfil.'],
      ['mixed delimiters', file('blandet.csv', cp1252('Dato;Tekst,Beløb;Saldo\n02.01.2026;Netto,-10,00;100,00\n')), 'blander semikolon og komma'],
      [
        'damaged encoding',
        file(
          'beskadiget.csv',
          Buffer.from('"Dato";"Tekst";"Bel\uFFFDb";"Saldo";"Status";"Afstemt"\n"02.01.2026";"Netto";"-10,00";"100,00";"Udført";"Nej"\n', 'utf8'),
        ),
        'beskadiget',
      ],
      ['a 100 MB line', hugeLine, 'alt for lang'],
    ];
    for (const [what, input, message] of cases) {
      await moneyFilePicker(page).setInputFiles(input);
      const shown = alert(page).filter({ hasText: message });
      await shown.waitFor({ timeout: 60_000 });
      const name = typeof input === 'string' ? 'one-line.csv' : (input as { name: string }).name;
      expect(await shown.textContent(), what).toContain(text(DA, 'money.import.failed', { file: name }));
      if (what === 'binary') await expectAccessible(page, 'import error');
    }
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before);
    expect(JSON.stringify(await recordsOfKind(page, 'bank-account'))).toBe(accountsBefore);
  });

  it("a cut-off CSV is said plainly and stores nothing; its whole rows only by the citizen's choice", async () => {
    const before = (await recordsOfKind(page, 'bank-transaction')).length;
    const whole = danske([
      ['02.03.2026', 'Irma Vesterbro', '-64,00', '19.065,30'],
      ['03.03.2026', 'Matas Strøget', '-129,95', '18.935,35'],
      ['04.03.2026', 'Café Åen', '-45,50', '18.889,85'],
    ]).toString('latin1');
    // The download stopped inside the last row's amount: `-4` of `-45,50`.
    const cut = cp1252(whole.slice(0, whole.lastIndexOf('-45,50') + 2));
    await moneyFilePicker(page).setInputFiles(file('afskaaret.csv', cut));
    const shown = alert(page).filter({ hasText: 'afskåret' });
    await shown.waitFor({ timeout: 30_000 });
    expect(await shown.textContent()).toContain(text(DA, 'money.import.failed', { file: 'afskaaret.csv' }));
    expect(await shown.textContent()).toContain('linje 4');
    const keep = page.getByRole('button', { name: text(DA, 'money.import.cutOff.keep.other', { count: 2 }) });
    await keep.waitFor();
    await expectAccessible(page, 'cut-off file');
    await page.locator('.money-import').screenshot({ path: screenshotPath('money-cut-off') });
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before);

    // Choosing another file leaves everything as it was.
    await page.getByRole('button', { name: DA['money.import.cutOff.chooseAnother'] }).click();
    await moneyFilePicker(page).waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before);

    // By explicit choice the two whole rows are read in; the cut one never is.
    await moneyFilePicker(page).setInputFiles(file('afskaaret.csv', cut));
    await keep.click();
    await moneyPreviewHeading(page).waitFor({ timeout: 30_000 });
    expect(await count(page, 'new')).toBe('2');
    // March shares no rows with the stored Danske Bank account: the file does not say it is that
    // account, so the citizen is asked, and saving waits for the answer.
    await page.getByText(DA['money.preview.accountUnsure']).waitFor();
    await moneySaveButton(page, 2).click();
    await page.getByText(DA['money.preview.accountUnsureMissing']).waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before);
    await page.getByLabel(DA['money.preview.account']).selectOption({ label: 'Danske Bank' });
    await moneySaveButton(page, 2).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: 2, account: 'Danske Bank' }) })
      .waitFor({ timeout: 30_000 });
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before + 2);
  });

  it('shows progress on a big import, and cancelling it stores nothing', async () => {
    const before = (await recordsOfKind(page, 'bank-transaction')).length;
    const big = join(tmp, 'big.csv');
    const fd = openSync(big, 'w');
    writeSync(fd, cp1252(`${HEADER}\r\n`));
    let lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      lines.push(`"${day}.${month}.2025";"Dankort-køb Netto Østerbro ${i}";"-${1 + (i % 500)},${String(i % 100).padStart(2, '0')}";"10.000,00";"Udført";"Nej"`);
      if (lines.length === 10_000) {
        writeSync(fd, cp1252(`${lines.join('\r\n')}\r\n`));
        lines = [];
      }
    }
    closeSync(fd);
    await moneyFilePicker(page).setInputFiles(big);
    const bar = page.getByRole('progressbar', { name: DA['money.import.progressLabel'] });
    await bar.waitFor();
    // The worker reports rows read and rows per second while it parses.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('.money-progress .rate').textContent()).toMatch(/^[\d.]+ rækker? læst · [\d.]+ rækker\/s$/);
    expect(await page.locator('.money-progress .rate').textContent()).not.toMatch(/^0 rækker/);
    await expectAccessible(page, 'import progress');
    await page.getByRole('button', { name: DA['money.import.cancel'] }).click();
    await moneyImportStatus(page).filter({ hasText: DA['money.import.cancelled'] }).waitFor();
    expect(await bar.count()).toBe(0);
    await moneyPreviewHeading(page)
      .waitFor({ state: 'detached', timeout: 3000 })
      .catch(() => undefined);
    expect(await moneyPreviewHeading(page).count()).toBe(0);
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(before);
    // The picker is back, and a small file imports normally after the cancel.
    await moneyFilePicker(page).setInputFiles(file('danske-januar.csv', danske(JANUARY)));
    await moneyPreviewHeading(page).waitFor();
    expect(await count(page, 'duplicate')).toBe('8');
    writeFileSync(big, '');
  });
});
