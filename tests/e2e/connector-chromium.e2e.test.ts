/**
 * The municipal connector in real Chromium, against the reference municipality on 127.0.0.1:
 * the host permission is asked for from a real click, the sign-in runs through
 * identity.launchWebAuthFlow (its window is the municipality's login page, where Thomas is
 * picked), the sync stores every resource, and the data stays readable offline.
 *
 * Headless Chromium cannot answer the extension permission prompt (it is browser UI, which
 * Playwright does not drive: microsoft/playwright#32755). So the first browser proves the
 * refusal without the permission and that a click opens the prompt; the second runs a copy of
 * the build whose manifest lists the loopback host as granted at install — the state the prompt's
 * "Allow" leaves behind — and does everything else for real.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithHostPermissions, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { RESOURCES } from '../../src/municipal/api/schemas';
import { KIND_OF_RESOURCE } from '../../src/records/municipal/index';
import type { SyncStatus } from '../../src/messaging/municipal-api';
import { CHROME_EXTENSION_ID } from '../../src/municipal/api/extension-identity';

/** The slice of the extension API the page-side snippets use (they run in the page, not here). */
declare const chrome: { permissions: { request(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> } };

let server: RunningMunicipality;
beforeAll(async () => {
  server = await startMunicipalityServer({ port: 0, testMode: true });
});
afterAll(async () => {
  await server?.close();
});

async function newVault(page: Page): Promise<{ api: VaultApi; profileId: string }> {
  const api = VaultApi.playwright(page);
  const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Thomas' } });
  return { api, profileId };
}

describe('without the host permission', () => {
  let session: ChromiumSession;
  afterAll(async () => {
    await session?.close();
    if (session) removeProfileDir(session.profileDir);
  });

  it('the background refuses, and a click in the page opens the permission prompt', async () => {
    session = await launchChromium();
    const page = await session.openPage('vault.html');
    const { api, profileId } = await newVault(page);
    expect(await api.errorOf('municipalDiscover', { origin: server.url })).toBe('permission-missing');
    expect(await api.errorOf('municipalConnect', { profileId, origin: server.url })).toBe('permission-missing');

    // From a real click (as the vault page will do it) the request is accepted and waits on the
    // browser's prompt. (A refusal without a gesture cannot be shown from here: Playwright's
    // evaluate itself runs with a user gesture.)
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'grant';
      button.textContent = 'Tilføj kommune';
      button.addEventListener('click', () => {
        (window as unknown as { answer: string }).answer = 'pending';
        void chrome.permissions.request({ origins: ['http://127.0.0.1/*'] }).then(
          (granted: boolean) => ((window as unknown as { answer: string }).answer = String(granted)),
          (e: Error) => ((window as unknown as { answer: string }).answer = e.message),
        );
      });
      document.body.prepend(button);
    });
    await page.click('#grant');
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { answer: string }).answer)).toBe('pending');
    expect(await page.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
  });
});

describe('with the host permission', () => {
  let session: ChromiumSession;
  let context: BrowserContext;
  let extensionId: string;
  const granted = buildWithHostPermissions(['http://127.0.0.1/*']);
  const profileDir = newProfileDir();

  beforeAll(async () => {
    session = await launchChromium({ profileDir, extensionDir: granted.dir });
    ({ context, extensionId } = session);
  });
  afterAll(async () => {
    await session?.close();
    removeProfileDir(profileDir);
    granted.remove();
  });

  it('signs in through launchWebAuthFlow, syncs every resource, verifies provenance, and works offline', async () => {
    // The build's manifest key fixes its id wherever it is loaded from (this copy lies in a
    // temporary folder): the id the municipality registers, and binds the sign-in redirect to.
    expect(extensionId).toBe(CHROME_EXTENSION_ID);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/vault.html`);
    const { api, profileId } = await newVault(page);
    const info = await api.ok('municipalDiscover', { origin: server.url });
    expect(info).toMatchObject({ origin: server.url, demo: true });

    // The sign-in window opens on the municipality's login page; Thomas is picked there.
    const loginPage = context.waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize'), timeout: 30_000 });
    const connecting = api.ok('municipalConnect', { profileId, origin: server.url });
    const login = await loginPage;
    await login.waitForLoadState();
    await login.click('button[value="thomas"]');
    const { connectionId, sync } = await connecting;
    expect(sync.state).toBe('running');

    let status: SyncStatus | undefined;
    await expect
      .poll(
        async () => {
          status = (await api.ok('municipalSyncStatus', {})).find((s) => s.connectionId === connectionId);
          return status?.state;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe('ok');
    expect(status!.rejected).toBe(0);

    for (const resource of RESOURCES) {
      const { records } = await api.ok('listRecords', { profileId, kind: KIND_OF_RESOURCE[resource].name });
      const served = server.state.ledger('thomas');
      const expected = new Set([...served.changesAfter(resource, 0)].filter((e) => e.record.type !== 'tombstone').map((e) => e.record.id));
      expect(records.map((r) => (r.data as { record: { id: string } }).record.id).sort(), resource).toEqual([...expected].sort());
    }
    const [connection] = await api.ok('municipalConnections', { profileId });
    expect(connection).toMatchObject({ citizen: { id: 'thomas' }, actor: { relation: 'self' }, signedIn: true });

    const decisions = await api.ok('listRecords', { profileId, kind: 'municipal-decision' });
    const check = await api.ok('municipalVerifyRecord', { profileId, kind: 'municipal-decision', id: decisions.records[0]!.id });
    expect(check).toMatchObject({ valid: true, issuer: server.url });

    // Offline: the municipality is gone; everything synced is still there, a sync says why it stopped.
    await server.close();
    const cases = await api.ok('listRecords', { profileId, kind: 'municipal-case' });
    expect(cases.records.length).toBeGreaterThan(0);
    const docs = await api.ok('listRecords', { profileId, kind: 'municipal-document' });
    const pdfDoc = docs.records.find((d) => (d.data as { record: { content: { format: string } } }).record.content.format === 'pdf')!;
    const pdf = await api.ok('municipalDocumentPdf', { profileId, documentId: pdfDoc.id });
    expect(pdf.bytes).toBeGreaterThan(100);
    await api.ok('municipalSync', { profileId, connectionId });
    await expect
      .poll(async () => (await api.ok('municipalSyncStatus', {})).find((s) => s.connectionId === connectionId)?.error, { timeout: 30_000 })
      .toBe('municipality-unreachable');
    server = await startMunicipalityServer({ port: 0, testMode: true });
  });
});
