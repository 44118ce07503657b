/**
 * Issue 16's story as one flow, in real Chromium against the reference municipality on
 * 127.0.0.1. Thomas adds a decision letter and a summons as PDFs on the Breve screen and confirms
 * what was read; the appeal deadline and the meeting appear in the calendar, marked as read from
 * a letter, with reminder alarms. He summarises his 27-document rehabilitation case and shares
 * the summary with his lawyer as a file. From the first letter to the summary on screen, the
 * browser asks for nothing beyond the extension's own files. The lawyer opens the file on the
 * receiver page in her own browser: the summary's heading, every point under its section with
 * the documents it comes from, and the documents it covers, as readable Danish, in print too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle';
import { open } from '../../src/receiver/sdk';
import { SUMMARY_SECTION } from '../../src/receiver-view/summary';
import { word } from '../../src/receiver-view/words';
import type { ChromiumSession } from './harness/chromium';
import { alarmNames, confirmSummonsReview, expectLetterEntriesInCalendar, thomasLetters, type TestLetterFile } from './harness/letters';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { launchPlainChromium, openBundleOnPage, openReceiverPage, printAll, receiverAxeViolations, squash } from './harness/receiver-page';
import { addRecipientByKey, caseSummaryBox } from './harness/sharing';
import {
  chromiumForThisFile,
  connectMunicipalityFromEmptyOverview,
  createVault,
  DA,
  expectAccessible,
  keepPagesOnFailure,
  overviewViewsNav,
  recordsOfKind,
  screenHeading,
  screenshotPath,
  sectionsNav,
  text,
} from './harness/vault-ui';

const REHAB_TITLE = 'Rehabiliteringsteam – afklaring af arbejdsevne';
const SUMMARY_TITLE = `Resumé af sagen „${REHAB_TITLE}“`;
const LAWYER = 'Advokat Karen Lund';

const server = municipalityForThisFile();
const extension = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core
const dir = mkdtempSync(join(tmpdir(), 'story-letters-'));
const lawyer = generateIdentity();
let receiverBrowser: Browser | undefined;
keepPagesOnFailure(() => receiverBrowser?.contexts() ?? []);

afterAll(async () => {
  await receiverBrowser?.close();
  rmSync(dir, { recursive: true, force: true });
});

type SharedSummary = {
  title: string;
  points: { section: string; text: string; sources: { documentTitle: string }[] }[];
  covers: { documentTitle: string }[];
};

describe('issue 16: letters in, deadlines in the calendar, a case summarised and read by the lawyer', () => {
  let session: ChromiumSession;
  let page: Page;
  let letters: { decision: TestLetterFile; summons: TestLetterFile };
  let summaryBundle: string;
  const requests: string[] = [];
  const record = (r: Request) => requests.push(r.url());

  it('Thomas adds a decision and a summons as PDFs and confirms what was read', async () => {
    session = await extension.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connectMunicipalityFromEmptyOverview(page, server.url);
    letters = await thomasLetters(server);

    // From here until the summary is on screen, nothing may leave the machine.
    session.context.on('request', record);
    await sectionsNav(page).getByRole('button', { name: DA['section.letters'] }).click();
    await screenHeading(page, DA['letters.title']).waitFor();
    await page.getByLabel(DA['letters.import.choose']).setInputFiles([
      { name: letters.decision.name, mimeType: 'application/pdf', buffer: letters.decision.bytes },
      { name: letters.summons.name, mimeType: 'application/pdf', buffer: letters.summons.bytes },
    ]);
    const decision = page.getByRole('region', { name: text(DA, 'letters.review.title', { name: letters.decision.name }) });
    await decision.waitFor({ timeout: 60_000 });
    const appeal = letters.decision.reading.dates.find((d) => d.value.meaning === 'appeal-deadline')!;
    const deadline = decision.getByRole('group', { name: `${DA['letters.review.deadline']} 1` });
    expect(await deadline.getByLabel(DA['letters.review.day']).inputValue()).toBe(appeal.value.date);
    await decision.getByRole('button', { name: DA['letters.review.confirm'] }).click();
    await confirmSummonsReview(page, letters.summons.name);
    expect(await recordsOfKind(page, 'letter')).toHaveLength(2);
  });

  it('the appeal deadline and the meeting are in the calendar, read from a letter, with reminders', async () => {
    const events = await recordsOfKind(page, 'letter-event');
    expect(events.map((e) => [e.data.kind, e.data.title]).sort()).toEqual([
      ['appointment', 'Møde i rehabiliteringsteamet'],
      ['deadline', DA['letters.review.appeal']],
    ]);
    await expect.poll(() => alarmNames(page)).toEqual(expect.arrayContaining(events.map((e) => expect.stringContaining(`:letter:${e.id}:`))));

    await expectLetterEntriesInCalendar(page, ['Møde i rehabiliteringsteamet', DA['letters.review.appeal']]);
  });

  it('he summarises the 27-document rehabilitation case, and nothing left the machine', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.now'] }).click();
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: 'Rehabiliteringsteamet' }).click();
    await page.getByRole('button', { name: DA['summary.show'] }).click();
    const summary = page.locator('.summary');
    await summary.getByRole('heading', { name: SUMMARY_TITLE }).waitFor();
    await summary.getByText('Sagsakten har 27 dokumenter', { exact: false }).waitFor();
    session.context.off('request', record);

    const ownFiles = (url: string) => url.startsWith(`chrome-extension://${session.extensionId}/`) || url.startsWith('blob:') || url.startsWith('data:');
    expect(requests.filter((url) => !ownFiles(url))).toEqual([]);
    // The recording saw the work happen: the letters' worker was loaded while it ran.
    expect(requests.some((url) => url.endsWith('/letter-worker.js'))).toBe(true);
    await expectAccessible(page, 'the case summary');
  });

  it('shares the summary with his lawyer as a file', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    await addRecipientByKey(page, lawyer.recipient, LAWYER);
    const next = page.getByRole('button', { name: DA['sharing.wizard.next'] });
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('radio', { name: new RegExp(LAWYER) }).check();
    await next.click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Resumé af sagen om arbejdsevne');
    await next.click();
    await caseSummaryBox(page, '15.17.18').check();
    await next.click();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryDate'] }).check();
    await next.click();
    await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    await page
      .locator('.approval')
      .getByText(/dækker 27 dokumenter: /)
      .waitFor();
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    summaryBundle = join(dir, 'resume.hrbundle');
    await download.saveAs(summaryBundle);
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
  });

  it('the lawyer reads the summary on the receiver page: its points by section, with their sources', async () => {
    const opened = await open(new Uint8Array(readFileSync(summaryBundle)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const [shared] = opened.data.caseSummaries as SharedSummary[];
    expect(shared!.covers).toHaveLength(27);

    receiverBrowser = await launchPlainChromium();
    const receiver = await openReceiverPage(receiverBrowser, 'da-DK');
    await openBundleOnPage(receiver, summaryBundle, lawyer.identity);
    const view = receiver.getByTestId('readable-summary');
    expect(await view.count()).toBe(1);
    await view.getByRole('heading', { level: 5, name: SUMMARY_TITLE }).waitFor();

    // Every section the summary has, in Danish, holding each of its points with their sources.
    const sections = [...new Set(shared!.points.map((p) => p.section))];
    expect(await view.locator('h6').allTextContents()).toEqual([
      ...sections.map((s) => word(SUMMARY_SECTION, s, 'da')),
      'Resuméet bygger på disse dokumenter (27)',
    ]);
    for (const section of sections) {
      const region = view.getByRole('region', { name: word(SUMMARY_SECTION, section, 'da') });
      const shown = squash(await region.innerText());
      for (const point of shared!.points.filter((p) => p.section === section)) {
        expect(shown, point.text).toContain(squash(point.text));
        for (const source of point.sources) expect(shown, `${point.text}: ${source.documentTitle}`).toContain(squash(source.documentTitle));
      }
    }
    expect(squash(await view.innerText())).toContain('Send dine bemærkninger til din rådgiver i jobcentret.');
    await view
      .getByText(/^Kilder: .+, \d{1,2}\. \p{L}+ \d{4}, sætning \d+/u)
      .first()
      .waitFor();
    expect(await view.locator('ul').last().locator('li').count()).toBe(27);
    const shownText = await receiver.evaluate(() => document.body.innerText);
    for (const raw of ['highlights', 'handlerum-extractive-1', 'case-summary', 'caseSummaries', 'recordType']) expect(shownText, raw).not.toContain(raw);
    expect(shownText).toMatch(/Kategorier\s+Resumé af en sag/);
    expect(await receiverAxeViolations(receiver), 'receiver page with a summary').toEqual([]);
    await receiver.screenshot({ path: screenshotPath('story-letters-receiver-summary'), fullPage: true });

    // Printed, the summary is whole too (compared without spaces: pdftotext breaks lines after a dash, "9–" "12").
    const bare = (t: string) => squash(t).replace(/ /g, '');
    const printed = bare(await printAll(receiver, join(dir, 'resume.pdf')));
    expect(printed).toContain(bare(SUMMARY_TITLE));
    for (const point of shared!.points) expect(printed, point.text).toContain(bare(point.text));
  });
});
