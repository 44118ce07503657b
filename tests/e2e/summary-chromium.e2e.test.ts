/**
 * Summaries and calendar files in real Chromium. Thomas opens his rehabilitation case (27
 * documents), asks for its summary — points with links to the documents they come from, and no
 * network request while it is made — and shares the summary with his lawyer as a file, which the
 * receiver SDK opens. Then he imports a GP's invitation (.ics), the moved appointment and its
 * cancellation: the calendar shows one appointment, updated, then cancelled — never a copy; while
 * it is on, it has a reminder alarm named by ids only and shows on *Now*, marked as read in from
 * the file; once cancelled, both are gone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { open } from '../../src/receiver/sdk';
import { addDays, danishToday } from '../../src/shared/danish-time';
import type { ChromiumSession } from './harness/chromium';
import { addRecipientByKey, caseSummaryBox } from './harness/sharing';
import { addMunicipalityAndSignIn, chromiumForThisFile, createVault, DA, overviewViewsNav, recordsOfKind, text } from './harness/vault-ui';

const browser = chromiumForThisFile({ hostPermissions: ['http://127.0.0.1/*'] });
const tmp = mkdtempSync(join(tmpdir(), 'handlerum-summary-'));
const FIXTURES = resolve(import.meta.dirname, '../fixtures/calendar');
const REHAB_TITLE = 'Rehabiliteringsteam – afklaring af arbejdsevne';
let municipality: RunningMunicipality;
let session: ChromiumSession;
let page: Page;
const lawyer = generateIdentity();

beforeAll(async () => {
  municipality = await startMunicipalityServer({ port: 0, testMode: true });
});
afterAll(async () => {
  await municipality?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const nav = (p: Page) => p.getByRole('navigation', { name: DA['header.sections'] });

/** The alarms the extension has set (an extension page may read them). */
const alarmNames = (p: Page): Promise<string[]> =>
  p.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        (globalThis as unknown as { chrome: { alarms: { getAll(cb: (a: { name: string }[]) => void): void } } }).chrome.alarms.getAll((a) =>
          resolve(a.map((x) => x.name)),
        ),
      ),
  );

/** The GP invitation moved to tomorrow, so the calendar lists it as coming and Now among the next appointments. */
function invitation(name: string): string {
  const day = addDays(danishToday(), 1).replace(/-/g, '');
  const file = join(tmp, name);
  writeFileSync(file, readFileSync(join(FIXTURES, name), 'utf8').replace(/20261214T/g, `${day}T`));
  return file;
}

describe('summaries and calendar files in Chromium', () => {
  it('Thomas summarises his rehabilitation case: sourced points, links to documents, no network', async () => {
    session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await nav(page).getByRole('button', { name: DA['section.municipality'] }).click();
    await addMunicipalityAndSignIn(page, municipality.url);
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: 'Rehabiliteringsteamet' }).click();

    const requests: string[] = [];
    const watch = (request: { url(): string }) => {
      if (/^https?:/.test(request.url())) requests.push(request.url());
    };
    session.context.on('request', watch);
    await page.getByRole('button', { name: DA['summary.show'] }).click();
    const summary = page.locator('.summary');
    await summary.getByRole('heading', { name: `Resumé af sagen „${REHAB_TITLE}“` }).waitFor();
    session.context.off('request', watch);
    expect(requests).toEqual([]);

    await summary.getByText('Sagsakten har 27 dokumenter, heraf 22 journalnotater', { exact: false }).waitFor();
    await summary.getByText(/^Senest .*: Send dine bemærkninger til din rådgiver i jobcentret\.$/).waitFor();
    const quotes = summary.locator('[data-section="highlights"] .summary-point');
    expect(await quotes.count()).toBe(5);
    const first = quotes.first();
    const quote = (await first.locator('p').textContent())!.slice(1, -1);
    await first.getByRole('link').first().click();
    await page.locator('.document-text').waitFor();
    expect(await page.locator('.document-text').textContent()).toContain(quote);
  });

  it('shares the summary with his lawyer as a file; the receiver SDK opens it and the text is there', async () => {
    await nav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    await addRecipientByKey(page, lawyer.recipient, 'Advokat Karen Lund');
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('radio', { name: /Advokat Karen Lund/ }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Resumé af sagen om arbejdsevne');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await caseSummaryBox(page, '15.17.18').check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryDate'] }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    await page
      .locator('.approval')
      .getByText(/dækker 27 dokumenter: /)
      .waitFor();
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    const file = join(tmp, `summary-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();

    const opened = await open(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const [view] = opened.data.caseSummaries as {
      title: string;
      points: { text: string; sources: { documentTitle: string; date: string }[] }[];
      covers: unknown[];
    }[];
    expect(view!.title).toBe(`Resumé af sagen „${REHAB_TITLE}“`);
    expect(view!.covers).toHaveLength(27);
    expect(view!.points.some((p) => p.text.includes('Send dine bemærkninger til din rådgiver'))).toBe(true);
    expect(view!.points.filter((p) => p.text.startsWith('„')).every((p) => p.sources[0]!.documentTitle.length > 0)).toBe(true);
    // Only the summary: no case records left with it.
    expect(Object.keys(opened.data)).toEqual(['caseSummaries']);
  });

  it('imports an invitation, its move and its cancellation: one appointment, updated, then cancelled', async () => {
    await nav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByRole('link', { name: DA['calendar.title'] }).first().click();
    const upcoming = page.getByRole('region', { name: DA['calendar.upcoming'] });
    const entry = () => upcoming.locator('.entry', { hasText: 'Konsultation hos læge Ole Vinther' });
    const importFile = async (path: string, counts: string) => {
      await page.getByLabel(DA['calendar.importFile']).setInputFiles(path);
      const preview = page.locator('.import-preview');
      await preview.getByText(counts).waitFor({ timeout: 30_000 });
      await preview.getByRole('button', { name: DA['calendar.importConfirm'] }).click();
      await page.getByText(text(DA, 'calendar.importDone', { file: path.split('/').pop()! })).waitFor();
    };

    await importFile(invitation('gp-invitation.ics'), '1 nye, 0 ændrede, 0 aflyste, 0 uændrede.');
    await entry().waitFor();
    expect(await entry().locator('time').textContent()).toMatch(/kl\. 09\.30|09\.30/);
    await entry()
      .getByText(text(DA, 'calendar.fromFile', { file: 'gp-invitation.ics' }))
      .waitFor();

    // A reminder, as the municipality's appointments have: its alarm names the record by id only.
    const [stored] = await recordsOfKind(page, 'calendar-event');
    const reminder = `:imported:${stored!.id}:120`;
    await expect
      .poll(() => alarmNames(page))
      .toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^handlerum-reminder:[A-Za-z0-9_-]+${reminder}$`))]));
    // On Now, among the next appointments, marked as read in from the file.
    await overviewViewsNav(page).getByRole('link', { name: DA['view.now'] }).click();
    const nowEntry = page.getByRole('region', { name: DA['now.appointments'] }).locator('.entry', { hasText: 'Konsultation hos læge Ole Vinther' });
    await nowEntry.getByText(text(DA, 'calendar.fromFile', { file: 'gp-invitation.ics' })).waitFor();
    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();

    await importFile(invitation('gp-invitation-moved.ics'), '0 nye, 1 ændrede, 0 aflyste, 0 uændrede.');
    await expect.poll(async () => entry().locator('time').textContent()).toMatch(/11\.00/);
    expect(await entry().count()).toBe(1);

    // Called off: no longer coming, listed under earlier entries as cancelled, still only once.
    await importFile(invitation('gp-invitation-cancelled.ics'), '0 nye, 0 ændrede, 1 aflyste, 0 uændrede.');
    const past = page.getByRole('region', { name: DA['calendar.past'] });
    await past.locator('.entry', { hasText: 'Konsultation hos læge Ole Vinther' }).getByText(DA['calendar.status.cancelled']).waitFor();
    expect(await entry().count()).toBe(0);
    expect(await page.locator('.entry', { hasText: 'Konsultation hos læge Ole Vinther' }).count()).toBe(1);
    // Its reminders are gone with it, and so is its place on Now.
    await expect.poll(async () => (await alarmNames(page)).filter((name) => name.includes(reminder))).toEqual([]);
    await overviewViewsNav(page).getByRole('link', { name: DA['view.now'] }).click();
    await page.getByRole('region', { name: DA['now.appointments'] }).waitFor();
    await expect.poll(async () => nowEntry.count()).toBe(0);
    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
  });

  it('a file that is not a calendar gets a clear message and changes nothing', async () => {
    const notIcs = join(tmp, 'kontoudtog.ics');
    writeFileSync(notIcs, 'Dato;Tekst;Beløb\n01.02.2026;Netto;-12,00\n');
    await page.getByLabel(DA['calendar.importFile']).setInputFiles(notIcs);
    await page.getByText(text(DA, 'calendar.importFailed', { reason: 'Filen er ikke en kalenderfil (.ics).' })).waitFor();
    expect(await page.locator('.import-preview').count()).toBe(0);
  });
});
