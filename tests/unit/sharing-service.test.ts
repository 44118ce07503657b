/**
 * Sharing in the background, through the real router: keys per profile that no page can read,
 * recipients, a share that makes a grant and a log entry and a bundle that opens with the
 * recipient's key and carries exactly what was approved, revocation notices POSTed to a small
 * server on 127.0.0.1, grants that end when their case closes, and the transparency log's
 * chain (including an entry changed behind its back).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanFingerprintOf } from '../../src/shared/fingerprint';
import { generateIdentity, jwkFingerprint, openBundle, verifyRevocation } from '../../src/bundle/index';
import { endOfDanishDay } from '../../src/shared/danish-time';
import { VAULT_SCOPE } from '../../src/vault/record-store';
import { verifyLogFile } from '../../src/sharing/transparency-log';
import { SHARING_NOW, sharingHarness } from './support/sharing-harness';
import { toBase64Url } from '../../src/shared/base64url';
import { citizenKeysKind, transparencyHeadKind } from '../../src/records/sharing/index';
import { bankTransactionKind } from '../../src/records/money/index';

const NOW = SHARING_NOW;

const wellKnownKey = generateIdentity();
let wellKnown: unknown = {};

/** A recipient's server: its well-known document, and every POST recorded (path, content type, body). */
interface Receiver {
  url: string;
  posts: { path: string; type: string; body: Buffer }[];
  close(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  const posts: Receiver['posts'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/.well-known/handlerum-recipient.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(wellKnown));
        return;
      }
      if (req.method === 'GET') {
        res.writeHead(404).end();
        return;
      }
      posts.push({ path: req.url ?? '', type: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
      res.writeHead(req.url === '/fails' ? 500 : 200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, posts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const harness = (options: { permission?: boolean } = {}) => sharingHarness(options);

type Harness = Awaited<ReturnType<typeof harness>>;

const tx = (date: string, amountMinor: number, category: string, text: string, line: number) => ({
  accountId: 'acct1',
  date,
  amountMinor,
  currency: 'DKK',
  text,
  pending: false,
  line,
  key: `${date}|${amountMinor}|${text}|${line}`,
  category,
  categoryByCitizen: false,
  importId: 'imp1',
});

let server: Receiver;
beforeAll(async () => void (server = await receiver()));
afterAll(async () => server.close());

describe('citizen keys', () => {
  it('are made with the vault and for each new profile, and no page can read or write them', async () => {
    const h = await harness();
    const own = await h.vault.records.list(h.profileId, citizenKeysKind);
    expect(own.records).toHaveLength(1);
    const child = await h.call('saveProfile', { data: { name: 'Lea', relation: 'child' } });
    expect((await h.vault.records.list(child.id, citizenKeysKind)).records).toHaveLength(1);

    for (const [method, args] of [
      ['listRecords', { profileId: h.profileId, kind: 'citizen-keys' }],
      ['getRecord', { profileId: h.profileId, kind: 'citizen-keys', id: 'keys' }],
      ['writeRecords', { ops: [{ op: 'put', profileId: h.profileId, kind: 'citizen-keys', id: 'keys', data: {} }] }],
      ['writeRecords', { ops: [{ op: 'put', profileId: VAULT_SCOPE, kind: 'transparency-entry', data: {} }] }],
      ['writeRecords', { ops: [{ op: 'put', profileId: h.profileId, kind: 'share-grant', data: {} }] }],
    ] as const) {
      const response = await h.raw(method, args);
      expect(response.ok, method).toBe(false);
    }
    // Grants and the log are readable; only the service writes them.
    expect((await h.raw('listRecords', { profileId: h.profileId, kind: 'share-grant' })).ok).toBe(true);
  });

  it('are public in sharingIdentity: fingerprint, age recipient, identity file; never a secret', async () => {
    const h = await harness();
    const identity = await h.call('sharingIdentity', { profileId: h.profileId });
    const [keys] = (await h.vault.records.list(h.profileId, citizenKeysKind)).records;
    const text = JSON.stringify(identity);
    expect(text).not.toContain(keys!.data.signing.secretKey);
    expect(text).not.toContain(keys!.data.encryption.identity);
    expect(text).not.toMatch(/AGE-SECRET-KEY/);
    expect(identity.ageRecipient).toMatch(/^age1/);
    expect(identity.fingerprintGroups.join(' ')).toBe(humanFingerprintOf(identity.fingerprint));
    // The signing key's fingerprint, which the receiver kit shows as a bundle's sender, is its own.
    expect(identity.signingFingerprint).toBe(jwkFingerprint({ kty: 'OKP', crv: 'Ed25519', x: identity.signingPublicKey }));
    expect(identity.signingFingerprintGroups.join(' ')).toBe(humanFingerprintOf(identity.signingFingerprint));
    expect(identity.signingFingerprint).not.toBe(identity.fingerprint);
    expect(JSON.parse(identity.identityFile)).toMatchObject({ type: 'handlerum-identity', name: 'Thomas', ageRecipient: identity.ageRecipient });
    // Asking again gives the same keys.
    expect((await h.call('sharingIdentity', { profileId: h.profileId })).fingerprint).toBe(identity.fingerprint);
  });
});

describe('recipients', () => {
  it('are fetched from the well-known document of their domain, with the host permission only', async () => {
    const h = await harness();
    wellKnown = {
      version: 1,
      name: 'Føtex Madbudget',
      ageRecipient: wellKnownKey.recipient,
      bundleEndpoint: `${server.url}/bundles`,
      revocationEndpoint: `${server.url}/revocations`,
    };
    const added = await h.call('recipientFetchWellKnown', { profileId: h.profileId, domain: server.url });
    expect(added).toMatchObject({
      name: 'Føtex Madbudget',
      addedBy: 'well-known',
      origin: server.url,
      endpoints: { bundle: `${server.url}/bundles`, revocation: `${server.url}/revocations` },
    });
    wellKnown = { version: 1, name: 'x', ageRecipient: 'age1broken' };
    expect(await h.raw('recipientFetchWellKnown', { profileId: h.profileId, domain: server.url })).toMatchObject({
      ok: false,
      error: { code: 'well-known-invalid', detail: 'ageRecipient' },
    });
    h.permission.granted = false;
    expect(await h.raw('recipientFetchWellKnown', { profileId: h.profileId, domain: server.url })).toMatchObject({
      ok: false,
      error: { code: 'recipient-permission-missing' },
    });
    expect(await h.raw('recipientFetchWellKnown', { profileId: h.profileId, domain: 'http://example.dk' })).toMatchObject({
      ok: false,
      error: { code: 'bad-recipient-address' },
    });
  });

  it('are added from a pasted key, an identity file and a well-known document; broken input is refused', async () => {
    const h = await harness();
    const them = generateIdentity();
    const pasted = await h.call('recipientAdd', { profileId: h.profileId, source: 'paste', text: ` ${them.recipient} `, name: 'Advokat Jensen' });
    expect(pasted).toMatchObject({ name: 'Advokat Jensen', ageRecipient: them.recipient, addedBy: 'paste' });

    const other = await harness();
    const file = (await other.call('sharingIdentity', { profileId: other.profileId })).identityFile;
    expect(await h.call('recipientAdd', { profileId: h.profileId, source: 'file', text: file })).toMatchObject({ name: 'Thomas', addedBy: 'file' });

    const doc = JSON.stringify({ version: 1, name: 'Føtex Madbudget', ageRecipient: generateIdentity().recipient, bundleEndpoint: `${server.url}/bundles` });
    expect((await h.call('recipientAdd', { profileId: h.profileId, source: 'qr', text: doc })).endpoints.bundle).toBe(`${server.url}/bundles`);

    const broken = them.recipient.slice(0, -1) + (them.recipient.endsWith('q') ? 'p' : 'q');
    expect(await h.raw('recipientAdd', { profileId: h.profileId, source: 'paste', text: broken })).toMatchObject({
      ok: false,
      error: { code: 'bad-recipient-key' },
    });
    expect(await h.raw('recipientAdd', { profileId: h.profileId, source: 'paste', text: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'not-a-recipient-key' },
    });
    expect(await h.raw('recipientAdd', { profileId: h.profileId, source: 'paste', text: generateIdentity().recipient })).toMatchObject({
      ok: false,
      error: { code: 'recipient-name-missing' },
    });
    expect(await h.raw('recipientAdd', { profileId: h.profileId, source: 'paste', text: them.recipient })).toMatchObject({
      ok: true,
      value: { name: 'Advokat Jensen' },
    }); // same key: kept, not doubled
    expect(await h.call('recipientList', { profileId: h.profileId })).toHaveLength(3);
  });
});

async function shareFoodBudget(h: Harness, endpoints: { bundle?: string; revocation?: string } = {}) {
  const them = generateIdentity();
  const doc = {
    version: 1,
    name: 'Føtex Madbudget',
    ageRecipient: them.recipient,
    ...(endpoints.bundle ? { bundleEndpoint: endpoints.bundle } : {}),
    ...(endpoints.revocation ? { revocationEndpoint: endpoints.revocation } : {}),
  };
  const recipient = await h.call('recipientAdd', { profileId: h.profileId, source: 'file', text: JSON.stringify(doc) });
  await h.call('writeRecords', {
    ops: [
      tx('2026-01-05', -45_000, 'groceries', 'NETTO VESTERÅ', 1),
      tx('2026-01-20', -30_050, 'groceries', 'FØTEX', 2),
      tx('2026-02-03', -60_000, 'groceries', 'REMA 1000', 3),
      tx('2026-02-10', -99_900, 'rent', 'HUSLEJE', 4),
      tx('2026-02-11', 1_200_000, 'income', 'KONTANTHJÆLP', 5),
    ].map((data) => ({ op: 'put', profileId: h.profileId, kind: 'bank-transaction', data })),
  });
  const [note] = await h.call('writeRecords', {
    ops: [{ op: 'put', profileId: h.profileId, kind: 'note', data: { title: 'Kostplan', body: 'Mindre sukker, mere grønt.' } }],
  });
  const request = {
    profileId: h.profileId,
    recipientId: recipient.id,
    purpose: 'Madbudget',
    selection: {
      items: [
        { type: 'food-budget', months: 3 },
        { type: 'note', noteId: note!.id },
      ],
    },
    expiry: { kind: 'date', date: '2026-06-30' },
  };
  return { them, recipient, request };
}

describe('a share', () => {
  it('is previewed item by item, then makes a grant, a log entry and a bundle that opens with the recipient key and holds only what was approved', async () => {
    const h = await harness();
    const { them, request } = await shareFoodBudget(h);
    const preview = await h.call('sharePreview', request);
    expect(preview.items).toEqual([
      { type: 'food-budget', label: '', counts: { months: 3 } },
      { type: 'note', label: 'Kostplan', counts: { notes: 1 } },
    ]);
    expect(await h.call('grantsList', { profileId: h.profileId })).toEqual([]); // a preview makes nothing

    const created = await h.call('shareCreate', request);
    const bytes = await h.download(created);
    expect(bytes.length).toBe(created.size);

    const opened = await openBundle(bytes, { identity: them.identity, now: new Date(NOW + 1000) });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.manifest.id).toBe(created.bundleId);
    expect(opened.manifest.issuer.name).toBe('Thomas');
    expect(Object.keys(opened.data).sort()).toEqual(['foodBudget', 'notes']);
    expect(opened.data.foodBudget).toEqual([
      expect.objectContaining({
        view: 'monthly-food-budget',
        months: [
          { month: '2025-12', spentMinor: 0 },
          { month: '2026-01', spentMinor: 75_050 },
          { month: '2026-02', spentMinor: 60_000 },
        ],
        averageMinor: 45_017,
      }),
    ]);
    // No raw transactions: no bank text, no rent, no income leaves.
    const text = JSON.stringify(opened);
    for (const secret of ['NETTO', 'FØTEX', 'REMA', 'HUSLEJE', 'KONTANTHJÆLP', '99900', '1200000']) expect(text).not.toContain(secret);
    expect(opened.consent.recipients[0]?.fingerprint).toBe(preview.recipient.fingerprint);

    const [grant] = await h.call('grantsList', { profileId: h.profileId });
    expect(grant).toMatchObject({
      id: created.grantId,
      status: 'active',
      purpose: 'Madbudget',
      bundleId: created.bundleId,
      recipient: { name: 'Føtex Madbudget' },
    });
    expect(grant!.bundleSha256).toBe(toBase64Url((await import('@noble/hashes/sha2.js')).sha256(bytes)));
    const log = await h.call('logList', {});
    expect(log[0]).toMatchObject({
      type: 'share',
      summary: { recipient: 'Føtex Madbudget', purpose: 'Madbudget', grantId: created.grantId, bundleId: created.bundleId },
    });
    expect(JSON.stringify(log)).not.toContain('Mindre sukker'); // the log names what, never the data
  });

  it('is POSTed to the recipient endpoint and the delivery is recorded; a failing endpoint is reported, not hidden', async () => {
    const h = await harness();
    const { request } = await shareFoodBudget(h, { bundle: `${server.url}/bundles` });
    const created = await h.call('shareCreate', request);
    const before = server.posts.length;
    const delivery = await h.call('shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'endpoint' });
    expect(delivery).toMatchObject({ channel: 'endpoint', ok: true });
    const post = server.posts[before]!;
    expect(post).toMatchObject({ path: '/bundles', type: 'application/octet-stream' });
    expect(new Uint8Array(post.body)).toEqual(await h.download(created));

    h.permission.granted = false;
    expect(await h.raw('shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'endpoint' })).toMatchObject({
      ok: false,
      error: { code: 'recipient-permission-missing' },
    });
    const [grant] = await h.call('grantsList', { profileId: h.profileId });
    expect(grant!.deliveries).toEqual([delivery]);
  });

  it('refuses a selection naming a note that is gone, and an expiry in the past', async () => {
    const h = await harness();
    const { request } = await shareFoodBudget(h);
    const gone = { ...request, selection: { items: [{ type: 'note', noteId: 'nope' }] } };
    expect(await h.raw('shareCreate', gone)).toMatchObject({ ok: false, error: { code: 'selection-unavailable' } });
    expect(await h.raw('shareCreate', { ...request, expiry: { kind: 'date', date: '2026-03-01' } })).toMatchObject({
      ok: false,
      error: { code: 'expiry-in-past' },
    });
    expect(await h.call('grantsList', { profileId: h.profileId })).toEqual([]);
  });

  it('runs to the last second of the chosen Danish day, in winter and in summer time', () => {
    expect(new Date(endOfDanishDay('2026-01-15')).toISOString()).toBe('2026-01-15T22:59:59.000Z');
    expect(new Date(endOfDanishDay('2026-07-15')).toISOString()).toBe('2026-07-15T21:59:59.000Z');
  });

  it('expires by date in the ledger', async () => {
    const h = await harness();
    const { request } = await shareFoodBudget(h);
    await h.call('shareCreate', request);
    h.clock.now = Date.parse('2026-07-01T12:00:00Z');
    expect((await h.call('grantsList', { profileId: h.profileId }))[0]!.status).toBe('expired');
    expect(await h.call('grantsHeld', {})).toEqual([]);
  });
});

describe('revoking', () => {
  it('signs a notice that verifies against the bundle issuer and POSTs it; the grant is revoked and logged', async () => {
    const h = await harness();
    const { them, request } = await shareFoodBudget(h, { revocation: `${server.url}/revocations` });
    const created = await h.call('shareCreate', request);
    const opened = await openBundle(await h.download(created), { identity: them.identity, now: new Date(NOW + 1000) });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.manifest.revocationEndpoint).toBe(`${server.url}/revocations`);
    expect((await h.call('grantsHeld', {}))[0]).toMatchObject({ id: created.grantId, profileName: 'Thomas' });

    const before = server.posts.length;
    h.clock.now += 60_000;
    const revoked = await h.call('grantRevoke', { profileId: h.profileId, grantId: created.grantId });
    expect(revoked).toMatchObject({ status: 'revoked', revocation: { reason: 'revoked', delivery: { ok: true } } });
    const post = server.posts[before]!;
    expect(post.path).toBe('/revocations');
    const checked = verifyRevocation(post.body.toString('utf8'), opened.manifest.issuer);
    expect(checked).toEqual({ ok: true, bundleId: created.bundleId, revokedAt: new Date(h.clock.now).toISOString() });
    expect(await h.call('grantsHeld', {})).toEqual([]);
    expect((await h.call('logList', {}))[0]).toMatchObject({ type: 'revocation', summary: { grantId: created.grantId } });
    expect(await h.raw('grantRevoke', { profileId: h.profileId, grantId: created.grantId })).toMatchObject({ ok: false });
  });

  it('still revokes when the notice cannot be delivered, and says so', async () => {
    const h = await harness();
    const { request } = await shareFoodBudget(h, { revocation: `${server.url}/fails` });
    const created = await h.call('shareCreate', request);
    const revoked = await h.call('grantRevoke', { profileId: h.profileId, grantId: created.grantId });
    expect(revoked.status).toBe('revoked');
    expect(revoked.revocation?.delivery).toMatchObject({ ok: false, detail: 'http-500' });
  });
});

describe('deleting a profile', () => {
  it('revokes its active shares first, so their recipients are told', async () => {
    const h = await harness();
    const child = await h.call('saveProfile', { data: { name: 'Lea', relation: 'child' } });
    const recipient = await h.call('recipientAdd', {
      profileId: child.id,
      source: 'file',
      text: JSON.stringify({ version: 1, name: 'Tandlægen', ageRecipient: generateIdentity().recipient, revocationEndpoint: `${server.url}/revocations` }),
    });
    const [note] = await h.call('writeRecords', { ops: [{ op: 'put', profileId: child.id, kind: 'note', data: { title: 'Tandplejeplan', body: '' } }] });
    const created = await h.call('shareCreate', {
      profileId: child.id,
      recipientId: recipient.id,
      purpose: 'Tandpleje',
      selection: { items: [{ type: 'note', noteId: note!.id }] },
      expiry: { kind: 'date', date: '2026-12-31' },
    });
    const before = server.posts.length;
    await h.call('deleteProfile', { id: child.id });
    expect(server.posts.slice(before).map((p) => p.path)).toEqual(['/revocations']);
    expect((await h.call('logList', {})).map((e) => [e.type, e.summary.bundleId ?? null])).toEqual([
      ['deletion', null],
      ['revocation', created.bundleId],
      ['share', created.bundleId],
    ]);
  });
});

describe('a grant tied to a case', () => {
  it('ends when a sync shows the case closed, with a notice to the recipient', async () => {
    const h = await harness();
    const fixture = JSON.parse(readFileSync('tests/fixtures/records/municipal-case.json', 'utf8'));
    const signature = JSON.parse(readFileSync('tests/fixtures/records/municipal-signature.json', 'utf8'));
    await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: 'municipal-signature', id: fixture.provenance.signatureId, data: signature }]);
    const [theCase] = await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: 'municipal-case', data: fixture }]);
    const { them, request } = await shareFoodBudget(h, { revocation: `${server.url}/revocations` });
    const caseRequest = {
      ...request,
      purpose: 'Advokatbistand',
      selection: { items: [{ type: 'case', caseId: theCase!.id, parts: ['decisions'] }] },
      expiry: { kind: 'until-case', caseId: theCase!.id },
    };
    const preview = await h.call('sharePreview', caseRequest);
    expect(preview.items[0]).toMatchObject({ type: 'case', label: '32.24.04 Kontanthjælp efter ophør af sygedagpenge', counts: { decisions: 0 } });
    expect(preview.untilCase).toMatchObject({ caseId: theCase!.id });
    const created = await h.call('shareCreate', caseRequest);
    const opened = await openBundle(await h.download(created), { identity: them.identity, now: new Date(NOW + 1000) });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.provenance).toContainEqual(
      expect.objectContaining({
        attestedBy: 'municipality',
        jws: signature.jws,
        records: [expect.objectContaining({ type: 'case', id: fixture.record.id, sha256: fixture.provenance.digest })],
      }),
    );

    await h.sharing.onSyncComplete(h.profileId); // still open: nothing happens
    expect((await h.call('grantsList', { profileId: h.profileId }))[0]!.status).toBe('active');

    const closed = {
      ...fixture,
      record: { ...fixture.record, status: 'closed', statusHistory: [...fixture.record.statusHistory, { status: 'closed', at: '2026-03-14T10:00:00+01:00' }] },
    };
    await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: 'municipal-case', id: theCase!.id, data: closed }]);
    const before = server.posts.length;
    await h.sharing.onSyncComplete(h.profileId);
    const [grant] = await h.call('grantsList', { profileId: h.profileId });
    expect(grant).toMatchObject({ status: 'case-closed', revocation: { reason: 'case-closed', delivery: { ok: true } } });
    expect(verifyRevocation(server.posts[before]!.body.toString('utf8'), opened.manifest.issuer)).toMatchObject({ ok: true, bundleId: created.bundleId });
    expect((await h.call('logList', {}))[0]).toMatchObject({ type: 'grant-ended', summary: { what: 'case-closed' } });
  });
});

describe('the transparency log', () => {
  it('records exports, imports and deletions without their data, verifies, exports, and catches a changed entry', async () => {
    const h = await harness();
    await h.call('writeRecords', {
      ops: [{ op: 'put', profileId: h.profileId, kind: 'bank-transaction', data: tx('2026-01-05', -100, 'groceries', 'NETTO', 1) }],
    });
    await h.call('backupCreate', {});
    const child = await h.call('saveProfile', { data: { name: 'Lea', relation: 'child' } });
    await h.call('deleteProfile', { id: child.id });
    const log = await h.call('logList', {});
    expect(log.map((e) => e.type)).toEqual(['deletion', 'export', 'import']);
    expect(log[2]).toMatchObject({ summary: { counts: { 'bank-transaction': 1 } } });
    expect(JSON.stringify(log)).not.toContain('NETTO');
    // Changing a category is not an import.
    const [row] = (await h.vault.records.list(h.profileId, bankTransactionKind)).records;
    await h.call('writeRecords', {
      ops: [{ op: 'put', profileId: h.profileId, kind: 'bank-transaction', id: row!.id, data: { ...(row!.data as object), category: 'other' } }],
    });
    expect(await h.call('logList', {})).toHaveLength(3);

    const { signingPublicKey } = await h.call('sharingIdentity', { profileId: h.profileId });
    expect(await h.call('logVerify', {})).toMatchObject({ valid: true, count: 3, signer: { signingKey: signingPublicKey } });
    const exported = await h.call('logExport', {});
    // Signed with the owner's key, the one the citizen hands out in their identity.
    expect(verifyLogFile(JSON.parse(exported.json), { signingKey: signingPublicKey })).toMatchObject({ valid: true, count: 3 });
    const file = JSON.parse(exported.json);
    file.entries[1].summary.what = 'nothing';
    expect(verifyLogFile(file)).toMatchObject({ valid: false, brokenAt: 2, reason: 'hash' });

    // Rewritten inside the vault, hash and all recomputed for that entry: the next link breaks.
    const second = log[1]!;
    const { entryHash } = await import('../../src/sharing/transparency-log');
    const { hash: _old, ...body } = { ...second, summary: { what: 'nothing' } };
    await h.vault.records.write([
      {
        op: 'put',
        profileId: VAULT_SCOPE,
        kind: 'transparency-entry',
        id: `log-${String(second.seq).padStart(12, '0')}`,
        data: { ...body, hash: entryHash(body) },
      },
    ]);
    expect(await h.call('logVerify', {})).toMatchObject({ valid: false, brokenAt: 3, reason: 'link' });
  });

  it('entries cut off the end inside the vault are caught, in the vault and in the export, and later entries do not hide it', async () => {
    const h = await harness();
    for (let i = 0; i < 3; i++) await h.call('backupCreate', {});
    expect(await h.call('logVerify', {})).toMatchObject({ valid: true, count: 3 });
    await h.vault.records.write([{ op: 'delete', profileId: VAULT_SCOPE, kind: 'transparency-entry', id: `log-${String(3).padStart(12, '0')}` }]);

    expect(await h.call('logVerify', {})).toMatchObject({ valid: false, reason: 'cut', brokenAt: 3 });
    const file = JSON.parse((await h.call('logExport', {})).json);
    expect(verifyLogFile(file)).toMatchObject({ valid: false, reason: 'cut', brokenAt: 3 });

    // The next entry follows the signed head, not the last entry left: the gap stays.
    await h.call('backupCreate', {});
    expect((await h.call('logList', {})).map((e) => e.seq)).toEqual([4, 2, 1]);
    expect(await h.call('logVerify', {})).toMatchObject({ valid: false, reason: 'sequence', brokenAt: 4 });
  });

  it('after the first profile is deleted, the next one signs the head, and the log still verifies', async () => {
    const h = await harness();
    const child = await h.call('saveProfile', { data: { name: 'Lea', relation: 'child' } });
    await h.call('backupCreate', {});
    await h.call('deleteProfile', { id: h.profileId });
    const { signingPublicKey } = await h.call('sharingIdentity', { profileId: child.id });
    expect(await h.call('logVerify', {})).toMatchObject({ valid: true, count: 2, signer: { signingKey: signingPublicKey } });
    expect(verifyLogFile(JSON.parse((await h.call('logExport', {})).json), { signingKey: signingPublicKey })).toMatchObject({ valid: true, count: 2 });
  });

  it('the signed head is the sharing service\u2019s alone: pages may not write it', async () => {
    const h = await harness();
    await h.call('backupCreate', {});
    const [head] = (await h.vault.records.list(VAULT_SCOPE, transparencyHeadKind)).records;
    expect(head?.data).toMatchObject({ seq: 1 });
    const forged = await h.raw('writeRecords', { ops: [{ op: 'delete', profileId: VAULT_SCOPE, kind: 'transparency-head', id: head!.id }] });
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
