/**
 * The citizen's overview in real Chromium, against the reference municipality: a vault made
 * through the page, the municipality added by its address, Thomas signed in on the
 * municipality's login page, the sync's progress, and then what Thomas sees — open cases in
 * plain words, a decision and what it rests on, his caseworker, the next deadline in Now and in
 * the calendar, the payment chart; the .ics export parsed back with ical.js; a reminder
 * notification for a near deadline; axe-core on every new screen.
 *
 * Headless Chromium cannot answer the extension permission prompt (browser UI Playwright does
 * not drive), so, as in the connector's test, the browser runs a copy of the build whose
 * manifest already grants the loopback host — the state "Allow" leaves behind. The page still
 * calls permissions.request from the click, which then resolves at once.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import {
  addMunicipalityAndSignIn,
  callBackground,
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  overviewViewsNav,
  screenHeading,
  screenshotPath,
  sectionsNav,
  text,
} from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import type { Activity, Case, Decision } from '../../src/municipal/api/schemas';
import { endOfDanishDay } from '../../src/shared/danish-time';
import { danishDay, isEndOfDanishDay } from '../../src/shared/danish-time';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

describe('the overview of Thomas’s municipal data', () => {
  let page: Page;

  it('adds the municipality by its address, signs Thomas in and shows the sync progress', async () => {
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Thomas' });

    // Before any data: the overview explains and points to the municipality section.
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByText(DA['overview.empty']).waitFor();
    await page.getByRole('link', { name: DA['steps.municipality'] }).click();
    await screenHeading(page, DA['muni.title']).waitFor();
    await page.getByText(DA['muni.none']).waitFor();
    await expectAccessible(page, 'municipality, none yet');

    // A wrong address gets a plain message, before anything is asked of the browser.
    await page.getByLabel(DA['muni.address']).fill('ftp://kommune.example');
    await page.getByRole('button', { name: DA['muni.add'], exact: true }).click();
    await page.getByRole('alert').filter({ hasText: DA['error.invalid-address'] }).first().waitFor();
    await expectAccessible(page, 'municipality, address error');

    await addMunicipalityAndSignIn(page, server.url);

    // The progress bar runs while the sync does, then the connection shows its result.
    const connection = page.getByRole('article', { name: /Vesterå Kommune/ });
    await connection.waitFor({ timeout: 30_000 });
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    await connection.getByText(text(DA, 'muni.about', { name: 'Thomas Nørgaard Jensen' })).waitFor();
    expect(await connection.getByRole('button', { name: DA['muni.syncNow'] }).isEnabled()).toBe(true);
    await expectAccessible(page, 'municipality, connected');
    await page.screenshot({ path: screenshotPath('overview-municipality-da'), fullPage: true });
    const statuses = (await callBackground(page, 'municipalSyncStatus')).value as { state: string; fraction: number; rejected: number }[];
    expect(statuses.map((s) => [s.state, s.fraction, s.rejected])).toEqual([['ok', 1, 0]]);
  });

  it('shows Now: open cases in plain words, the next deadline, the latest payments', async () => {
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await screenHeading(page, DA['now.title']).waitFor();
    const openCases = page.getByRole('region', { name: DA['now.openCases'] });
    const cash = explainTopic('32.24.04', 'da')!.plainTitle;
    const travel = explainTopic('15.20.38', 'da')!.plainTitle;
    expect(cash).toBe('Kontanthjælp');
    await openCases.getByRole('link', { name: cash, exact: true }).waitFor();
    await openCases.getByRole('link', { name: travel, exact: true }).waitFor();
    const open = servedRecords<Case>(server, 'thomas', 'cases').filter((c) => c.status !== 'closed');
    await expect.poll(() => openCases.getByRole('listitem').count()).toBe(open.length);

    // The next deadline is the earliest one still ahead, among activities and last days to appeal.
    const now = Date.now();
    const deadlines = servedRecords<Activity>(server, 'thomas', 'activities')
      .filter(
        (a): a is Extract<Activity, { kind: 'deadline' }> =>
          a.kind === 'deadline' && (a.status === 'planned' || a.status === 'changed') && Date.parse(a.dueAt) >= now,
      )
      .map((a) => ({ title: a.title, at: Date.parse(a.dueAt) }));
    const firstActivityDeadline = deadlines.sort((a, b) => a.at - b.at)[0]!;
    const deadlineBlock = page.getByRole('region', { name: DA['now.deadlines'] });
    const firstShown = deadlineBlock.getByRole('listitem').first();
    const appeals = servedRecords<Decision>(server, 'thomas', 'decisions')
      // An appeal deadline the case system also lists as a deadline shows once, as that deadline.
      .filter((d) => d.appeal && endOfDanishDay(d.appeal.deadline) >= now)
      .filter(
        (d) =>
          !servedRecords<Activity>(server, 'thomas', 'activities').some(
            (a) =>
              a.kind === 'deadline' &&
              a.caseId === d.caseId &&
              new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(a.dueAt)) === d.appeal!.deadline,
          ),
      )
      .map((d) => ({ title: d.title, at: endOfDanishDay(d.appeal!.deadline) }));
    const next = [...deadlines, ...appeals].sort((x, y) => x.at - y.at)[0]!;
    expect(await firstShown.textContent()).toContain(next.title);
    await deadlineBlock.getByText(firstActivityDeadline.title).first().waitFor();
    await page.getByRole('region', { name: DA['now.payments'] }).getByText('Kontanthjælp').first().waitFor();
    await expectAccessible(page, 'now');
    await page.screenshot({ path: screenshotPath('overview-now-da'), fullPage: true });
  });

  it('opens a case: topic and status explained, the decision and its basis linked, the caseworker reachable', async () => {
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: 'Kontanthjælp', exact: true }).click();
    await screenHeading(page, 'Kontanthjælp').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kontanthjælp');
    await page.getByText(explainTopic('32.24.04', 'da')!.explanation!).waitFor();
    const contact = page.getByRole('region', { name: DA['case.contact'] });
    await contact.getByText('Sanne Holm Petersen').waitFor();
    const phone = contact.getByRole('link', { name: /72 36 41 12/ });
    expect(await phone.getAttribute('href')).toBe('tel:72364112');

    const cashCase = servedRecords<Case>(server, 'thomas', 'cases').find((c) => c.kle.code === '32.24.04')!;
    const decision = servedRecords<Decision>(server, 'thomas', 'decisions').find((d) => d.caseId === cashCase.id)!;
    const decisions = page.getByRole('region', { name: DA['case.decisions'] });
    await decisions.getByRole('heading', { name: decision.title }).first().waitFor();
    const documentBasis = decision.basis.find((b) => b.kind === 'document')!;
    await decisions.getByRole('link', { name: documentBasis.description }).first().click();
    // The basis link opens the very document the decision rests on.
    const docTitle = servedRecords<{ id: string; title: string }>(server, 'thomas', 'documents').find(
      (d) => d.id === (documentBasis as { documentId: string }).documentId,
    )!.title;
    await screenHeading(page, docTitle).waitFor();
    await expectAccessible(page, 'document');
    await page.getByRole('link', { name: 'Kontanthjælp' }).first().click();
    await screenHeading(page, 'Kontanthjælp').waitFor();

    // The citizen's own note, attached to the case.
    const notes = page.getByRole('region', { name: DA['case.notes'] });
    await notes.getByLabel(DA['notes.titleLabel']).fill('Ring til Sanne');
    await notes.getByRole('button', { name: DA['common.save'] }).click();
    await notes.getByText('Ring til Sanne').waitFor();
    await page.getByRole('region', { name: DA['case.timeline'] }).getByRole('listitem').first().waitFor();
    await expectAccessible(page, 'case page');
    await page.screenshot({ path: screenshotPath('overview-case-da'), fullPage: true });
  });

  it('shows the calendar as a list and a month, and exports an .ics that parses back into the same events', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
    await screenHeading(page, DA['calendar.title']).waitFor();
    const upcoming = page.getByRole('list', { name: DA['calendar.upcoming'] });
    await upcoming.getByRole('listitem').first().waitFor();
    await upcoming.getByText(/^Fra /).first().waitFor();
    await upcoming.getByRole('link', { name: DA['calendar.change'] }).first().waitFor();
    await expectAccessible(page, 'calendar list');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: DA['calendar.export'] }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(DA['calendar.fileName']);
    const ics = readFileSync((await file.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const activities = servedRecords<Activity>(server, 'thomas', 'activities');
    // An appeal deadline the case system also lists as a deadline is exported once.
    const listed = new Set(
      activities
        .filter((a) => a.kind === 'deadline')
        .map((a) => `${a.caseId}|${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(a.dueAt))}`),
    );
    const appeals = servedRecords<Decision>(server, 'thomas', 'decisions').filter((d) => d.appeal && !listed.has(`${d.caseId}|${d.appeal.deadline}`));
    expect(events).toHaveLength(activities.length + appeals.length);
    // Each activity is the event a share writes for it: the same UID, the title as the summary, and a
    // deadline at the end of a Danish day as that whole day.
    for (const a of activities) {
      const event = events.find((e) => e.uid === `${a.caseId ? `${a.caseId}.` : ''}${a.id}@handlerum`);
      expect(event, a.title).toBeDefined();
      expect(event!.summary).toBe(a.title);
      const at = a.kind === 'appointment' ? a.startsAt : a.dueAt;
      if (a.kind === 'deadline' && isEndOfDanishDay(at)) expect([event!.startDate.isDate, event!.startDate.toString()]).toEqual([true, danishDay(at)]);
      else expect(event!.startDate.toJSDate().getTime()).toBe(Date.parse(at));
      if (a.changeUrl) expect(event!.component.getFirstPropertyValue('url')).toBe(a.changeUrl);
    }
    for (const d of appeals)
      expect(events.some((e) => e.startDate.isDate && e.startDate.toString() === d.appeal!.deadline && e.summary.includes(d.title))).toBe(true);

    // The month view is a grid moved through with the arrow keys.
    await page.getByRole('button', { name: DA['calendar.month'] }).click();
    const grid = page.getByRole('grid');
    await grid.locator('td[tabindex="0"]').focus();
    const before = (await grid.locator('td[tabindex="0"]').getAttribute('data-day'))!;
    const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute('data-day') ?? null);
    const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await page.keyboard.press('ArrowRight');
    await expect.poll(focusedDay).toBe(dayAfter(before, 1));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedDay).toBe(dayAfter(before, 8));
    await page.keyboard.press('PageDown');
    const nextFirst = dayAfter(before, 8).slice(0, 7);
    await expect.poll(focusedDay).toMatch(/-01$/);
    expect((await focusedDay())! > nextFirst).toBe(true);
    await expectAccessible(page, 'calendar month');
    await page.screenshot({ path: screenshotPath('overview-calendar-month-da'), fullPage: true });
  });

  it('shows the payments as a chart with a table alternative, the access log, and Danish-aware search', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.payments'] }).click();
    await screenHeading(page, DA['payments.title']).waitFor();
    const chart = page.getByRole('img', { name: DA['payments.chartTitle'] });
    await chart.waitFor();
    expect(await chart.locator('rect.bar-paid').count()).toBeGreaterThan(3);
    await page.getByRole('table', { name: DA['payments.all'] }).getByText(/kr\./).first().waitFor();
    await expectAccessible(page, 'payments');
    await page.screenshot({ path: screenshotPath('overview-payments-da'), fullPage: true });

    await overviewViewsNav(page).getByRole('link', { name: DA['view.access'] }).click();
    await screenHeading(page, DA['access.title']).waitFor();
    await page.getByRole('columnheader', { name: DA['access.why'] }).waitFor();
    expect(await page.locator('table.access-log tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'access log');

    await overviewViewsNav(page).getByRole('link', { name: DA['view.search'] }).click();
    await screenHeading(page, DA['search.title']).waitFor();
    // "Vesteraa" is the old spelling of Vesterå; case does not matter.
    await page.getByLabel(DA['search.label']).fill('VESTERAA');
    await page
      .getByRole('status')
      .filter({ hasText: /resultat/ })
      .waitFor();
    await page.getByRole('heading', { level: 3, name: DA['search.kind.case'] }).waitFor();
    await page.getByLabel(DA['search.label']).fill('kontanthjælp');
    await page.getByRole('region', { name: DA['search.kind.case'] }).getByRole('link').first().waitFor();
    await expectAccessible(page, 'search');
    await page
      .getByRole('region', { name: DA['search.kind.case'] })
      .getByRole('link', { name: /^Kontanthjælp/ })
      .first()
      .click();
    await screenHeading(page, 'Kontanthjælp').waitFor();
  });

  it('reminds of a near deadline with a browser notification', async () => {
    // A deadline 16 minutes from now and a 15-minute lead time: the alarm is due in about a minute.
    const dueAt = new Date(Date.now() + 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const added = await fetch(`${server.url}/__test/citizens/thomas/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        op: 'add',
        resource: 'activities',
        record: {
          type: 'activity',
          id: 'test-near-deadline',
          kind: 'deadline',
          title: 'Send lægeerklæring',
          status: 'planned',
          source: { id: 'jobcenter', name: 'Jobcentret', category: 'job-centre' },
          dueAt,
        },
      }),
    });
    expect(added.status).toBe(200);

    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
    const reminders = page.getByRole('region', { name: DA['calendar.remindersTitle'] });
    await reminders.getByLabel(DA['lead.15']).check();
    await reminders.getByRole('button', { name: DA['calendar.remindersSave'] }).click();
    await reminders.getByText(DA['calendar.remindersSaved']).waitFor();
    expect(((await callBackground(page, 'getSettings')).value as { reminderLeadMinutes: number[] }).reminderLeadMinutes).toContain(15);

    await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
    // Slow pages, so the progress bar can be seen while the sync runs.
    const armed = await fetch(`${server.url}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'delay', delayMs: 400, times: 6 }),
    });
    expect(armed.ok).toBe(true);
    await page.getByRole('button', { name: DA['muni.syncNow'] }).click();
    const progress = page.getByRole('progressbar', { name: text(DA, 'muni.progressLabel', { name: 'Vesterå Kommune' }) });
    await progress.waitFor();
    expect(Number(await progress.getAttribute('value'))).toBeLessThan(1);
    await expectAccessible(page, 'municipality, syncing');
    await page.getByText(/^Færdig: \d+ oplysning(er)? er hentet eller opdateret\.$/).waitFor({ timeout: 60_000 });
    await progress.waitFor({ state: 'detached' });
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByRole('region', { name: DA['now.deadlines'] }).getByText('Send lægeerklæring', { exact: true }).waitFor();

    const notificationIds = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve) =>
            (globalThis as unknown as { chrome: { notifications: { getAll(cb: (n: object) => void): void } } }).chrome.notifications.getAll((n) =>
              resolve(Object.keys(n)),
            ),
          ),
      );
    await expect
      .poll(notificationIds, { timeout: 150_000, interval: 2000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^handlerum-reminder:.*:activity:.*:15$/)]));
  });

  it('removes the connection, and with it the fetched data when the citizen asks', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
    await page.getByRole('button', { name: DA['muni.disconnect'] }).click();
    const dialog = page.getByRole('dialog', { name: text(DA, 'muni.disconnectTitle', { name: 'Vesterå Kommune' }) });
    await dialog.waitFor();
    // Keeping the data is the default; the citizen picks deleting it.
    expect(await dialog.getByLabel(DA['muni.keepData']).isChecked()).toBe(true);
    await expectAccessible(page, 'disconnect dialog');
    await dialog.getByLabel(DA['muni.deleteData']).check();
    await dialog.getByRole('button', { name: DA['muni.disconnectConfirm'] }).click();
    await page.getByText(DA['muni.disconnected']).waitFor();
    await page.getByText(DA['muni.none']).waitFor();
    expect(
      ((await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'municipal-case' })).value as { records: unknown[] }).records,
    ).toEqual([]);
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByText(DA['overview.empty']).waitFor();
  });
});
