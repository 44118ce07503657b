/**
 * Letters in, in real Chromium: Thomas, signed in to the reference municipality, adds a decision
 * on his cash benefit and a summons to his rehabilitation team as PDFs on the Breve screen. Each
 * is reviewed with what was found marked in the letter's text, confirmed, and stored in the case
 * its case number names; the appeal deadline and the meeting appear in the calendar marked as
 * read from a letter, with reminder alarms. While the letters are read and stored, the browser
 * makes no request beyond the extension's own files. A JPEG named .pdf and a broken PDF get
 * clear messages and store nothing. axe-core on the Breve screens.
 *
 * As in the overview test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { alarmNames, BAD_FILES, confirmSummonsReview, expectLetterEntriesInCalendar, thomasLetters, type TestLetterFile } from './harness/letters';
import {
  chromiumForThisFile,
  connectMunicipalityFromEmptyOverview,
  createVault,
  DA,
  expectAccessible,
  recordsOfKind,
  screenHeading,
  screenshotPath,
  sectionsNav,
  text,
  textCount,
} from './harness/vault-ui';
import type { ChromiumSession } from './harness/chromium';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

describe('Thomas adds letters as PDFs', () => {
  let session: ChromiumSession;
  let page: Page;
  let letters: { decision: TestLetterFile; summons: TestLetterFile };
  const requests: string[] = [];
  const record = (r: Request) => requests.push(r.url());

  it('signs in and opens Breve', async () => {
    session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connectMunicipalityFromEmptyOverview(page, server.url);
    letters = await thomasLetters(server);
    await sectionsNav(page).getByRole('button', { name: DA['section.letters'] }).click();
    await screenHeading(page, DA['letters.title']).waitFor();
    await page.getByText(DA['letters.list.none']).waitFor();
    await expectAccessible(page, 'Breve, empty');
  });

  it('reads both letters with no network request, and shows what was found in the letter’s text', async () => {
    session.context.on('request', record);
    const picker = page.getByLabel(DA['letters.import.choose']);
    await picker.setInputFiles([
      { name: letters.decision.name, mimeType: 'application/pdf', buffer: letters.decision.bytes },
      { name: letters.summons.name, mimeType: 'application/pdf', buffer: letters.summons.bytes },
    ]);
    const review = page.getByRole('region', { name: text(DA, 'letters.review.title', { name: letters.decision.name }) });
    await review.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('letter-review-title');
    // The case number is marked in the letter's own text, and the case it names is the one offered.
    await review.locator('.letter-text mark', { hasText: letters.decision.caseNumber }).waitFor();
    const caseField = review.getByLabel(DA['letters.review.case']);
    const chosen = await caseField.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    expect(chosen.startsWith(text(DA, 'letters.review.caseFound', { title: '' }))).toBe(true);
    const appeal = letters.decision.reading.dates.find((d) => d.value.meaning === 'appeal-deadline')!;
    const deadline = review.getByRole('group', { name: `${DA['letters.review.deadline']} 1` });
    expect(await deadline.getByLabel(DA['letters.review.day']).inputValue()).toBe(appeal.value.date);
    await deadline.getByText(/Sådan er fristen regnet ud: 4 uger fra/).waitFor();
    await expectAccessible(page, 'review of a decision');
    await page.screenshot({ path: screenshotPath('letters-review'), fullPage: true });
    await review.getByRole('button', { name: DA['letters.review.confirm'] }).click();

    await confirmSummonsReview(page, letters.summons.name);
    session.context.off('request', record);

    const ownFiles = (url: string) => url.startsWith(`chrome-extension://${session.extensionId}/`) || url.startsWith('blob:') || url.startsWith('data:');
    expect(requests.filter((url) => !ownFiles(url))).toEqual([]);
    // The worker script itself was loaded: the recording saw the reading happen.
    expect(requests.some((url) => url.endsWith('/letter-worker.js'))).toBe(true);
  });

  it('stored each letter in its case, with the PDF and the calendar entries', async () => {
    const cases = await recordsOfKind(page, 'municipal-case');
    const vaultIdOf = (caseNumber: string) => cases.find((c) => (c.data.record as { caseNumber: string }).caseNumber === caseNumber)!.id;
    const stored = await recordsOfKind(page, 'letter');
    expect(stored).toHaveLength(2);
    const byFile = new Map(stored.map((l) => [l.data.fileName as string, l]));
    expect(byFile.get(letters.decision.name)!.data).toMatchObject({
      case: { kind: 'municipal-case', id: vaultIdOf(letters.decision.caseNumber) },
      provenance: 'read-by-citizen-from-letter',
      scan: false,
      reading: { type: 'decision', caseNumbers: [letters.decision.caseNumber] },
    });
    expect(byFile.get(letters.summons.name)!.data).toMatchObject({ case: { kind: 'municipal-case', id: vaultIdOf(letters.summons.caseNumber) } });
    const pdfs = (await recordsOfKind(page, 'attachment')).filter((a) => (a.data.attachedTo as { kind: string }).kind === 'letter');
    expect(pdfs.map((p) => p.data.size).sort()).toEqual([letters.decision.bytes.length, letters.summons.bytes.length].sort());
    expect(await recordsOfKind(page, 'own-case')).toEqual([]);

    const events = await recordsOfKind(page, 'letter-event');
    expect(events.map((e) => [e.data.kind, e.data.title]).sort()).toEqual([
      ['appointment', 'Møde i rehabiliteringsteamet'],
      ['deadline', DA['letters.review.appeal']],
    ]);
    await expect.poll(() => alarmNames(page)).toEqual(expect.arrayContaining(events.map((e) => expect.stringContaining(`:letter:${e.id}:`))));
    await page
      .getByRole('region', { name: DA['letters.list.title'] })
      .getByText(textCount(DA, 'letters.list.events', 1))
      .first()
      .waitFor();
    await expectAccessible(page, 'Breve with two letters');
  });

  it('shows the meeting and the appeal deadline in the calendar, marked as read from a letter', async () => {
    // Thomas's case system lists a meeting of the same name; the letter's is its own entry.
    await expectLetterEntriesInCalendar(page, ['Møde i rehabiliteringsteamet', DA['letters.review.appeal']]);
  });

  it('a JPEG named .pdf and a broken PDF get clear messages, and nothing is stored', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.letters'] }).click();
    await page.getByLabel(DA['letters.import.choose']).setInputFiles([
      { name: BAD_FILES.jpeg.name, mimeType: 'application/pdf', buffer: BAD_FILES.jpeg.bytes },
      { name: BAD_FILES.broken.name, mimeType: 'application/pdf', buffer: BAD_FILES.broken.bytes },
    ]);
    const alert = page.locator('.letter-import [role="alert"]');
    await alert
      .getByText(text(DA, 'letters.import.problem', { name: BAD_FILES.jpeg.name, message: DA['letters.error.letter-not-a-pdf'] }))
      .waitFor({ timeout: 60_000 });
    const said = (await alert.textContent()) ?? '';
    const broken = [DA['letters.error.letter-damaged'], DA['letters.error.letter-empty']].map((message) =>
      text(DA, 'letters.import.problem', { name: BAD_FILES.broken.name, message }),
    );
    expect(
      broken.some((line) => said.includes(line)),
      said,
    ).toBe(true);
    await page.getByText(DA['letters.import.nothingRead']).waitFor();
    await expectAccessible(page, 'Breve with unreadable files');
    expect(await recordsOfKind(page, 'letter')).toHaveLength(2);
    expect(await recordsOfKind(page, 'letter-event')).toHaveLength(2);
  });

  it('keeps a hospital letter in a case of his own, with a page to rename and, once empty, delete it', async () => {
    const name = '20-auh-indkaldelse-ortopaedkirurgi.pdf';
    await sectionsNav(page).getByRole('button', { name: DA['section.letters'] }).click();
    await page
      .getByLabel(DA['letters.import.choose'])
      .setInputFiles([{ name, mimeType: 'application/pdf', buffer: readFileSync(join('tests/fixtures/letters', name)) }]);
    const review = page.getByRole('region', { name: text(DA, 'letters.review.title', { name }) });
    await review.waitFor({ timeout: 60_000 });
    // No case of Thomas's has its number: a case of his own is offered.
    const caseField = review.getByLabel(DA['letters.review.case']);
    expect(await caseField.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toBe(DA['letters.review.caseNew']);
    await review.getByRole('button', { name: DA['letters.review.confirm'] }).click();
    await expect.poll(async () => (await recordsOfKind(page, 'own-case')).length).toBe(1);
    const [own] = await recordsOfKind(page, 'own-case');
    const title = own!.data.title as string;

    // From the list of letters, the case's name opens its page, at an address of its own.
    await page.getByRole('region', { name: DA['letters.list.title'] }).getByRole('link', { name: title }).click();
    await screenHeading(page, title).waitFor();
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/letters/case/${own!.id}\\?p=`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(title);
    await page.getByText(DA['letters.ownCase.provenance']).waitFor();
    const events = page.getByRole('region', { name: DA['letters.ownCase.events'] });
    expect(await events.locator('li').count()).toBe(1);
    expect(await events.locator('li').first().textContent()).toContain('08.15');
    await page.getByText(textCount(DA, 'letters.ownCase.holdsLetters', 1)).waitFor();
    expect(await page.getByRole('button', { name: DA['letters.ownCase.delete'] }).count()).toBe(0);
    await expectAccessible(page, 'a case of his own');

    // Renamed: the heading and the stored case follow.
    const renamed = 'Skulderen, Aarhus Universitetshospital';
    await page.getByLabel(DA['letters.ownCase.name']).fill(renamed);
    await page.getByRole('button', { name: DA['letters.ownCase.rename'] }).click();
    await screenHeading(page, renamed).waitFor();
    expect((await recordsOfKind(page, 'own-case'))[0]!.data.title).toBe(renamed);

    // Back goes to the letters; Forward to the case again, by its address.
    await page.goBack();
    await screenHeading(page, DA['letters.title']).waitFor();
    await page.goForward();
    await screenHeading(page, renamed).waitFor();

    // Its letter deleted, the case can be deleted too, and the page goes back to the letters.
    await page
      .getByRole('region', { name: DA['letters.list.caseTitle'] })
      .getByRole('button', { name: new RegExp(`^${DA['letters.list.delete']}`) })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: DA['letters.list.delete'] }).click();
    await page.getByRole('button', { name: DA['letters.ownCase.delete'] }).click();
    await page.getByRole('dialog').getByRole('button', { name: DA['letters.ownCase.delete'] }).click();
    await screenHeading(page, DA['letters.title']).waitFor();
    await expect.poll(async () => (await recordsOfKind(page, 'own-case')).length).toBe(0);
    expect(await recordsOfKind(page, 'letter')).toHaveLength(2);
  });

  it('opens the municipality’s case a letter is in from the list of letters', async () => {
    const cases = await recordsOfKind(page, 'municipal-case');
    const cash = cases.find((c) => (c.data.record as { caseNumber: string }).caseNumber === letters.decision.caseNumber)!;
    const title = (cash.data.record as { title: string }).title;
    await page.getByRole('region', { name: DA['letters.list.title'] }).getByRole('link', { name: title }).first().click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`^#/overview/case/${cash.id}\\?p=`));
  });
});
