/**
 * Sharing with the municipality for a case, in real Chromium against the reference
 * municipality: Thomas signs in and syncs, adds the municipality as a recipient by its address,
 * shares a case through the wizard and sends it to the case's inbox. On the municipality's side
 * the bundle has arrived for that case and opens with the municipality's own key in the
 * receiver SDK: signed by Thomas, made for the municipality, the case material still carrying
 * the municipality's signatures. Then the municipality's server is down: the wizard says so in
 * plain words, and the ledger shows the share as not delivered.
 *
 * As in the other municipal tests, the extension build's manifest already grants the loopback
 * host (what "Allow" leaves behind; headless Chromium cannot click the browser's prompt).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { open, verifyMunicipalProvenance } from '../../src/receiver/sdk';
import { buildWithHostPermissions, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addMunicipalityAndSignIn, callBackground, createVault, DA, expectAccessible, keepPagesOnFailure, screenshotPath, text } from './harness/vault-ui';

let municipality: RunningMunicipality;
let session: ChromiumSession;
let page: Page;
const granted = buildWithHostPermissions(['http://127.0.0.1/*']);
const profileDir = newProfileDir();
keepPagesOnFailure(() => [session?.context]);

beforeAll(async () => {
  municipality = await startMunicipalityServer({ port: 0, testMode: true });
  session = await launchChromium({ profileDir, extensionDir: granted.dir, bypassCSP: true }); // bypassCSP: to inject axe-core
});
afterAll(async () => {
  await session?.close();
  await municipality?.close();
  removeProfileDir(profileDir);
  granted.remove();
});

const section = (key: 'section.municipality' | 'section.sharing') =>
  page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA[key] }).click();

type ServedCase = { id: string; caseNumber: string; status: string };

/** The wizard from start to the last step: the municipality, a purpose, one case, a date. */
async function shareCase(theCase: ServedCase, purpose: string): Promise<void> {
  await page.getByRole('button', { name: DA['sharing.start'] }).click();
  await page.getByRole('radio', { name: /Vesterå Kommune/ }).check();
  await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
  await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill(purpose);
  await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
  await page
    .getByRole('group', { name: new RegExp(theCase.caseNumber) })
    .getByRole('checkbox', { name: DA['sharing.wizard.wholeCase'] })
    .check();
  await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
  await page.getByRole('radio', { name: DA['sharing.wizard.expiryDate'] }).check();
  await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
  await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
  expect(await page.locator('ul.approval-items > li').count()).toBe(1);
  await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
  await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
}

describe('sharing with the municipality, to the case\u2019s inbox', () => {
  let theCase: ServedCase;

  it('sends a case to its inbox; the municipality has it for that case and opens it with its own key', async () => {
    page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/vault.html`);
    await createVault(page, { name: 'Thomas' });
    await section('section.municipality');
    await addMunicipalityAndSignIn(page, municipality.url);
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });

    const served = [...municipality.state.ledger('thomas').changesAfter('cases', 0)].map((e) => e.record as unknown as ServedCase);
    theCase = served.find((c) => c.status !== 'closed')!;
    expect(theCase).toBeDefined();

    await section('section.sharing');
    await page.getByRole('textbox', { name: DA['sharing.recipients.domainLabel'] }).fill(municipality.url);
    await page.getByRole('button', { name: DA['sharing.recipients.fetch'] }).click();
    await page.getByText(/^Vesterå Kommune er tilføjet\./).waitFor({ timeout: 30_000 });

    await shareCase(theCase, 'Dokumentation til sagen');
    await page.getByRole('button', { name: DA['sharing.wizard.sendInbox'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Kommunen har modtaget pakken i sagens indbakke \(kvittering kvit-thomas-\d{4}\)\./ })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'wizard: sent to the inbox');
    await page.screenshot({ path: screenshotPath('sharing-inbox-sent-da'), fullPage: true });

    // The municipality's side: one bundle, for that case, and its bytes as they arrived.
    const items = municipality.state.inbox.get('thomas') ?? [];
    expect(items.map((r) => [r.caseId, r.kind, r.status])).toEqual([[theCase.id, 'bundle', 'received']]);
    const receipt = items[0]!;
    await page.getByRole('status').filter({ hasText: receipt.id }).waitFor();
    const res = await fetch(`${municipality.url}/__test/inbox/${receipt.id}`);
    expect(res.status).toBe(200);
    const bundle = new Uint8Array(await res.arrayBuffer());
    expect(bundle.length).toBe(receipt.bytes);

    const opened = await open(bundle, { identity: municipality.state.recipient.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.manifest).toMatchObject({
      issuer: { name: 'Thomas' },
      recipient: { kind: 'x25519', name: 'Vesterå Kommune' },
      purpose: { text: { da: 'Dokumentation til sagen' } },
    });
    type Signed = { type: string; id: string; version: number };
    const cases = opened.data.cases as Record<string, Signed | Signed[]>[];
    expect(cases.map((c) => (c.case as Signed).id)).toEqual([theCase.id]);
    const shared = cases.flatMap((c) => Object.values(c).flat());
    const jwks = await (await fetch(`${municipality.url}/.well-known/jwks.json`)).json();
    const signed = opened.provenance.filter((p) => p.attestedBy === 'municipality');
    expect(signed.length).toBeGreaterThan(0);
    for (const entry of signed) {
      const covered = shared.filter((r) => entry.records.some((e) => e.type === r.type && e.id === r.id));
      expect(verifyMunicipalProvenance(entry, jwks, covered)).toMatchObject({ ok: true });
    }
    // Made for the municipality alone.
    expect(await open(bundle, { identity: generateIdentity().identity, now: new Date() })).toMatchObject({ ok: false, reason: 'wrong-key' });

    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Vesterå Kommune', purpose: 'Dokumentation til sagen' }) });
    await grant.getByText(DA['sharing.grants.status.active']).waitFor();
    await grant.getByText(new RegExp(`^Modtaget i kommunens indbakke .+ \\(kvittering ${receipt.id}\\)\\.$`)).waitFor();
  });

  it('says plainly when the municipality cannot be reached, and records nothing as delivered', async () => {
    await shareCase(theCase, 'Nye oplysninger til sagen');
    await municipality.close(); // the municipality's server is down
    await page.getByRole('button', { name: DA['sharing.wizard.sendInbox'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['sharing.error.inbox-unreachable'] }).waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /Kommunen har modtaget/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'wizard: the inbox did not answer');
    await page.screenshot({ path: screenshotPath('sharing-inbox-unreachable-da'), fullPage: true });
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();

    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Vesterå Kommune', purpose: 'Nye oplysninger til sagen' }) });
    await grant.getByText(DA['sharing.grants.status.active']).waitFor();
    await grant.getByText(new RegExp(`^${DA['sharing.grants.notDelivered'].split('{when}')[0]!}`)).waitFor();
    expect(await grant.getByText(/^Modtaget i kommunens indbakke/).count()).toBe(0);

    const profileId = (await callBackground(page, 'listProfiles')).value?.[0]?.id as string | undefined;
    const list = await callBackground(page, 'grantsList', { profileId });
    expect(list.ok).toBe(true);
    const byPurpose = new Map(
      (list.value as { purpose: string; status: string; deliveries: { channel: string; ok: boolean; detail: string }[] }[]).map((g) => [g.purpose, g]),
    );
    expect(byPurpose.get('Nye oplysninger til sagen')).toMatchObject({
      status: 'active',
      deliveries: [{ channel: 'municipal-inbox', ok: false, detail: expect.stringMatching(/^inbox-unreachable/) }],
    });
    expect(byPurpose.get('Dokumentation til sagen')!.deliveries).toMatchObject([{ channel: 'municipal-inbox', ok: true }]);
    expect(municipality.state.inbox.get('thomas')).toHaveLength(1);
  });
});
