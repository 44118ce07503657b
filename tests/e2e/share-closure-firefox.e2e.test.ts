/**
 * The core of case closure in Firefox ESR (the MV3 build): Thomas, signed in to the reference
 * municipality, shares "until the case closes" with the budget tool (sent to it), the case's
 * inbox and a lawyer (a file), through the vault's message API as the wizard's last step calls
 * it. The case closes at the municipality; after the next sync the tool and the inbox hold the
 * signed notice, and the popup lists the lawyer as still holding a copy (ended).
 *
 * The add-on runs from a copy of the build whose manifest already grants the loopback host
 * (headless Firefox cannot answer the permission prompt). Debian's Firefox ESR has an English
 * UI, so the popup is in English.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle, verifyRevocation } from '../../src/bundle';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import { fromBase64Url } from '../../src/shared/base64url';
import { connectMunicipalityAndSync, launchFirefox, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, waitForText } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';

const server = municipalityForThisFile();
let budget: RunningBudgetService;
let firefox: FirefoxSession;
const lawyer = generateIdentity();

beforeAll(async () => {
  budget = await startBudgetService({ port: 0, identity: generateIdentity().identity });
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  await budget?.close();
});

type ServedCase = { id: string; status: string; statusHistory: unknown[] };

describe('case closure in Firefox ESR', () => {
  let page: Page;
  let api: VaultApi;
  let profileId: string;
  let connectionId: string;
  let theCase: ServedCase;
  let lawyerBundle: Uint8Array;
  let budgetBundleId: string;

  it('shares a case-bound share with the budget tool, the inbox and a lawyer (as a file)', async () => {
    page = await firefox.openPage('vault.html');
    api = VaultApi.puppeteer(page);
    ({ profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Thomas' } }));
    connectionId = await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url });
    theCase = [...server.state.ledger('thomas').changesAfter('cases', 0)].map((e) => e.record as unknown as ServedCase).find((c) => c.status !== 'closed')!;
    const caseVaultId = (await api.ok('listRecords', { profileId, kind: 'municipal-case' })).records.find(
      (r) => (r.data as { record: { id: string } }).record.id === theCase.id,
    )!.id;
    const [note] = await api.ok('writeRecords', {
      ops: [{ op: 'put', profileId, kind: 'note', data: { title: 'Kostplan', body: 'Mindre sukker, mere grønt.' } }],
    });

    const tool = await api.ok('recipientFetchWellKnown', { profileId, domain: budget.url });
    const municipality = await api.ok('recipientFetchWellKnown', { profileId, domain: server.url });
    const holm = await api.ok('recipientAdd', { profileId, source: 'paste', text: lawyer.recipient, name: 'Advokat Holm' });
    const expiry = { kind: 'until-case' as const, caseId: caseVaultId };

    const toTool = await api.ok('shareCreate', {
      profileId,
      recipientId: tool.id,
      purpose: 'Madbudget',
      selection: { items: [{ type: 'note', noteId: note!.id }] },
      expiry,
    });
    budgetBundleId = toTool.bundleId;
    await api.ok('shareDeliver', { profileId, grantId: toTool.grantId, channel: 'endpoint' });
    const toInbox = await api.ok('shareCreate', {
      profileId,
      recipientId: municipality.id,
      purpose: 'Dokumentation til sagen',
      selection: { items: [{ type: 'case', caseId: caseVaultId, parts: ['decisions'] }] },
      expiry,
    });
    await api.ok('shareDeliver', { profileId, grantId: toInbox.grantId, channel: 'municipal-inbox' });
    const toLawyer = await api.ok('shareCreate', {
      profileId,
      recipientId: holm.id,
      purpose: 'Advokatbistand',
      selection: { items: [{ type: 'case', caseId: caseVaultId, parts: ['decisions', 'documents'] }] },
      expiry: { ...expiry, maxDays: 91 },
    });
    expect(toLawyer.chunkCount).toBe(1);
    lawyerBundle = fromBase64Url((await api.ok('shareRead', { transferId: toLawyer.transferId, index: 0 })).data);
    await api.ok('shareDeliver', { profileId, grantId: toLawyer.grantId, channel: 'download' });
    expect(budget.store.get(budgetBundleId)).toBeDefined();
    expect((await api.ok('grantsHeld', {})).map((g) => g.status)).toEqual(['active', 'active', 'active']);
  });

  it('after the case closes and the vault syncs, the tool and the inbox hold the notice; the popup lists the lawyer apart', async () => {
    const closed = await fetch(`${server.url}/__test/citizens/thomas/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        op: 'update',
        resource: 'cases',
        id: theCase.id,
        patch: { status: 'closed', closedAt: '2026-12-07', statusHistory: [...theCase.statusHistory, { status: 'closed', at: '2026-12-07T10:00:00+01:00' }] },
      }),
    });
    expect(closed.status).toBe(200);
    await api.ok('municipalSync', { profileId, connectionId });
    await expect
      .poll(async () => (await api.ok('grantsList', { profileId })).map((g) => g.status), { timeout: 90_000 })
      .toEqual(['case-closed', 'case-closed', 'case-closed']);

    expect(budget.store.get(budgetBundleId)).toBeUndefined();
    expect(await (await fetch(`${budget.url}/revocations/${budgetBundleId}`)).json()).toMatchObject({ status: 'ended' });
    const receipt = (server.state.inbox.get('thomas') ?? []).at(-1)!;
    expect(await (await fetch(`${server.url}/__test/inbox/${receipt.id}/revocation`)).json()).toMatchObject({ revoked: true });

    const held = await api.ok('grantsHeld', {});
    expect(held.map((g) => [g.recipient.name, g.status, g.holdsCopy])).toEqual([['Advokat Holm', 'case-closed', true]]);
    const opened = await openBundle(lawyerBundle, { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(opened.reason);
    expect(verifyRevocation(held[0]!.revocation!.notice, opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: opened.manifest.id });

    const popup = await firefox.openPage('popup.html');
    await click(popup, EN['popup.whoHas']);
    await waitForText(popup, EN['popup.whoHasEndedHeading']);
    await waitForText(popup, /Advokat Holm still holds a copy of .+ – the share has ended/);
    await waitForText(popup, EN['popup.whoHasNoActive']);
    await popup.close();
  });
});
