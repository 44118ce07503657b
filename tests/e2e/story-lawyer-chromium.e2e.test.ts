/**
 * Issue 14's story as one flow, in real Chromium against the reference municipality and the
 * example budget tool on 127.0.0.1. Thomas shares three chosen documents of his rehabilitation
 * case (not the other 24) with his lawyer as a file, until the case closes; the approval screen
 * lists exactly those three. He also shares the case's decisions with the municipality's inbox
 * and his diet plan with the budget tool, both until the same case closes. The lawyer opens the
 * file on the receiver page in her own browser: readable Danish, no internal ids; she prints it,
 * and the printout holds every chosen document and none of the others. The case closes at the
 * municipality; after the next sync the budget tool and the inbox hold the signed end notice,
 * the receiver CLI says the inbox's bundle has ended (the lawyer's file names no place to ask,
 * and the CLI says so), and the popup lists the lawyer as still holding a copy (ended). axe-core
 * on the wizard's steps and on the receiver page.
 *
 * The extension build's manifest already grants the loopback host (what "Allow" leaves behind;
 * headless Chromium cannot click the browser's prompt).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import type { Case, Document } from '../../src/municipal/api/schemas';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { en as RECEIVER_EN } from '../../src/receiver-page/i18n/en';
import { EXIT_CODES } from '../../src/receiver/sdk';
import { cli } from '../unit/support/receiver-cli';
import type { ChromiumSession } from './harness/chromium';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { launchPlainChromium, openBundleOnPage, openReceiverPage, printAll, receiverAxeViolations, squash, visibleText } from './harness/receiver-page';
import { addRecipientByAddress, addRecipientByKey, closeCaseAtMunicipality, escapeRegExp, expectPopupListsOnlyEndedCopy } from './harness/sharing';
import {
  addMunicipalityAndSignIn,
  addNote,
  callOk,
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  keepPagesOnFailure,
  recordsOfKind,
  screenshotPath,
  sectionsNav,
  text,
} from './harness/vault-ui';

const REHAB_KLE = '15.17.18';
const CHOSEN = ['Lægeattest (LÆ 265)', 'Rehabiliteringsplan – forberedende del', 'Fuldmagt til advokat Karen Lund'];
const LAWYER = 'Advokat Karen Lund';
const PURPOSE = 'Advokatbistand i sagen om arbejdsevne';

const server = municipalityForThisFile();
const extension = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core
const dir = mkdtempSync(join(tmpdir(), 'story-lawyer-'));
const lawyer = generateIdentity();
let budget: RunningBudgetService;
let receiverBrowser: Browser | undefined;
keepPagesOnFailure(() => receiverBrowser?.contexts() ?? []);

beforeAll(async () => {
  budget = await startBudgetService({ port: 0, identity: generateIdentity().identity });
});
afterAll(async () => {
  await receiverBrowser?.close();
  await budget?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Grant = { purpose: string; status: string; holdsCopy: boolean; revocation: { delivery: { ok: boolean } | null } | null };

describe("issue 14: Thomas's lawyer gets three documents, reads and prints them, and learns when the case closes", () => {
  let session: ChromiumSession;
  let page: Page;
  let profileId: string;
  let rehab: Case;
  let rehabVaultId: string;
  let lawyerBundle: string;
  let inboxReceipt: string;
  let budgetBundleId: string;

  it('Thomas signs in and adds his lawyer, the municipality and the budget tool as recipients', async () => {
    session = await extension.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await addNote(page, 'Kostplan', 'Mindre sukker, mere grønt.');
    await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
    await addMunicipalityAndSignIn(page, server.url);
    await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    rehab = servedRecords<Case>(server, 'thomas', 'cases').find((c) => c.kle.code === REHAB_KLE)!;
    expect(rehab.status).not.toBe('closed');
    profileId = await firstProfileId(page);
    rehabVaultId = (await recordsOfKind(page, 'municipal-case')).find((r) => (r.data.record as { id: string }).id === rehab.id)!.id;

    await sectionsNav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    await addRecipientByAddress(page, server.url, 'Vesterå Kommune');
    await addRecipientByAddress(page, budget.url, 'Føtex Madbudget (eksempel)');
    await addRecipientByKey(page, lawyer.recipient, LAWYER);
  });

  it('shares three chosen documents of the 27 with the lawyer until the case closes; the approval lists exactly those', async () => {
    const next = page.getByRole('button', { name: DA['sharing.wizard.next'] });
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('radio', { name: new RegExp(escapeRegExp(LAWYER)) }).check();
    await next.click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill(PURPOSE);
    await next.click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.data'] }).waitFor();
    const group = page.getByRole('group', { name: new RegExp(`^${escapeRegExp(explainTopic(REHAB_KLE, 'da')!.plainTitle)}`) });
    await group.getByRole('button', { name: DA['sharing.wizard.chooseSingle'] }).click();
    const documents = group.getByRole('group', { name: text(DA, 'sharing.wizard.part.documents', { count: 27 }) });
    await documents.getByRole('button', { name: text(DA, 'sharing.wizard.showMore', { page: 7, rest: 7 }) }).click();
    await expect.poll(() => documents.locator('ul.case-records > li').count()).toBe(27);
    for (const title of CHOSEN) await documents.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(title)}`) }).check();
    expect(await documents.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await group.getByText(/^Valgt: 3 dokumenter af 27 /).waitFor();
    await expectAccessible(page, 'wizard: three documents of the case chosen');
    await next.click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.expiry'] }).waitFor();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryCase'] }).check();
    await page.getByLabel(DA['sharing.wizard.expiryCaseLabel']).selectOption(rehabVaultId);
    await expectAccessible(page, 'wizard: until the case closes');
    await next.click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    const approval = page.locator('.approval');
    expect(await approval.locator('ul.approval-items > li').count()).toBe(1);
    const lines = await approval.locator('ul.approval-records > li').allTextContents();
    expect(lines.map((l) => l.replace(/, \d{1,2}\. \S+ \d{4}$/, '')).sort()).toEqual(
      CHOSEN.map((t) => text(DA, 'sharing.wizard.entry.documents', { title: t })).sort(),
    );
    expect(await page.getByTestId('approve-until').textContent()).toMatch(
      new RegExp(`^Gælder indtil sag ${escapeRegExp(rehab.caseNumber)} lukkes, dog senest \\d{1,2}\\. \\p{L}+ \\d{4}$`, 'u'),
    );
    await expectAccessible(page, 'wizard: approval of three documents');
    await page.screenshot({ path: screenshotPath('story-lawyer-approval'), fullPage: true });
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    lawyerBundle = join(dir, 'advokat.hrbundle');
    await download.saveAs(lawyerBundle);
    await page.getByRole('status').filter({ hasText: DA['sharing.delivery.ok.download'] }).waitFor();
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
  });

  it('sends the case to the inbox and the diet plan to the budget tool, both until the same case closes', async () => {
    const recipients = await callOk<{ id: string; name: string }[]>(page, 'recipientList', { profileId });
    const recipientId = (name: RegExp) => recipients.find((r) => name.test(r.name))!.id;
    const untilCase = { kind: 'until-case', caseId: rehabVaultId };
    const notes = await recordsOfKind(page, 'note');
    const toBudget = await callOk<{ grantId: string; bundleId: string }>(page, 'shareCreate', {
      profileId,
      recipientId: recipientId(/Madbudget/),
      purpose: 'Madbudget',
      selection: { items: [{ type: 'note', noteId: notes.find((n) => n.data.title === 'Kostplan')!.id }] },
      expiry: untilCase,
    });
    budgetBundleId = toBudget.bundleId;
    await callOk(page, 'shareDeliver', { profileId, grantId: toBudget.grantId, channel: 'endpoint' });
    expect(budget.store.get(budgetBundleId)).toBeDefined();
    const toInbox = await callOk<{ grantId: string }>(page, 'shareCreate', {
      profileId,
      recipientId: recipientId(/Kommune/),
      purpose: 'Dokumentation til sagen',
      selection: { items: [{ type: 'case', caseId: rehabVaultId, parts: ['decisions'] }] },
      expiry: untilCase,
    });
    await callOk(page, 'shareDeliver', { profileId, grantId: toInbox.grantId, channel: 'municipal-inbox' });
    inboxReceipt = (server.state.inbox.get('thomas') ?? []).at(-1)!.id;
    expect((await callOk<Grant[]>(page, 'grantsList', { profileId })).map((g) => g.status)).toEqual(['active', 'active', 'active']);
  });

  it('the lawyer reads the three documents on the receiver page in Danish, with no internal ids, and prints them', async () => {
    receiverBrowser = await launchPlainChromium();
    const receiver = await openReceiverPage(receiverBrowser, 'da-DK');
    await openBundleOnPage(receiver, lawyerBundle, lawyer.identity);
    const shown = await visibleText(receiver);
    for (const title of CHOSEN) expect(shown, title).toContain(title);
    expect(shown).not.toMatch(/thomas-(dok|sag|afg|udb|akt)-\d/);
    for (const raw of ['journal-note', 'incoming', 'outgoing', 'in-progress', 'awaiting-citizen', 'case-material']) expect(shown, raw).not.toContain(raw);
    expect(await receiver.getByTestId('readable-document').count()).toBe(3);
    expect(await receiverAxeViolations(receiver), 'receiver page (da)').toEqual([]);
    await receiver.screenshot({ path: screenshotPath('story-lawyer-receiver'), fullPage: true });

    const printed = await printAll(receiver, join(dir, 'advokat.pdf'));
    const served = servedRecords<Document>(server, 'thomas', 'documents').filter((d) => d.caseId === rehab.id);
    expect(served).toHaveLength(27);
    for (const d of served.filter((s) => CHOSEN.includes(s.title))) {
      expect(printed, d.title).toContain(squash(d.title));
      if (d.content.format === 'text') expect(printed, `${d.title}: its text`).toContain(squash(d.content.text));
    }
    const others = served.filter((d) => !CHOSEN.includes(d.title));
    expect(others).toHaveLength(24);
    for (const d of others) expect(printed, `not chosen: ${d.title}`).not.toContain(squash(d.title));
    expect(printed).not.toMatch(/thomas-(dok|sag)-\d/);

    // The same bundle in English is clean under axe too.
    const english = await openReceiverPage(receiverBrowser, 'en-GB');
    await openBundleOnPage(english, lawyerBundle, lawyer.identity, RECEIVER_EN);
    expect(await receiverAxeViolations(english), 'receiver page (en)').toEqual([]);
  });

  it('the case closes; after the next sync the budget tool and the inbox hold the notice, and the CLI says ended', async () => {
    await closeCaseAtMunicipality(server, 'thomas', rehab);
    const [connection] = await callOk<{ id: string }[]>(page, 'municipalConnections', { profileId });
    await callOk(page, 'municipalSync', { profileId, connectionId: connection!.id });
    await expect
      .poll(async () => (await callOk<Grant[]>(page, 'grantsList', { profileId })).map((g) => g.status), { timeout: 90_000 })
      .toEqual(['case-closed', 'case-closed', 'case-closed']);
    const byPurpose = new Map((await callOk<Grant[]>(page, 'grantsList', { profileId })).map((g) => [g.purpose, g]));
    expect(byPurpose.get('Madbudget')).toMatchObject({ holdsCopy: false, revocation: { delivery: { ok: true } } });
    expect(byPurpose.get('Dokumentation til sagen')).toMatchObject({ holdsCopy: false, revocation: { delivery: { ok: true } } });
    expect(byPurpose.get(PURPOSE)).toMatchObject({ holdsCopy: true, revocation: { delivery: null } });

    // The budget tool dropped the diet plan and answers "ended"; the municipality's inbox holds the notice.
    expect(budget.store.get(budgetBundleId)).toBeUndefined();
    expect(((await (await fetch(`${budget.url}/revocations/${budgetBundleId}`)).json()) as { status: string }).status).toBe('ended');
    expect(await (await fetch(`${server.url}/__test/inbox/${inboxReceipt}/revocation`)).json()).toMatchObject({ revoked: true });

    // The receiver CLI on the inbox's bundle, which names the place to ask: ended.
    const inboxBundle = join(dir, 'indbakke.hrbundle');
    writeFileSync(inboxBundle, new Uint8Array(await (await fetch(`${server.url}/__test/inbox/${inboxReceipt}`)).arrayBuffer()));
    const municipalityKey = join(dir, 'kommune.txt');
    writeFileSync(municipalityKey, `${server.state.recipient.identity}\n`);
    const status = await cli(['status', inboxBundle, '-i', municipalityKey], { LANG: 'da_DK.UTF-8' });
    expect(status.code, status.stderr).toBe(EXIT_CODES.revoked);
    expect(status.stdout).toMatch(/^Status: afsluttet \d{4}-\d{2}-\d{2}T/);

    // The lawyer's file names no place to ask: the CLI says it could not check, never "valid".
    const lawyerKey = join(dir, 'advokat.txt');
    writeFileSync(lawyerKey, `${lawyer.identity}\n`);
    const fileOnly = await cli(['status', lawyerBundle, '-i', lawyerKey]);
    expect(fileOnly.code).toBe(EXIT_CODES['status-unknown']);
    expect(fileOnly.stdout).toContain('Status: cannot be checked: the bundle names no place.');
  });

  it('the popup lists the lawyer as still holding a copy (ended)', async () => {
    await expectPopupListsOnlyEndedCopy(session, LAWYER, 'story-lawyer-popup');
  });
});
