/**
 * A share "until the case closes" against the reference municipality: the connector's sync
 * completion tells sharing, which ends the grant when the synced case is closed and sends the
 * signed notice to the recipient's revocation endpoint (a server on 127.0.0.1); a recipient
 * with no endpoint, who got the bundle as a file, is listed as still holding a copy. The bundle's
 * hard end is the cap the citizen chose.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle, verifyRevocation } from '../../src/bundle/index';
import { MunicipalService } from '../../src/background/municipal-service';
import { SharingService } from '../../src/background/sharing/index';
import { connectorHarness, REDIRECT, type ConnectorHarness } from './support/connector-harness';
import { fromBase64Url } from '../../src/shared/base64url';
import { municipalCaseKind } from '../../src/records/municipal/index';

const notices: string[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    notices.push(body);
    res.writeHead(200).end();
  });
});
let receiverUrl = '';
let h: ConnectorHarness;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  h = await connectorHarness();
  await h.connect();
});
afterAll(async () => {
  await h.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** A second connector on the same vault, wired as the background wires it; it syncs with the stored connection. */
function connectorFor(sharing: SharingService): MunicipalService {
  return new MunicipalService({
    vault: h.vault,
    fetch: (url, init) => fetch(url, init),
    settings: h.settings,
    broadcast: () => {},
    identity: { redirectUrl: () => REDIRECT, launchWebAuthFlow: async () => undefined },
    hasHostPermission: async () => true,
    alarms: { getAll: async () => [], create: () => {}, clear: async () => true },
    notify: async () => {},
    uiLanguage: () => 'da',
    now: () => h.clock.now,
    sleep: async () => {},
    onSyncComplete: (profileId) => sharing.onSyncComplete(profileId),
  });
}

/** Closes a case at the municipality, and syncs so the vault sees it. */
async function closeAndSync(municipal: MunicipalService, record: { id: string; statusHistory: unknown[] }): Promise<void> {
  await h.change('thomas', {
    op: 'update',
    resource: 'cases',
    id: record.id,
    patch: { status: 'closed', closedAt: '2026-02-01', statusHistory: [...record.statusHistory, { status: 'closed', at: '2026-02-01T10:00:00+01:00' }] },
  });
  const connectionId = (await h.service.handlers.municipalConnections({ profileId: h.profileId }))[0]!.id;
  await municipal.handlers.municipalSync({ profileId: h.profileId, connectionId });
  await municipal.whenIdle();
}

describe('a grant until a case closes', () => {
  it('ends by itself when a sync shows the case closed, and the recipient gets a notice that verifies', async () => {
    const sharing = new SharingService({ vault: h.vault, fetch: (url, init) => fetch(url, init), hasHostPermission: async () => true, now: () => h.clock.now });
    const municipal = connectorFor(sharing);
    const { profileId } = h;
    const cases = (await h.vault.records.list(profileId, municipalCaseKind)).records;
    const open = cases.find((c) => c.data.record.status !== 'closed')!;
    expect(open).toBeDefined();

    const lawyer = generateIdentity();
    const recipient = await sharing.handlers.recipientAdd({
      profileId,
      source: 'file',
      text: JSON.stringify({ version: 1, name: 'Advokat Jensen', ageRecipient: lawyer.recipient, revocationEndpoint: `${receiverUrl}/revocations` }),
    });
    const created = await sharing.handlers.shareCreate({
      profileId,
      recipientId: recipient.id,
      purpose: 'Advokatbistand',
      selection: { items: [{ type: 'case', caseId: open.id, parts: ['decisions', 'documents'] }] },
      expiry: { kind: 'until-case', caseId: open.id },
    });
    const bytes = fromBase64Url((await sharing.handlers.shareRead({ transferId: created.transferId, index: 0 })).data);
    const opened = await openBundle(bytes, { identity: lawyer.identity, now: new Date(h.clock.now + 1000) });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const shared = (opened.data.cases as { case: { id: string } }[])[0]!;
    expect(shared.case.id).toBe(open.data.record.id);
    expect(opened.provenance.some((p) => p.attestedBy === 'municipality' && p.records.some((r) => r.id === open.data.record.id))).toBe(true);

    // A sync with the case still open leaves the grant alone.
    const connectionId = (await h.service.handlers.municipalConnections({ profileId }))[0]!.id;
    await municipal.handlers.municipalSync({ profileId, connectionId });
    await municipal.whenIdle();
    expect((await sharing.handlers.grantsList({ profileId }))[0]!.status).toBe('active');

    await closeAndSync(municipal, open.data.record as { id: string; statusHistory: unknown[] });

    const [grant] = await sharing.handlers.grantsList({ profileId });
    expect(grant).toMatchObject({ status: 'case-closed', revocation: { reason: 'case-closed', delivery: { ok: true } } });
    expect(notices).toHaveLength(1);
    expect(verifyRevocation(notices[0]!, opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: created.bundleId });
    // Told by its endpoint, the recipient holds nothing the citizen must chase.
    expect(await sharing.handlers.grantsHeld({})).toEqual([]);
  });

  it('ends a file-only share too: its recipient still holds a copy, whose bundle ends at the chosen cap', async () => {
    const sharing = new SharingService({ vault: h.vault, fetch: (url, init) => fetch(url, init), hasHostPermission: async () => true, now: () => h.clock.now });
    const { profileId } = h;
    const cases = (await h.vault.records.list(profileId, municipalCaseKind)).records;
    const open = cases.find((c) => c.data.record.status !== 'closed')!;
    const lawyer = generateIdentity();
    const recipient = await sharing.handlers.recipientAdd({ profileId, source: 'paste', text: lawyer.recipient, name: 'Advokat Holm' });
    const request = {
      profileId,
      recipientId: recipient.id,
      purpose: 'Advokatbistand',
      selection: { items: [{ type: 'case' as const, caseId: open.id, parts: ['decisions' as const] }] },
      expiry: { kind: 'until-case' as const, caseId: open.id, maxDays: 91 },
    };
    const preview = await sharing.handlers.sharePreview(request);
    expect(Date.parse(preview.expiresAt)).toBe(h.clock.now + 91 * 86_400_000);
    const created = await sharing.handlers.shareCreate(request);
    const bytes = fromBase64Url((await sharing.handlers.shareRead({ transferId: created.transferId, index: 0 })).data);
    const opened = await openBundle(bytes, { identity: lawyer.identity, now: new Date(h.clock.now + 1000) });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    // The cap is the signed end, stated in the consent the lawyer reads.
    expect(opened.manifest.expiresAt).toBe(preview.expiresAt);
    expect(opened.manifest.revocationEndpoint).toBeUndefined();
    expect(opened.consent.termination.text.en).toBe(`Until case ${open.data.record.caseNumber} closes, at the latest ${preview.expiresAt.slice(0, 10)}.`);
    await sharing.handlers.shareDeliver({ profileId, grantId: created.grantId, channel: 'download' });
    const [held] = await sharing.handlers.grantsHeld({});
    expect(held).toMatchObject({ id: created.grantId, status: 'active', holdsCopy: false, expiresAt: preview.expiresAt });

    await closeAndSync(connectorFor(sharing), open.data.record as { id: string; statusHistory: unknown[] });
    const after = await sharing.handlers.grantsHeld({});
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: created.grantId, status: 'case-closed', holdsCopy: true, revocation: { reason: 'case-closed', delivery: null } });
    // The notice the citizen can pass on by hand verifies for the lawyer's bundle.
    expect(verifyRevocation(after[0]!.revocation!.notice, opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: created.bundleId });
    // Past the cap the copy no longer reads as valid anywhere: nobody is listed as holding it.
    const clock = h.clock.now;
    h.clock.now = Date.parse(preview.expiresAt) + 1000;
    expect(await sharing.handlers.grantsHeld({})).toEqual([]);
    h.clock.now = clock;
  });
});
