/**
 * The acceptance story of the mission, end to end in real Chromium, driven by the labels of the
 * UI's own catalogues: Thomas creates his vault, signs in at the reference municipality and sees
 * his open cases; imports his bank's CSV and his health app's export; writes down his diet plan;
 * adds his supermarket's budget tool by its address and shares his monthly food budget (derived
 * from the bank data, amounts per month only) and the diet plan until a date — approval screen,
 * sent to the tool's endpoint, whose page then shows the food budget. The same bundle, downloaded,
 * opens on the receiver page in a separate plain browser with the same figures. He revokes it in
 * the ledger: the tool's page says "no data" and the bundle is refused if sent again. He gives his
 * lawyer the case material until the case closes — its appointments and deadlines go along as an
 * iCalendar file and its PDF documents as their files, offered for download on the receiver page;
 * the municipality closes the case; after a sync the grant shows it ended by itself. Nobody else —
 * no family member — ever got anything.
 *
 * As in the other municipal tests, the extension build's manifest already grants the loopback
 * host (what "Allow" leaves behind; headless Chromium cannot click the browser's prompt).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle } from '../../src/bundle';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { danishDay } from '../../src/shared/danish-time';
import { da as RECEIVER_DA } from '../../src/receiver-page/i18n/da';
import { checkIcs } from '../unit/support/ics-check';
import { pythonIcalendarRead, withFiles } from '../unit/support/stock-tools';
import { buildWithHostPermissions, chromiumPath, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addNote, createVault, DA, keepPagesOnFailure, screenshotPath, text, textCount, expectAccessible, addMunicipalityAndSignIn } from './harness/vault-ui';
import { reportCleanupFailure } from '../unit/support/cleanup';

const RECEIVER_PAGE = resolve(import.meta.dirname, '../../.output/receiver/index.html');

let municipality: RunningMunicipality;
let budget: RunningBudgetService;
let session: ChromiumSession;
let context: BrowserContext;
let plain: Browser | undefined;
let receiverContext: BrowserContext | undefined;
const granted = buildWithHostPermissions(['http://127.0.0.1/*']);
const profileDir = newProfileDir();
const tmp = mkdtempSync(join(tmpdir(), 'handlerum-thomas-'));
keepPagesOnFailure(() => [context, receiverContext]);

beforeAll(async () => {
  municipality = await startMunicipalityServer({ port: 0, testMode: true });
  budget = await startBudgetService({ port: 0, identity: generateIdentity().identity, revokedFile: join(tmp, 'revoked.json'), name: 'Føtex Madbudget' });
  session = await launchChromium({ profileDir, extensionDir: granted.dir, bypassCSP: true }); // bypassCSP: to inject axe-core
  context = session.context;
});
afterAll(async () => {
  await receiverContext?.close().catch(reportCleanupFailure);
  await plain?.close().catch(reportCleanupFailure);
  await session?.close();
  await budget?.close();
  await municipality?.close();
  removeProfileDir(profileDir);
  granted.remove();
  rmSync(tmp, { recursive: true, force: true });
});

const nav = (page: Page) => page.getByRole('navigation', { name: DA['header.sections'] });
const section = (page: Page, key: 'section.overview' | 'section.municipality' | 'section.money' | 'section.health' | 'section.notes' | 'section.sharing') =>
  nav(page).getByRole('button', { name: DA[key] }).click();

// ---- Thomas's bank statement: groceries in each of the three whole months before this one ----

const monthStart = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
};
const MONTHS = [3, 2, 1].map((offset) => monthStart(offset).toISOString().slice(0, 7));
const danishDate = (month: string, day: number) => `${String(day).padStart(2, '0')}.${month.slice(5, 7)}.${month.slice(0, 4)}`;
const ore = (text: string) => Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 100);

const ROWS: [date: string, text: string, amount: string][] = MONTHS.flatMap((month, i) => [
  [danishDate(month, 3), 'Løn og kontanthjælp', '11.800,00'],
  [danishDate(month, 4), 'Husleje Boligforeningen Åbo', '-5.900,00'],
  [danishDate(month, 6), 'Netto Østerbro', `-${612 + i * 41},25`],
  [danishDate(month, 13), 'Føtex Vesterbro )))) 10422', `-${845 + i * 17},50`],
  [danishDate(month, 20), 'Rema 1000 Nørrebro', `-${398 + i * 9},95`],
  [danishDate(month, 22), 'Apoteket Åboulevarden', '-149,95'],
]);
/** What the food budget must say per month: the grocery rows only, never rent or pharmacy. */
const FOOD = MONTHS.map((month) => ({
  month,
  spentMinor: ROWS.filter(([d, t]) => d.endsWith(`${month.slice(5, 7)}.${month.slice(0, 4)}`) && /Netto|Føtex|Rema/.test(t)).reduce(
    (s, [, , a]) => s - ore(a),
    0,
  ),
}));
const FOOD_AVERAGE = Math.round(FOOD.reduce((s, m) => s + m.spentMinor, 0) / FOOD.length);

function danskeCsv(): Buffer {
  let balance = 20_000_00;
  const lines = ['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"'];
  for (const [date, text, amount] of ROWS) {
    balance += ore(amount);
    const saldo = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(balance / 100);
    lines.push(`"${date}";"${text}";"${amount}";"${saldo}";"Udført";"Nej"`);
  }
  // Danske Bank writes Windows-1252; æ, ø, å are the same bytes as in Latin-1.
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

function appleHealthXml(): string {
  const at = (day: string, time: string) => `${day} ${time} +0100`;
  const days = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 10, 10 + i)).toISOString().slice(0, 10));
  const rows = days.map(
    (day, i) =>
      `<Record type="HKQuantityTypeIdentifierStepCount" sourceName="Thomas’ iPhone" sourceVersion="17.2" unit="count" creationDate="${at(day, '18:00:00')}" startDate="${at(day, '08:00:00')}" endDate="${at(day, '18:00:00')}" value="${1800 + i * 120}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="da_DK">\n <ExportDate value="${at('2026-11-20', '20:00:00')}"/>\n <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-04-02"/>\n ${rows.join('\n ')}\n</HealthData>\n`;
}

const DIET_TITLE = 'Kostplan';
const DIET_BODY = 'Fra diætisten: havregrød om morgenen, rugbrød med fisk til frokost, grønt og kylling om aftenen. Ingen sukker i drikke.';
const kroner = (minor: number) => new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }).format(minor / 100);
const monthName = (month: string) =>
  new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** The budget tool's own page, as anyone visiting it sees it. */
const budgetPage = async () => (await fetch(`${budget.url}/`)).text();

describe('Thomas, 2022 — the acceptance story', () => {
  let page: Page;
  let bundlePath: string;
  const LAWYER_CASE = 'thomas-sag-0002';
  const lawyer = generateIdentity();

  it('signs in at his municipality and sees his open cases in plain words', async () => {
    page = await context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/vault.html`);
    await createVault(page, { name: 'Thomas' });

    await section(page, 'section.municipality');
    await addMunicipalityAndSignIn(page, municipality.url);
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });

    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    const openCases = page.getByRole('region', { name: DA['now.openCases'] });
    await openCases.getByRole('link', { name: 'Kontanthjælp', exact: true }).waitFor();
    await openCases
      .getByRole('link', { name: /Befordring|Kørsel|Transport/i })
      .first()
      .waitFor();
  });

  it('imports his bank’s CSV export and his health app’s export, and writes down his diet plan', async () => {
    await section(page, 'section.money');
    await page.getByLabel(DA['money.import.fileLabel']).setInputFiles({ name: 'danske-bank.csv', mimeType: 'text/csv', buffer: danskeCsv() });
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: textCount(DA, 'money.preview.import', ROWS.length) }).click();
    await page
      .locator('.money-import [role="status"]')
      .filter({ hasText: text(DA, 'money.import.done.other', { count: ROWS.length, account: 'Danske Bank' }) })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: DA['money.list.heading'] }).getByRole('cell', { name: 'Netto Østerbro', exact: true }).first().waitFor();

    await section(page, 'section.health');
    await page.getByLabel(DA['health.import.fileLabel']).setInputFiles({ name: 'export.xml', mimeType: 'text/xml', buffer: Buffer.from(appleHealthXml()) });
    await page.getByRole('region', { name: /^Fundet i / }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: DA['health.summary.save'] }).click();
    await page.getByText(text(DA, 'health.import.saved', { file: 'export.xml' })).waitFor({ timeout: 60_000 });

    await section(page, 'section.notes');
    await addNote(page, DIET_TITLE, DIET_BODY);
  });

  it('adds the budget tool by its address and sends it his food budget and diet plan, approved item by item', async () => {
    await section(page, 'section.sharing');
    await page.getByRole('heading', { level: 2, name: text(DA, 'sharing.title', { name: 'Thomas' }) }).waitFor();
    await page.getByText(DA['sharing.grants.empty']).waitFor();
    await page.getByRole('textbox', { name: DA['sharing.recipients.domainLabel'] }).fill(budget.url);
    await page.getByRole('button', { name: DA['sharing.recipients.fetch'] }).click();
    await page.getByText(/^Føtex Madbudget er tilføjet\./).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'sharing with a recipient');

    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    const wizard = page.getByRole('region', { name: DA['sharing.wizard.recipient'] });
    await wizard.getByRole('radio', { name: /Føtex Madbudget/ }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Madbudget');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('checkbox', { name: DA['sharing.wizard.foodBudget'] }).check();
    await page.getByLabel(DA['sharing.wizard.months']).fill('3');
    await page.getByRole('checkbox', { name: DIET_TITLE, exact: true }).check();
    await expectAccessible(page, 'wizard, data');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryDate'] }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    // The approval screen names exactly what leaves: three months of amounts and the one note.
    await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    const approval = page.locator('.approval');
    await approval.getByText(textCount(DA, 'sharing.item.food-budget', 3)).waitFor();
    await approval.getByText(text(DA, 'sharing.item.note', { label: DIET_TITLE })).waitFor();
    expect(await approval.getByRole('listitem').count()).toBe(2);
    await expectAccessible(page, 'approval');
    await page.screenshot({ path: screenshotPath('thomas-approval-da'), fullPage: true });
    expect(await budgetPage()).toContain('Ingen data');
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();

    await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: text(DA, 'sharing.wizard.sendEndpoint', { name: 'Føtex Madbudget' }) }).click();
    await page.getByText(text(DA, 'sharing.delivery.ok.endpoint', { detail: new URL(budget.url).host })).waitFor({ timeout: 30_000 });

    // The budget tool checked the bundle and shows the food budget per month and the diet plan.
    const html = await budgetPage();
    for (const m of FOOD) expect(html).toContain(`<td data-month="${m.month}">${kroner(m.spentMinor)}</td>`);
    expect(html).toContain(`<td data-testid="average">${kroner(FOOD_AVERAGE)}</td>`);
    expect(html).toContain(DIET_BODY);
    // Amounts per month only: no shop, no rent, no single transaction left his computer.
    for (const detail of ['Netto', 'Føtex Vesterbro', 'Husleje', 'Apoteket', '5.900']) expect(html).not.toContain(detail);
    const shown = await context.newPage();
    await shown.goto(budget.url);
    await shown.getByRole('table', { name: 'Madbudget pr. måned' }).waitFor();
    await expectAccessible(shown, 'budget tool page');
    await shown.screenshot({ path: screenshotPath('thomas-budget-tool-da'), fullPage: true });
    await shown.close();

    // The same bundle as a file, for the receiver page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    bundlePath = join(tmp, download.suggestedFilename());
    await download.saveAs(bundlePath);
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
  });

  it('opens the same bundle on the receiver page in a separate plain browser and sees the same data', async () => {
    plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    receiverContext = await plain.newContext({ locale: 'da-DK' });
    const receiver = await receiverContext.newPage();
    await receiver.goto(pathToFileURL(RECEIVER_PAGE).href);
    await receiver.getByLabel(RECEIVER_DA['form.fileLabel']).setInputFiles(bundlePath);
    await receiver.getByLabel(RECEIVER_DA['form.keyLabel']).fill(budget.identity.identity);
    await receiver.getByRole('button', { name: RECEIVER_DA['form.submit'] }).click();
    const result = receiver.getByRole('article', { name: RECEIVER_DA['result.title'] });
    await result.waitFor({ timeout: 30_000 });
    expect(await receiver.getByTestId('validity').textContent()).toBe(RECEIVER_DA['result.valid']);
    expect(await receiver.getByTestId('issuer').textContent()).toBe('Thomas');
    expect(await receiver.getByTestId('purpose').textContent()).toBe('Madbudget');
    const rows = await result.getByRole('table', { name: 'Madbudget pr. måned' }).getByRole('row').allInnerTexts();
    for (const m of FOOD)
      expect(
        rows.some((r) => r.includes(monthName(m.month)) && r.includes(kroner(m.spentMinor))),
        `${m.month} in ${rows.join(' | ')}`,
      ).toBe(true);
    await result.getByText(kroner(FOOD_AVERAGE)).first().waitFor();
    await result.getByText(DIET_BODY).first().waitFor();
    await receiver.screenshot({ path: screenshotPath('thomas-receiver-da'), fullPage: true });
    await receiverContext.close();
    receiverContext = undefined;
  });

  it('revokes the share in the ledger: the tool then holds no data and refuses the bundle', async () => {
    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Føtex Madbudget', purpose: 'Madbudget' }) });
    await grant.getByText(DA['sharing.grants.status.active']).waitFor();
    await grant.getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    await page.getByRole('dialog').getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    await page.getByText(text(DA, 'sharing.grants.revoked', { name: 'Føtex Madbudget' })).waitFor({ timeout: 30_000 });
    await grant.getByText(DA['sharing.grants.status.revoked']).waitFor();

    expect(await budgetPage()).toContain('Ingen data');
    const again = await fetch(`${budget.url}/bundles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: readFileSync(bundlePath),
    });
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ reason: 'revoked' });
  });

  it('gives his lawyer the case material until the case closes, and the access ends by itself when it does', async () => {
    await page.getByLabel(DA['sharing.recipients.pasteLabel']).fill(lawyer.recipient);
    await page.getByLabel(DA['sharing.recipients.nameLabel']).fill('Advokat Jensen');
    await page.getByRole('button', { name: DA['sharing.recipients.add'] }).click();
    await page.getByText(/^Advokat Jensen er tilføjet\./).waitFor();

    const theCase = [...municipality.state.ledger('thomas').changesAfter('cases', 0)]
      .map((e) => e.record as unknown as { id: string; caseNumber: string })
      .find((c) => c.id === LAWYER_CASE)!;
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('radio', { name: /Advokat Jensen/ }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Hjælp med sagen om arbejdsevne');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page
      .getByRole('group', { name: new RegExp(theCase.caseNumber) })
      .getByRole('checkbox', { name: DA['sharing.wizard.wholeCase'] })
      .check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryCase'] }).check();
    await page
      .getByLabel(DA['sharing.wizard.expiryCaseLabel'])
      .selectOption(
        (await page.getByLabel(DA['sharing.wizard.expiryCaseLabel']).locator('option', { hasText: theCase.caseNumber }).getAttribute('value')) as string,
      );
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    await page
      .locator('.approval')
      .getByText(text(DA, 'sharing.grants.untilCase', { caseNumber: theCase.caseNumber }))
      .waitFor();
    // The approval names the calendar copy and each PDF document that goes as its file.
    const copies = page.locator('ul.approval-copies li');
    await copies.first().waitFor();
    const copyTexts = await copies.allTextContents();
    expect(copyTexts[0]).toBe(text(DA, 'sharing.copy.ics', { name: 'activities.ics' }));
    expect(copyTexts.slice(1).length).toBeGreaterThanOrEqual(3);
    for (const line of copyTexts.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}-[A-Za-z0-9._-]+\.pdf – selve dokumentet \(.+\)$/);
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    const lawyerBundle = join(tmp, `lawyer-${download.suggestedFilename()}`);
    await download.saveAs(lawyerBundle);
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();

    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Advokat Jensen', purpose: 'Hjælp med sagen om arbejdsevne' }) });
    await grant.getByText(DA['sharing.grants.status.active']).waitFor();
    await grant.getByText(text(DA, 'sharing.grants.untilCase', { caseNumber: theCase.caseNumber })).waitFor();

    // The municipality closes the case; the next sync brings that home and the grant ends.
    const closed = await fetch(`${municipality.url}/__test/citizens/thomas/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ op: 'update', resource: 'cases', id: LAWYER_CASE, patch: { status: 'closed', closedAt: new Date().toISOString().slice(0, 10) } }),
    });
    expect(closed.status, await closed.clone().text()).toBe(200);
    await section(page, 'section.municipality');
    await page.getByRole('button', { name: DA['muni.syncNow'] }).click();
    await page.getByText(/^Færdig: \d+ oplysning(er)? er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    await section(page, 'section.sharing');
    await grant.getByText(DA['sharing.grants.status.case-closed']).waitFor({ timeout: 30_000 });
    expect(await grant.getByRole('button', { name: DA['sharing.grants.revoke'] }).count()).toBe(0);
    await expectAccessible(page, 'ledger with ended grants');
    await page.screenshot({ path: screenshotPath('thomas-ledger-da'), fullPage: true });

    // The lawyer reads the case material on the receiver page, and checks the municipality's own
    // signature on it with the municipality's published keys (loaded as a file: the page fetches nothing).
    receiverContext = await plain!.newContext({ locale: 'da-DK', acceptDownloads: true });
    const receiver = await receiverContext.newPage();
    await receiver.goto(pathToFileURL(RECEIVER_PAGE).href);
    await receiver.getByLabel(RECEIVER_DA['form.fileLabel']).setInputFiles(lawyerBundle);
    await receiver.getByLabel(RECEIVER_DA['form.keyLabel']).fill(lawyer.identity);
    await receiver.getByRole('button', { name: RECEIVER_DA['form.submit'] }).click();
    const result = receiver.getByRole('article', { name: RECEIVER_DA['result.title'] });
    await result.waitFor({ timeout: 30_000 });
    await result.getByText(theCase.caseNumber).first().waitFor();

    // The appointments and deadlines as a calendar file, and the PDFs as themselves, for download.
    const opened = await openBundle(new Uint8Array(readFileSync(lawyerBundle)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const shared = (
      opened.data.cases as {
        activities: { id: string; title: string; dueAt?: string }[];
        decisions?: { title: string; appeal?: { deadline: string } }[];
        documentFiles: { file: string }[];
      }[]
    )[0]!;
    // The lawyer's calendar: the case's appointments and deadlines, then the last day to appeal each
    // decision that can be appealed, unless the case already lists a deadline that day.
    const deadlineDays = new Set(shared.activities.filter((a) => a.dueAt).map((a) => danishDay(a.dueAt!)));
    const appealDays = (shared.decisions ?? []).filter((d) => d.appeal && !deadlineDays.has(d.appeal.deadline)).map((d) => `Klagefrist: ${d.title}`);
    const filesRegion = result.getByRole('region', { name: RECEIVER_DA['files.title'] });
    const names = opened.files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1));
    expect(names[0]).toBe('activities.ics');
    expect(opened.files.slice(1).map((f) => f.path)).toEqual(shared.documentFiles.map((d) => d.file));
    expect(await filesRegion.getByRole('link').allTextContents()).toEqual(
      ['data.json', ...names].map((name) => RECEIVER_DA['files.download'].replace('{name}', name)),
    );
    await filesRegion.getByText(RECEIVER_DA['files.kind.activities.ics'], { exact: false }).waitFor();
    expect(await filesRegion.getByText(RECEIVER_DA['files.kind.document'], { exact: false }).count()).toBe(shared.documentFiles.length);
    for (const name of [names[0]!, names[1]!]) {
      const [got] = await Promise.all([
        receiver.waitForEvent('download'),
        filesRegion.getByRole('link', { name: RECEIVER_DA['files.download'].replace('{name}', name) }).click(),
      ]);
      const bytes = readFileSync((await got.path())!);
      expect(new Uint8Array(bytes)).toEqual(opened.files.find((f) => f.path.endsWith(`/${name}`))!.bytes);
      if (name === 'activities.ics') {
        const { events } = checkIcs(bytes.toString('utf8'));
        expect(events.map((e) => e.text('SUMMARY'))).toEqual([...shared.activities.map((a) => a.title), ...appealDays]);
        // python3-icalendar, as a calendar program's importer would, reads the same events without an error.
        const python = withFiles({ 'a.ics': bytes }, (dir) => pythonIcalendarRead(join(dir, 'a.ics')));
        expect(python.errors).toEqual([]);
        expect(python.events.map((e) => e.summary)).toEqual([...shared.activities.map((a) => a.title), ...appealDays]);
      } else expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    await result.getByText(RECEIVER_DA['provenance.municipality'].replace('{source}', 'Vesterå Kommune')).first().waitFor();
    const jwksFile = join(tmp, 'jwks.json');
    writeFileSync(jwksFile, await (await fetch(`${municipality.url}/.well-known/jwks.json`)).text());
    const keyInputs = result.getByLabel(RECEIVER_DA['provenance.jwksLabel']);
    expect(await keyInputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await keyInputs.count()); i++) await keyInputs.nth(i).setInputFiles(jwksFile);
    const checks = result.locator('[data-testid^="provenance-check-"]');
    for (let i = 0; i < (await checks.count()); i++)
      expect(await checks.nth(i).textContent()).toMatch(
        /^Kontrolleret med jwks\.json: underskriften er kommunens, og de \d+ poster er præcis dem, kommunen underskrev\.$/,
      );
    await receiver.screenshot({ path: screenshotPath('thomas-receiver-lawyer-da'), fullPage: true });

    // Nothing was ever shared with anyone else: the ledger holds exactly the two grants he approved.
    expect(await page.getByRole('list', { name: DA['sharing.grants.listLabel'] }).getByRole('article').count()).toBe(2);
  });
});
