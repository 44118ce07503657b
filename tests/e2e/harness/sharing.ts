/**
 * Sharing steps the citizen stories repeat: adding recipients in the vault's Deling section,
 * closing a case at the reference municipality, and reading "who has my data" in the popup.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { explainTopic } from '../../../src/municipal/plain-language/index';
import type { RunningMunicipality } from '../../../src/municipality-server/server';
import type { ChromiumSession } from './chromium';
import { DA, expectAccessible, screenshotPath, text } from './vault-ui';

/** Adds a recipient by its address (a municipality, a service) and waits until the vault says it is added as `name`. */
export async function addRecipientByAddress(page: Page, address: string, name: string): Promise<void> {
  await page.getByRole('textbox', { name: DA['sharing.recipients.domainLabel'] }).fill(address);
  await page.getByRole('button', { name: DA['sharing.recipients.fetch'] }).click();
  await page.getByText(new RegExp(`^${escapeRegExp(name)} er tilføjet\\.`)).waitFor({ timeout: 30_000 });
}

/** Adds a person (a lawyer) by pasting their public key, under `name`. */
export async function addRecipientByKey(page: Page, recipient: string, name: string): Promise<void> {
  await page.getByLabel(DA['sharing.recipients.pasteLabel']).fill(recipient);
  await page.getByLabel(DA['sharing.recipients.nameLabel']).fill(name);
  await page.getByRole('button', { name: DA['sharing.recipients.add'] }).click();
  await page.getByRole('heading', { level: 4, name }).waitFor();
}

/** The share wizard's box for a case's summary, which names the case by its plain name and number, e.g. "… Genoptræning (2026-…)". */
export const caseSummaryBox = (page: Page, kle: string): Locator =>
  page.getByRole('checkbox', {
    name: new RegExp(`^${escapeRegExp(text(DA, 'sharing.wizard.summary', { title: explainTopic(kle, 'da')!.plainTitle }))} \\(\\d`),
  });

interface ServedCase {
  id: string;
  statusHistory: unknown[];
}

/** The municipality closes `served` today, as its caseworker would; the vault learns it at its next sync. */
export async function closeCaseAtMunicipality(municipality: Pick<RunningMunicipality, 'url'>, citizen: string, served: ServedCase): Promise<void> {
  const res = await fetch(`${municipality.url}/__test/citizens/${citizen}/changes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      op: 'update',
      resource: 'cases',
      id: served.id,
      patch: { status: 'closed', closedAt: '2026-12-07', statusHistory: [...served.statusHistory, { status: 'closed', at: '2026-12-07T10:00:00+01:00' }] },
    }),
  });
  expect(res.status).toBe(200);
}

/**
 * Opens the popup's "who has my data" and checks that `holder` is the one party listed as still
 * holding a copy of an ended share, and that no share is active. axe-core on the popup.
 */
export async function expectPopupListsOnlyEndedCopy(session: ChromiumSession, holder: string, screenshot: string): Promise<void> {
  const popup = await session.openPage('popup.html');
  await popup.getByRole('button', { name: DA['popup.whoHas'] }).click();
  await popup.getByRole('heading', { name: DA['popup.whoHasEndedHeading'] }).waitFor();
  const ended = popup.getByRole('list', { name: DA['popup.whoHasEndedHeading'] });
  await ended.getByText(new RegExp(`^${escapeRegExp(holder)} har stadig en kopi af .+ – delingen er afsluttet$`)).waitFor();
  expect(await ended.getByRole('listitem').count()).toBe(1);
  expect(await popup.getByRole('list', { name: DA['popup.whoHasActive'] }).count()).toBe(0);
  await popup.getByText(DA['popup.whoHasNoActive']).waitFor();
  expect(await popup.getByText(DA['popup.whoHasNone']).count()).toBe(0);
  await expectAccessible(popup, 'popup: still holds a copy');
  await popup.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  await popup.close();
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
