/**
 * "This is wrong or incomplete" on an appointment, in real Chromium against the reference
 * municipality: Thomas opens the calendar, picks an appointment that belongs to one of his
 * cases, says the time is wrong and what it should be, saves it as a draft (status "draft", kept
 * in the vault), then sends it: the request ends "received" with the municipality's signed
 * receipt, the municipality's inbox for that case holds exactly what was sent, and the case page
 * lists the request. The same action is offered on the appointments and deadlines in Now, on a
 * case's appointments and on its contact. axe-core on each new screen.
 *
 * As in the overview test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import { createHash } from 'node:crypto';
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
  overviewViewsNav,
  screenHeading,
  screenshotPath,
} from './harness/vault-ui';
import type { Activity, Case } from '../../src/municipal/api/schemas';
import { toApiCorrection, type CorrectionRequestData } from '../../src/records/own/index';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

const correctButton = (scope: ReturnType<Page['locator']>) => scope.getByRole('button', { name: new RegExp(`^${DA['own.correct.action']} `) });

async function requests(page: Page): Promise<{ id: string; data: CorrectionRequestData }[]> {
  const list = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'correction-request' });
  expect(list.ok).toBe(true);
  return list.value.records;
}

describe('a correction request on an appointment', () => {
  let page: Page;
  let appointment: Activity & { kind: 'appointment' };
  let theCase: Case;

  it('signs Thomas in and syncs; Now offers the action on its appointments and deadlines', async () => {
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connectMunicipalityFromEmptyOverview(page, server.url);
    await screenHeading(page, DA['now.title']).waitFor();
    const deadlines = page.getByRole('list', { name: DA['now.deadlines'] });
    await deadlines.waitFor();
    expect(await correctButton(deadlines).count()).toBe(await deadlines.locator(':scope > li').count());
    const appointments = page.getByRole('list', { name: DA['now.appointments'] });
    expect(await correctButton(appointments).count()).toBe(await appointments.locator(':scope > li').count());
    expect(await correctButton(appointments).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'now with correction actions');

    // An appointment on one of Thomas's cases, still planned, as the municipality serves it.
    const cases = servedRecords<Case>(server, 'thomas', 'cases');
    appointment = servedRecords<Activity>(server, 'thomas', 'activities').find(
      (a): a is Activity & { kind: 'appointment' } =>
        a.kind === 'appointment' && a.caseId !== undefined && a.status === 'planned' && cases.some((c) => c.id === a.caseId),
    )!;
    expect(appointment, 'Thomas has a planned appointment on a case').toBeDefined();
    theCase = cases.find((c) => c.id === appointment.caseId)!;
  });

  it('says in the calendar what is wrong with the appointment and saves it as a draft', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
    await screenHeading(page, DA['calendar.title']).waitFor();
    const entry = page
      .locator('.entry-appointment')
      .filter({ has: page.getByText(appointment.title, { exact: true }) })
      .filter({ has: page.locator(`time[datetime="${new Date(appointment.startsAt).toISOString()}"], time[datetime="${appointment.startsAt}"]`) })
      .first();
    await entry.waitFor();
    await correctButton(entry).click();

    const dialog = page.getByRole('dialog', { name: DA['own.correct.title'] });
    await dialog.waitFor();
    // The form names the appointment (its title and time) and starts on the first field.
    await dialog.getByText(new RegExp(`^${DA['own.correct.about'].replace('{record}', '')}${appointment.title}, `)).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await dialog.getByLabel(DA['own.correct.what']).fill('Tidspunktet er forkert. Vi aftalte i telefonen at mødes kl. 13.');
    await dialog.getByLabel(DA['own.correct.why']).fill('Jeg har genoptræning om formiddagen.');
    await dialog.getByLabel(DA['own.correct.field']).fill('Tidspunkt');
    await dialog.getByLabel(DA['own.correct.proposed']).fill('Kl. 13.00 samme dag');
    await expectAccessible(page, 'correction form on an appointment');
    await dialog.getByRole('button', { name: DA['own.correct.saveDraft'] }).click();
    await dialog.getByText(DA['own.correct.saved']).waitFor();
    await dialog.getByRole('status').filter({ hasText: DA['own.status.draft'] }).waitFor();

    const [draft] = await requests(page);
    expect(draft!.data.status).toEqual({ state: 'draft' });
    expect(draft!.data.target).toMatchObject({
      kind: 'municipal-activity',
      resource: 'activities',
      municipalId: appointment.id,
      caseId: appointment.caseId,
      field: 'Tidspunkt',
    });
    expect(draft!.data).toMatchObject({ whatIsWrong: 'Tidspunktet er forkert. Vi aftalte i telefonen at mødes kl. 13.', proposedValue: 'Kl. 13.00 samme dag' });
    // Nothing has gone to the municipality yet.
    expect(server.state.inbox.get('thomas') ?? []).toEqual([]);
  });

  it('sends it: received with a verified receipt, and the case’s inbox at the municipality holds exactly what was sent', async () => {
    const dialog = page.getByRole('dialog', { name: DA['own.correct.title'] });
    await dialog.getByRole('button', { name: DA['own.correct.send'] }).click();
    await dialog.getByText(/^Kommunen har modtaget din anmodning\. Kvittering: kvit-thomas-\d{4}\.$/).waitFor({ timeout: 30_000 });
    await dialog
      .getByRole('status')
      .filter({ hasText: /^Modtaget af kommunen / })
      .waitFor();
    await expectAccessible(page, 'correction on an appointment received');
    await page.screenshot({ path: screenshotPath('corrections-appointment-da'), fullPage: true });

    const [request] = await requests(page);
    const inbox = server.state.inbox.get('thomas') ?? [];
    expect(inbox.map((r) => [r.kind, r.caseId])).toEqual([['correction', appointment.caseId]]);
    expect(request!.data.status).toMatchObject({ state: 'received', receipt: inbox[0] });
    // The municipality's receipt is of the API request for this appointment, byte for byte.
    const body = Buffer.from(JSON.stringify(toApiCorrection(request!.data)));
    expect(JSON.parse(body.toString()).target).toEqual({ resource: 'activities', id: appointment.id, field: 'Tidspunkt' });
    expect(inbox[0]).toMatchObject({ bytes: body.length, sha256: createHash('sha256').update(body).digest('base64url') });

    await dialog.getByRole('button', { name: DA['own.correct.close'] }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('lists the request on the case, whose appointments and contact offer the same action', async () => {
    const entry = page
      .locator('.entry-appointment')
      .filter({ has: page.getByText(appointment.title, { exact: true }) })
      .first();
    await entry.getByRole('link', { name: new RegExp(`^${DA['doc.case'].replace('{title}', '')}`) }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: /\S/ }).first().waitFor();
    const list = page.getByRole('region', { name: DA['own.list.caseTitle'] });
    await list.getByText(/^Modtaget af kommunen .* \(kvittering kvit-thomas-\d{4}\)\.$/).waitFor();
    await list.getByText(new RegExp(`^${appointment.title}, `)).waitFor();

    const activities = page.getByRole('region', { name: DA['case.activities'] });
    expect(await correctButton(activities).count()).toBe(await activities.locator('.entries > li').count());
    const contact = page.getByRole('region', { name: DA['case.contact'] });
    await correctButton(contact).click();
    const dialog = page.getByRole('dialog', { name: DA['own.correct.title'] });
    await dialog.waitFor();
    // The contact's correction is about the case, with the detail filled in for the citizen.
    expect(await dialog.getByLabel(DA['own.correct.field']).inputValue()).toBe(DA['own.correct.contactField']);
    await dialog.getByText(new RegExp(DA['own.correct.contactTitle'].replace('{case}', '.+'))).waitFor();
    await expectAccessible(page, 'correction of a case contact');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(theCase.id).toBe(appointment.caseId);
  });
});
