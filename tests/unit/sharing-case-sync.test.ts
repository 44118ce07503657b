/**
 * A share "until the case closes" against the reference municipality: the connector's sync
 * completion tells sharing, which ends the grant when the synced case is closed and sends the
 * signed notice to the recipient's revocation endpoint (a server on 127.0.0.1).
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

describe('a grant until a case closes', () => {
  it('ends by itself when a sync shows the case closed, and the recipient gets a notice that verifies', async () => {
    const sharing = new SharingService({ vault: h.vault, fetch: (url, init) => fetch(url, init), hasHostPermission: async () => true, now: () => h.clock.now });
    // A second connector on the same vault, wired as the background wires it; it syncs with the stored connection.
    const municipal = new MunicipalService({
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

    const record = open.data.record as { id: string; statusHistory: unknown[] };
    await h.change('thomas', {
      op: 'update',
      resource: 'cases',
      id: record.id,
      patch: { status: 'closed', closedAt: '2026-02-01', statusHistory: [...record.statusHistory, { status: 'closed', at: '2026-02-01T10:00:00+01:00' }] },
    });
    await municipal.handlers.municipalSync({ profileId, connectionId });
    await municipal.whenIdle();

    const [grant] = await sharing.handlers.grantsList({ profileId });
    expect(grant).toMatchObject({ status: 'case-closed', revocation: { reason: 'case-closed', delivery: { ok: true } } });
    expect(notices).toHaveLength(1);
    expect(verifyRevocation(notices[0]!, opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: created.bundleId });
    expect(await sharing.handlers.grantsActive({})).toEqual([]);
  });
});
