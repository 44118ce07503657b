/**
 * A case closes, and the people holding Thomas's data are told, in real Chromium against the
 * reference municipality and the example budget tool on 127.0.0.1. Thomas shares, all "until
 * the case closes": the case with his lawyer as a file (through the wizard, with a cap of six
 * months stated on the approval screen), his diet plan with the budget tool, and the case with
 * the municipality's inbox. The case closes at the municipality; after the next sync the budget
 * tool and the inbox hold the signed end notice, the receiver CLI's `status` says the inbox's
 * bundle has ended (and, for the lawyer's file, that it names no place to check), and the popup
 * lists the lawyer apart: still holds a copy (ended), with a ready message in the vault. The
 * receiver page, under its own CSP, checks the inbox bundle's status when asked and finds it
 * ended; a bundle whose place does not answer is shown as not checked, never as valid.
 *
 * As in the other municipal tests, the extension build's manifest already grants the loopback
 * host (what "Allow" leaves behind; headless Chromium cannot click the browser's prompt).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle, verifyRevocation } from '../../src/bundle';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { da as RECEIVER } from '../../src/receiver-page/i18n/da';
import { EXIT_CODES } from '../../src/receiver/sdk';
import { newKeys, thomasBundle } from '../unit/budget-service-fixtures';
import { cli } from '../unit/support/receiver-cli';
import { buildWithHostPermissions, chromiumPath, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addRecipientByAddress, addRecipientByKey, closeCaseAtMunicipality, escapeRegExp, expectPopupListsOnlyEndedCopy } from './harness/sharing';
import {
  addMunicipalityAndSignIn,
  addNote,
  callOk,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  keepPagesOnFailure,
  recordsOfKind,
  screenshotPath,
  text,
} from './harness/vault-ui';

let municipality: RunningMunicipality;
let budget: RunningBudgetService;
let session: ChromiumSession;
let page: Page;
const granted = buildWithHostPermissions(['http://127.0.0.1/*']);
const profileDir = newProfileDir();
const dir = mkdtempSync(join(tmpdir(), 'share-closure-'));
const lawyer = generateIdentity();
keepPagesOnFailure(() => [session?.context]);

beforeAll(async () => {
  municipality = await startMunicipalityServer({ port: 0, testMode: true });
  budget = await startBudgetService({ port: 0, identity: generateIdentity().identity });
  session = await launchChromium({ profileDir, extensionDir: granted.dir, bypassCSP: true }); // bypassCSP: to inject axe-core
});
afterAll(async () => {
  await session?.close();
  await municipality?.close();
  await budget?.close();
  removeProfileDir(profileDir);
  granted.remove();
  rmSync(dir, { recursive: true, force: true });
});

const section = (key: 'section.municipality' | 'section.sharing') =>
  page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA[key] }).click();

/** Calls the background and fails the test with its error code when it refuses. */
const call = <T>(method: string, args: object): Promise<T> => callOk<T>(page, method, args);

type ServedCase = { id: string; caseNumber: string; status: string; statusHistory: unknown[] };
type Grant = { id: string; purpose: string; status: string; bundleId: string; holdsCopy: boolean; revocation: { delivery: { ok: boolean } | null } | null };

describe('a case closes, and the recipients are told', () => {
  let theCase: ServedCase;
  let profileId: string;
  let lawyerBundle: string;
  let inboxReceipt: string;
  let budgetBundleId: string;

  it('shares the case with a lawyer (a file, capped at six months), the budget tool and the inbox', async () => {
    page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/vault.html`);
    await createVault(page, { name: 'Thomas' });
    await addNote(page, 'Kostplan', 'Mindre sukker, mere grønt.');
    await section('section.municipality');
    await addMunicipalityAndSignIn(page, municipality.url);
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    const served = [...municipality.state.ledger('thomas').changesAfter('cases', 0)].map((e) => e.record as unknown as ServedCase);
    theCase = served.find((c) => c.status !== 'closed')!;
    expect(theCase).toBeDefined();
    profileId = await firstProfileId(page);

    // Three recipients: the municipality and the budget tool by their addresses, the lawyer by key.
    await section('section.sharing');
    await addRecipientByAddress(page, municipality.url, 'Vesterå Kommune');
    await addRecipientByAddress(page, budget.url, 'Føtex Madbudget (eksempel)');
    await addRecipientByKey(page, lawyer.recipient, 'Advokat Holm');

    // The lawyer, through the wizard: until the case closes, at the latest in six months.
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('radio', { name: /Advokat Holm/ }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Advokatbistand');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    // The case's group names it by its plain title, KLE code and case number; "Hele sagen" takes all of it.
    const caseGroup = page.getByRole('group', { name: new RegExp(`sagsnr\\. ${escapeRegExp(theCase.caseNumber)}`) });
    await caseGroup.getByRole('checkbox', { name: DA['sharing.wizard.wholeCase'] }).check();
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('radio', { name: DA['sharing.wizard.expiryCase'] }).check();
    const caseVaultId = (await recordsOfKind(page, 'municipal-case')).find((r) => (r.data.record as { id: string }).id === theCase.id)!.id;
    await page.getByLabel(DA['sharing.wizard.expiryCaseLabel']).selectOption(caseVaultId);
    const cap = page.getByLabel(DA['sharing.wizard.expiryCapLabel']);
    expect(await cap.inputValue()).toBe('365');
    await cap.selectOption('182');
    await expectAccessible(page, 'wizard: until the case closes, with a cap');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    const until = (await page.getByTestId('approve-until').textContent()) ?? '';
    expect(until).toMatch(new RegExp(`^Gælder indtil sag ${theCase.caseNumber.replace(/\./g, '\\.')} lukkes, dog senest \\d{1,2}\\. \\p{L}+ \\d{4}$`, 'u'));
    await page.screenshot({ path: screenshotPath('sharing-approval-until-case-da'), fullPage: true });
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();
    await page.getByRole('heading', { name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    lawyerBundle = join(dir, 'advokat.hrbundle');
    await download.saveAs(lawyerBundle);
    await page.getByRole('status').filter({ hasText: DA['sharing.delivery.ok.download'] }).waitFor();
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();

    // The cap the approval screen stated is the bundle's signed end, in words in its consent.
    const opened = await openBundle(new Uint8Array(readFileSync(lawyerBundle)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const lastDay = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(opened.manifest.expiresAt));
    expect(until).toBe(text(DA, 'sharing.grants.untilCaseLatest', { caseNumber: theCase.caseNumber, date: lastDay }));
    expect(Date.parse(opened.manifest.expiresAt) - Date.now()).toBeGreaterThan(181 * 86_400_000);
    expect(Date.parse(opened.manifest.expiresAt) - Date.now()).toBeLessThan(183 * 86_400_000);
    expect(opened.consent.termination.text.da).toContain(`dog senest ${opened.manifest.expiresAt.slice(0, 10)}`);
    expect(opened.manifest.revocationEndpoint).toBeUndefined();

    // The budget tool and the inbox, as the wizard's last step sends them.
    const recipients = await call<{ id: string; name: string }[]>('recipientList', { profileId });
    const recipientId = (name: RegExp) => recipients.find((r) => name.test(r.name))!.id;
    const notes = await recordsOfKind(page, 'note');
    const toBudget = await call<{ grantId: string; bundleId: string }>('shareCreate', {
      profileId,
      recipientId: recipientId(/Madbudget/),
      purpose: 'Madbudget',
      selection: { items: [{ type: 'note', noteId: notes.find((n) => n.data.title === 'Kostplan')!.id }] },
      expiry: { kind: 'until-case', caseId: caseVaultId },
    });
    budgetBundleId = toBudget.bundleId;
    await call('shareDeliver', { profileId, grantId: toBudget.grantId, channel: 'endpoint' });
    expect(budget.store.get(budgetBundleId)).toBeDefined();
    const toInbox = await call<{ grantId: string }>('shareCreate', {
      profileId,
      recipientId: recipientId(/Kommune/),
      purpose: 'Dokumentation til sagen',
      selection: { items: [{ type: 'case', caseId: caseVaultId, parts: ['decisions'] }] },
      expiry: { kind: 'until-case', caseId: caseVaultId },
    });
    await call('shareDeliver', { profileId, grantId: toInbox.grantId, channel: 'municipal-inbox' });
    inboxReceipt = (municipality.state.inbox.get('thomas') ?? []).at(-1)!.id;

    const grants = await call<Grant[]>('grantsList', { profileId });
    expect(grants.map((g) => g.status)).toEqual(['active', 'active', 'active']);
  });

  it('after the case closes and the vault syncs: the tool and the inbox hold the notice, the CLI says ended', async () => {
    await closeCaseAtMunicipality(municipality, 'thomas', theCase);
    const [connection] = await call<{ id: string }[]>('municipalConnections', { profileId });
    await call('municipalSync', { profileId, connectionId: connection!.id });
    await expect
      .poll(async () => (await call<Grant[]>('grantsList', { profileId })).map((g) => g.status), { timeout: 90_000 })
      .toEqual(['case-closed', 'case-closed', 'case-closed']);
    const grants = await call<Grant[]>('grantsList', { profileId });
    const byPurpose = new Map(grants.map((g) => [g.purpose, g]));
    expect(byPurpose.get('Madbudget')).toMatchObject({ holdsCopy: false, revocation: { delivery: { ok: true } } });
    expect(byPurpose.get('Dokumentation til sagen')).toMatchObject({ holdsCopy: false, revocation: { delivery: { ok: true } } });
    expect(byPurpose.get('Advokatbistand')).toMatchObject({ holdsCopy: true, revocation: { delivery: null } });

    // The budget tool dropped the data and answers "ended" with the notice; so does the municipality.
    expect(budget.store.get(budgetBundleId)).toBeUndefined();
    const toolStatus = (await (await fetch(`${budget.url}/revocations/${budgetBundleId}`)).json()) as { status: string; notice: string };
    expect(toolStatus.status).toBe('ended');
    expect(await (await fetch(`${municipality.url}/__test/inbox/${inboxReceipt}/revocation`)).json()).toMatchObject({ revoked: true });

    // The receiver CLI, as the municipality's caseworker would run it on the bundle in the inbox.
    const inboxBundle = join(dir, 'indbakke.hrbundle');
    writeFileSync(inboxBundle, new Uint8Array(await (await fetch(`${municipality.url}/__test/inbox/${inboxReceipt}`)).arrayBuffer()));
    const municipalityKey = join(dir, 'kommune.txt');
    writeFileSync(municipalityKey, `${municipality.state.recipient.identity}\n`);
    const status = await cli(['status', inboxBundle, '-i', municipalityKey], { LANG: 'da_DK.UTF-8' });
    expect(status.code, status.stderr).toBe(EXIT_CODES.revoked);
    expect(status.stdout).toMatch(/^Status: afsluttet \d{4}-\d{2}-\d{2}T/);
    const json = await cli(['status', inboxBundle, '-i', municipalityKey, '--json']);
    const notice = (JSON.parse(json.stdout) as { status: { state: string } }).status;
    expect(notice.state).toBe('ended');

    // The lawyer's file names no place to ask: the CLI says so, and does not call it valid.
    const lawyerKey = join(dir, 'advokat.txt');
    writeFileSync(lawyerKey, `${lawyer.identity}\n`);
    const fileOnly = await cli(['status', lawyerBundle, '-i', lawyerKey]);
    expect(fileOnly.code).toBe(EXIT_CODES['status-unknown']);
    expect(fileOnly.stdout).toContain('Status: cannot be checked: the bundle names no place.');
    // The notice the vault keeps for the lawyer verifies for the lawyer's bundle.
    const opened = await openBundle(new Uint8Array(readFileSync(lawyerBundle)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(opened.reason);
    const held = (await call<(Grant & { revocation: { notice: string } })[]>('grantsHeld', {}))[0]!;
    expect(verifyRevocation(held.revocation.notice, opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: opened.manifest.id });
  });

  it('the popup lists the lawyer as still holding a copy (ended); the vault offers the message to send', async () => {
    await expectPopupListsOnlyEndedCopy(session, 'Advokat Holm', 'popup-holds-copy-da');

    await page.reload();
    await section('section.sharing');
    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Advokat Holm', purpose: 'Advokatbistand' }) });
    await grant.getByText(DA['sharing.grants.status.case-closed']).waitFor({ timeout: 30_000 });
    const message = grant.getByLabel(DA['sharing.holds.messageLabel']);
    const body = await message.inputValue();
    expect(body).toContain('Kære Advokat Holm');
    expect(body).toContain(`fordi sag ${theCase.caseNumber} er lukket`);
    const mail = grant.getByRole('link', { name: DA['sharing.holds.mail'] });
    expect(await mail.getAttribute('href')).toMatch(/^mailto:\?subject=.+&body=.+/);
    await expectAccessible(page, 'grants: the lawyer still holds a copy');
    await page.screenshot({ path: screenshotPath('sharing-holds-copy-da'), fullPage: true });
  });

  it('the receiver page checks the status when asked: ended for the inbox bundle, not checked when nobody answers', async () => {
    const browser: Browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await browser.newContext({ locale: 'da-DK' });
      const receiver = await context.newPage();
      const requests: string[] = [];
      const cspViolations: string[] = [];
      receiver.on('request', (r) => requests.push(r.url()));
      receiver.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      const openOnPage = async (file: string, identity: string) => {
        await receiver.goto(pathToFileURL(resolve(import.meta.dirname, '../../.output/receiver/index.html')).href);
        await receiver.getByLabel(RECEIVER['form.fileLabel']).setInputFiles(file);
        await receiver.getByLabel(RECEIVER['form.keyLabel']).fill(identity);
        await receiver.getByRole('button', { name: RECEIVER['form.submit'] }).click();
        await receiver.getByText(RECEIVER['result.checked']).waitFor({ timeout: 60_000 });
      };

      // The municipality's bundle: nothing is asked until the reader presses the button.
      await openOnPage(join(dir, 'indbakke.hrbundle'), municipality.state.recipient.identity);
      expect(await receiver.getByTestId('validity').textContent()).toBe(RECEIVER['result.valid']);
      expect(requests.filter((url) => url.startsWith('http'))).toEqual([]);
      await receiver.getByRole('button', { name: RECEIVER['revocation.statusCheck'] }).click();
      await receiver
        .getByTestId('status-check')
        .getByText(/^Delingen er afsluttet den /)
        .waitFor({ timeout: 30_000 });
      expect(await receiver.getByTestId('validity').textContent()).toBe(RECEIVER['result.revoked']);
      expect(requests.filter((url) => url.startsWith('http'))).toEqual([expect.stringMatching(new RegExp(`^${municipality.url}/revocations/[A-Za-z0-9_-]+$`))]);
      await receiver.screenshot({ path: screenshotPath('receiver-status-ended-da'), fullPage: true });

      // A bundle whose place is gone: "could not be checked", and the state is no longer "valid".
      const port = await new Promise<number>((done) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as { port: number };
          probe.close(() => done(free));
        });
      });
      const keys = newKeys();
      const silent = join(dir, 'stille.hrbundle');
      writeFileSync(
        silent,
        await thomasBundle({
          keys,
          issuedAt: new Date(Date.now() - 3600_000),
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
          recipientEndpoint: `http://127.0.0.1:${port}/revocations`,
        }),
      );
      await openOnPage(silent, keys.recipient.identity);
      await receiver.getByRole('button', { name: RECEIVER['revocation.statusCheck'] }).click();
      await receiver
        .getByTestId('status-check')
        .getByText(/^Status kunne ikke tjekkes: /)
        .waitFor({ timeout: 30_000 });
      expect(await receiver.getByTestId('validity').textContent()).toBe(RECEIVER['result.unchecked']);
      expect(cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
