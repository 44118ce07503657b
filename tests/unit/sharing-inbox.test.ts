/**
 * A share for a case, delivered to the case's inbox at the reference municipality on 127.0.0.1
 * through the real connector: the municipality publishes the key bundles for it are encrypted
 * to; what arrives for the case opens with the municipality's identity in the receiver SDK, is
 * signed by the citizen, and its case material checks against the municipality's own keys. Every
 * failure (a dropped connection, a 5xx, a receipt that does not verify, the server gone) is a
 * sharing code, and none is recorded as delivered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SharingService } from '../../src/background/sharing/index';
import { RecipientDocument } from '../../src/bundle/recipient-document';
import { municipalCaseKind } from '../../src/records/municipal/index';
import { open, verifyMunicipalProvenance } from '../../src/receiver/sdk';
import { sha256 } from '@noble/hashes/sha2.js';
import { hasCode } from '../../src/messaging/errors';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';
import { bankRow } from './support/sharing-harness';
import { toBase64Url } from '../../src/shared/base64url';
import { reportCleanupFailure } from './support/cleanup';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close().catch(reportCleanupFailure);
  h = undefined;
});

/** Thomas signed in and synced, some bank rows, the sharing service wired to the connector's inbox, the municipality added as a recipient. */
async function setup() {
  h = await connectorHarness();
  await h.connect();
  const sharing = new SharingService({
    vault: h.vault,
    fetch: (url, init) => fetch(url, init),
    hasHostPermission: async () => true,
    municipalInbox: (args) => h!.service.handlers.municipalInboxSend(args),
    now: () => h!.clock.now,
  });
  const profileId = h.profileId;
  await sharing.ensureKeys(profileId);
  await h.vault.records.write(
    [bankRow('2026-02-03', -60_000, 'groceries', 'REMA 1000', 1), bankRow('2026-02-11', 1_200_000, 'income', 'KONTANTHJÆLP', 2)].map((data) => ({
      op: 'put' as const,
      profileId,
      kind: 'bank-transaction',
      data,
    })),
  );
  const municipality = await sharing.handlers.recipientFetchWellKnown({ profileId, domain: h.server.url });
  const cases = (await h.vault.records.list(profileId, municipalCaseKind)).records;
  const theCase = cases.find((c) => c.data.record.status !== 'closed')!;
  const request = {
    profileId,
    recipientId: municipality.id,
    purpose: 'Kontoudtog til sagen',
    selection: {
      items: [
        { type: 'case' as const, caseId: theCase.id, parts: ['decisions' as const] },
        { type: 'transactions' as const, from: '2026-01-01', to: '2026-03-09', categories: [], fields: ['date' as const, 'amount' as const, 'text' as const] },
      ],
    },
    expiry: { kind: 'date' as const, date: '2026-06-30' },
  };
  return { h, sharing, profileId, municipality, theCase, request };
}

const inboxAt = (h: ConnectorHarness) => [...h.server.state.inbox.values()].flat();
const grantOf = async (sharing: SharingService, profileId: string) => (await sharing.handlers.grantsList({ profileId }))[0]!;

async function refused(promise: Promise<unknown>): Promise<{ code: string; detail: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!hasCode(error)) throw new Error(`expected a coded error, got ${String(error)}`);
  return { code: error.code, detail: error.detail };
}

describe('the reference municipality as a recipient', () => {
  it('publishes the age key its inboxes take bundles for, and is added as a recipient by its address', async () => {
    const { h, municipality } = await setup();
    const doc = RecipientDocument.parse(await (await fetch(`${h.server.url}/.well-known/handlerum-recipient.json`)).json());
    expect(doc).toMatchObject({ version: 1, name: 'Vesterå Kommune', ageRecipient: h.server.state.recipient.recipient });
    expect(doc.ageRecipient).toMatch(/^age1/);
    expect(municipality).toMatchObject({ name: 'Vesterå Kommune', ageRecipient: doc.ageRecipient, origin: h.server.url, addedBy: 'well-known' });
  });
});

describe('a share sent to the municipality\u2019s inbox for a case', () => {
  it('arrives for that case and opens with the municipality\u2019s key: the citizen\u2019s signature, the data, the copies, the case\u2019s own signatures', async () => {
    const { h, sharing, profileId, theCase, request } = await setup();
    const preview = await sharing.handlers.sharePreview(request);
    expect(preview.channels.municipalInbox).toBe(true);
    const created = await sharing.handlers.shareCreate(request);
    const delivery = await sharing.handlers.shareDeliver({ profileId, grantId: created.grantId, channel: 'municipal-inbox' });
    expect(delivery).toMatchObject({ channel: 'municipal-inbox', ok: true });

    const [receipt, ...more] = inboxAt(h);
    expect(more).toEqual([]);
    expect(receipt).toMatchObject({ id: delivery.detail, caseId: theCase.data.record.id, kind: 'bundle', status: 'received' });
    const res = await fetch(`${h.server.url}/__test/inbox/${receipt!.id}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(receipt!.bytes);

    const opened = await open(bytes, { identity: h.server.state.recipient.identity, now: new Date(h.clock.now + 1000) });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const identity = await sharing.handlers.sharingIdentity({ profileId });
    expect(opened.manifest).toMatchObject({ id: created.bundleId, issuer: { name: 'Thomas' }, recipient: { kind: 'x25519', name: 'Vesterå Kommune' } });
    expect(opened.manifest.issuer.jwk.x).toBe(identity.signingPublicKey);
    type Signed = { type: string; id: string; version: number };
    const cases = opened.data.cases as { case: Signed; decisions: (Signed & { appeal?: unknown })[] }[];
    expect(cases.map((c) => c.case.id)).toEqual([theCase.data.record.id]);
    const tx = (opened.data.transactions as { rows: { amountMinor: number }[] }[])[0]!.rows;
    expect(tx.map((r) => r.amountMinor)).toEqual([-60_000, 1_200_000]);
    // The calendar copy holds the shared decisions' last days to appeal, when they can be appealed.
    const appealable = cases.some((c) => c.decisions.some((d) => d.appeal));
    expect(opened.files.map((f) => f.path)).toEqual(['files/transactions.csv', 'files/transactions.ofx', ...(appealable ? ['files/activities.ics'] : [])]);
    const jwks = await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json();
    const municipal = opened.provenance.filter((p) => p.attestedBy === 'municipality');
    expect(municipal.length).toBeGreaterThan(0);
    const shared = cases.flatMap((c) => [c.case, ...c.decisions]);
    for (const entry of municipal) {
      const covered = shared.filter((r) => entry.records.some((e) => e.type === r.type && e.id === r.id));
      expect(covered.length).toBeGreaterThan(0);
      expect(verifyMunicipalProvenance(entry, jwks, covered)).toMatchObject({ ok: true });
    }

    const grant = await grantOf(sharing, profileId);
    expect(grant.deliveries).toEqual([delivery]);
    // What the municipality kept is exactly the bundle the grant was made with.
    expect(toBase64Url(sha256(bytes))).toBe(grant.bundleSha256);
    expect(receipt!.sha256).toBe(grant.bundleSha256);
  });

  it('fails with sharing\u2019s codes when the connection drops, the server errs, the receipt is forged or the server is gone; nothing counts as delivered', async () => {
    const { h, sharing, profileId, theCase, request } = await setup();
    const created = await sharing.handlers.shareCreate(request);
    const deliver = () => sharing.handlers.shareDeliver({ profileId, grantId: created.grantId, channel: 'municipal-inbox' });
    const path = `/citizen/v1/cases/${theCase.data.record.id}/inbox`;

    await h.arm({ kind: 'drop-connection', path });
    expect(await refused(deliver())).toMatchObject({ code: 'inbox-unreachable' });
    await h.arm({ kind: 'server-error', path, times: 3 }); // the first attempt and both retries
    expect(await refused(deliver())).toEqual({ code: 'inbox-refused', detail: 'HTTP 500' });
    expect(inboxAt(h)).toEqual([]);
    await h.arm({ kind: 'bad-signature', path });
    expect(await refused(deliver())).toMatchObject({ code: 'inbox-receipt-invalid' });
    expect(inboxAt(h)).toHaveLength(1); // it did arrive, but the vault cannot prove it, so it does not say so

    await h.server.close();
    expect(await refused(deliver())).toMatchObject({ code: 'inbox-unreachable' });

    const grant = await grantOf(sharing, profileId);
    expect(grant.status).toBe('active');
    expect(grant.deliveries.map((d) => [d.channel, d.ok])).toEqual(Array(4).fill(['municipal-inbox', false]));
    expect(grant.deliveries.map((d) => d.detail.split(' ')[0])).toEqual(['inbox-unreachable', 'inbox-refused', 'inbox-receipt-invalid', 'inbox-unreachable']);
  });
});

describe('withdrawing a share sent to the municipality\u2019s inbox', () => {
  it('sends the signed notice to the municipality, which marks that bundle withdrawn; a notice by another key is refused', async () => {
    const { h, sharing, profileId, municipality, request } = await setup();
    expect(municipality.endpoints.revocation).toBe(`${h.server.url}/revocations`);
    // The server reads the bundle by its own (real) clock, so it must still be valid then.
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const created = await sharing.handlers.shareCreate({ ...request, expiry: { kind: 'date', date: inAYear } });
    const delivery = await sharing.handlers.shareDeliver({ profileId, grantId: created.grantId, channel: 'municipal-inbox' });
    const status = async () => (await fetch(`${h.server.url}/__test/inbox/${delivery.detail}/revocation`)).json();
    expect(await status()).toEqual({ revoked: false });

    // A notice for this bundle signed by someone else's key changes nothing.
    const { createRevocation } = await import('../../src/bundle/index');
    const forged = await createRevocation({ bundleId: created.bundleId, signingSecretKey: new Uint8Array(32).fill(7), revokedAt: new Date(h.clock.now) });
    const refusedNotice = await fetch(`${h.server.url}/revocations`, { method: 'POST', headers: { 'Content-Type': 'application/jose' }, body: forged });
    expect(refusedNotice.status).toBe(400);
    expect(await status()).toEqual({ revoked: false });

    await sharing.handlers.grantRevoke({ profileId, grantId: created.grantId });
    const grant = await grantOf(sharing, profileId);
    expect(grant.status).toBe('revoked');
    expect(grant.revocation?.delivery).toMatchObject({ channel: 'endpoint', ok: true });
    expect(await status()).toMatchObject({ revoked: true, revokedAt: new Date(h.clock.now).toISOString() });
  });
});
