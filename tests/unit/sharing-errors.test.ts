/**
 * Sharing's refusals, one code each, through the real router: every way the sharing service
 * says no, with a small recipient server on 127.0.0.1 that answers as asked (a missing, broken or
 * oversized recipient document; a bundle endpoint that fails with a status), a port nobody
 * listens on, and a municipal inbox that fails as the connector does. A failed delivery is kept
 * on the grant as not delivered. Then each code's message, in Danish and English, says what
 * happened and what to do, with the HTTP status where there is one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import type { SharingServiceDeps } from '../../src/background/sharing/index';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../src/ui/errors';
import { setLanguage, translate } from '../../src/ui/i18n/index';
import { MunicipalError, SharingError, VaultError, type AppError, type ErrorCode } from '../../src/messaging/errors';
import { HttpProblem } from '../../src/municipal/connector/http';
import { bankRow, sharingHarness, type SharingHarness } from './support/sharing-harness';

/** What the recipient server answers, by path: status, content type and body. */
const answers = new Map<string, { status: number; body: string; type?: string }>();
let server: Server;
let base = '';
/** An address on which nothing listens. */
let closed = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answers.get(req.url ?? '') ?? { status: 404, body: '' };
      res.writeHead(a.status, { 'Content-Type': a.type ?? 'application/json' }).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const WELL_KNOWN = '/.well-known/handlerum-recipient.json';
/** A municipality's 4xx answer, as the connector's HTTP client reports it. */
const problem = (status: number, code: string) => new HttpProblem(code, `HTTP ${status}`, { status });
const publish = (doc: unknown, status = 200) => answers.set(WELL_KNOWN, { status, body: typeof doc === 'string' ? doc : JSON.stringify(doc) });

async function refusal(h: SharingHarness, method: Parameters<SharingHarness['raw']>[0], args: unknown): Promise<{ code: string; detail: string }> {
  const response = await h.raw(method, args);
  if (response.ok) throw new Error(`${method} succeeded`);
  return response.error;
}

/** A recipient with the given endpoints, a note to share, and a request for it. */
async function noteShare(h: SharingHarness, endpoints: { bundleEndpoint?: string } = {}) {
  const doc = { version: 1, name: 'Modtager', ageRecipient: generateIdentity().recipient, ...endpoints };
  const recipient = await h.call('recipientAdd', { profileId: h.profileId, source: 'file', text: JSON.stringify(doc) });
  const [note] = await h.call('writeRecords', { ops: [{ op: 'put', profileId: h.profileId, kind: 'note', data: { title: 'Kostplan', body: 'Grønt.' } }] });
  return {
    profileId: h.profileId,
    recipientId: recipient.id,
    purpose: 'Hjælp',
    selection: { items: [{ type: 'note', noteId: note!.id }] },
    expiry: { kind: 'date', date: '2026-06-30' },
  };
}

describe('adding a recipient', () => {
  it('names what is wrong with the key, the name or the address', async () => {
    const h = await sharingHarness();
    const them = generateIdentity();
    const broken = them.recipient.slice(0, -1) + (them.recipient.endsWith('q') ? 'p' : 'q');
    expect(await refusal(h, 'recipientAdd', { profileId: h.profileId, source: 'paste', text: broken, name: 'X' })).toMatchObject({ code: 'bad-recipient-key' });
    expect(
      await refusal(h, 'recipientAdd', { profileId: h.profileId, source: 'qr', text: '{"version":1,"name":"X","ageRecipient":"age1nope"}' }),
    ).toMatchObject({ code: 'bad-recipient-key' });
    expect(await refusal(h, 'recipientAdd', { profileId: h.profileId, source: 'paste', text: 'hej med dig' })).toMatchObject({ code: 'not-a-recipient-key' });
    expect(await refusal(h, 'recipientAdd', { profileId: h.profileId, source: 'paste', text: them.recipient })).toMatchObject({
      code: 'recipient-name-missing',
    });
    const own = await h.call('sharingIdentity', { profileId: h.profileId });
    expect(await refusal(h, 'recipientAdd', { profileId: h.profileId, source: 'paste', text: own.ageRecipient, name: 'Mig' })).toMatchObject({
      code: 'recipient-is-self',
    });
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: 'ftp://example.dk' })).toMatchObject({
      code: 'bad-recipient-address',
    });
    expect(await refusal(h, 'recipientDelete', { profileId: h.profileId, recipientId: 'nobody' })).toMatchObject({ code: 'recipient-not-found' });
    expect(await h.call('recipientList', { profileId: h.profileId })).toEqual([]);
  });

  it('by its domain: not allowed, not answering, no document, a broken or oversized document', async () => {
    const h = await sharingHarness();
    h.permission.granted = false;
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toMatchObject({ code: 'recipient-permission-missing' });
    h.permission.granted = true;
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: closed })).toMatchObject({ code: 'recipient-unreachable' });
    publish('', 404);
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toEqual({ code: 'well-known-missing', detail: 'HTTP 404' });
    publish('<html>not json</html>');
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toEqual({ code: 'well-known-invalid', detail: 'not JSON' });
    publish({ version: 1, name: 'Føtex', ageRecipient: generateIdentity().recipient, extra: true });
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toMatchObject({ code: 'well-known-invalid' });
    publish({ version: 1, name: 'Føtex', ageRecipient: generateIdentity().recipient, description: 'x'.repeat(70_000) });
    expect(await refusal(h, 'recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toMatchObject({
      code: 'well-known-invalid',
      detail: expect.stringMatching(/^larger than/),
    });
    publish({ version: 1, name: 'Føtex', ageRecipient: generateIdentity().recipient });
    expect(await h.call('recipientFetchWellKnown', { profileId: h.profileId, domain: base })).toMatchObject({ name: 'Føtex', origin: base });
  });
});

describe('making a share', () => {
  it('names a chosen thing that is gone, a past date, a closed case and an unknown recipient', async () => {
    const h = await sharingHarness();
    const request = await noteShare(h);
    expect(await refusal(h, 'sharePreview', { ...request, selection: { items: [{ type: 'note', noteId: 'gone' }] } })).toMatchObject({
      code: 'selection-unavailable',
    });
    expect(await refusal(h, 'shareCreate', { ...request, expiry: { kind: 'date', date: '2026-03-14' } })).toEqual({
      code: 'expiry-in-past',
      detail: '2026-03-14',
    });
    expect(await refusal(h, 'shareCreate', { ...request, recipientId: 'nobody' })).toMatchObject({ code: 'recipient-not-found' });
    const fixture = JSON.parse(readFileSync('tests/fixtures/records/municipal-case.json', 'utf8'));
    const [theCase] = await h.vault.records.write([
      { op: 'put', profileId: h.profileId, kind: 'municipal-case', data: { ...fixture, record: { ...fixture.record, status: 'closed' } } },
    ]);
    expect(await refusal(h, 'shareCreate', { ...request, expiry: { kind: 'until-case', caseId: theCase!.id } })).toMatchObject({ code: 'case-already-closed' });
    expect(await refusal(h, 'shareCreate', { ...request, expiry: { kind: 'until-case', caseId: 'nocase' } })).toMatchObject({ code: 'selection-unavailable' });
    expect(await h.call('grantsList', { profileId: h.profileId })).toEqual([]);
  });
});

describe('sending a share', () => {
  it('to an endpoint that answers with an error, is too large for it, does not answer, or does not exist', async () => {
    const h = await sharingHarness();
    answers.set('/busy', { status: 503, body: '{}' });
    answers.set('/small', { status: 413, body: '{}' });
    for (const [endpoint, expected] of [
      [`${base}/busy`, { code: 'delivery-failed', detail: 'HTTP 503' }],
      [`${base}/small`, { code: 'share-too-large', detail: 'HTTP 413' }],
      [`${closed}/bundles`, { code: 'recipient-unreachable' }],
    ] as const) {
      const created = await h.call('shareCreate', await noteShare(h, { bundleEndpoint: endpoint }));
      expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'endpoint' })).toMatchObject(expected);
      // On record as an attempt that failed; the grant itself stays active.
      const grant = (await h.call('grantsList', { profileId: h.profileId })).find((g) => g.id === created.grantId)!;
      expect(grant.status).toBe('active');
      expect(grant.deliveries).toEqual([expect.objectContaining({ channel: 'endpoint', ok: false })]);
    }
    const none = await h.call('shareCreate', await noteShare(h));
    expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: none.grantId, channel: 'endpoint' })).toMatchObject({
      code: 'no-bundle-endpoint',
    });
    expect((await h.call('grantsList', { profileId: h.profileId })).find((g) => g.id === none.grantId)!.deliveries).toEqual([]);
  });

  it('of a grant that is unknown, revoked, or whose bundle is gone', async () => {
    const h = await sharingHarness();
    expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: 'nogrant', channel: 'download' })).toMatchObject({ code: 'grant-not-found' });
    expect(await refusal(h, 'grantRevoke', { profileId: h.profileId, grantId: 'nogrant' })).toMatchObject({ code: 'grant-not-found' });
    const created = await h.call('shareCreate', await noteShare(h, { bundleEndpoint: `${base}/bundles` }));
    expect(await refusal(h, 'shareRead', { transferId: 'nosuchtransfer', index: 0 })).toMatchObject({ code: 'bundle-gone' });
    h.clock.now += 31 * 60_000; // the bundle is kept in memory for half an hour
    expect(await refusal(h, 'shareRead', { transferId: created.transferId, index: 0 })).toMatchObject({ code: 'bundle-gone' });
    expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'endpoint' })).toMatchObject({ code: 'bundle-gone' });
    await h.call('grantRevoke', { profileId: h.profileId, grantId: created.grantId });
    expect(await refusal(h, 'grantRevoke', { profileId: h.profileId, grantId: created.grantId })).toEqual({ code: 'grant-not-active', detail: 'revoked' });
    expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'download' })).toEqual({
      code: 'grant-not-active',
      detail: 'revoked',
    });
  });
});

describe('sending a share to the municipality\u2019s inbox', () => {
  /** A case from the recipient server's "municipality", a share of it to that municipality, and one to someone else. */
  async function caseShares(h: SharingHarness) {
    const fixture = JSON.parse(readFileSync('tests/fixtures/records/municipal-case.json', 'utf8'));
    const signature = JSON.parse(readFileSync('tests/fixtures/records/municipal-signature.json', 'utf8'));
    await h.vault.records.write([
      { op: 'put', profileId: h.profileId, kind: 'municipal-signature', id: fixture.provenance.signatureId, data: { ...signature, origin: base } },
    ]);
    const [theCase] = await h.vault.records.write([
      { op: 'put', profileId: h.profileId, kind: 'municipal-case', data: { ...fixture, provenance: { ...fixture.provenance, origin: base } } },
    ]);
    await h.call('writeRecords', {
      ops: [{ op: 'put', profileId: h.profileId, kind: 'bank-transaction', data: bankRow('2026-02-03', -60_000, 'groceries', 'REMA 1000', 1) }],
    });
    publish({ version: 1, name: 'Vesterå Kommune', ageRecipient: generateIdentity().recipient });
    const municipality = await h.call('recipientFetchWellKnown', { profileId: h.profileId, domain: base });
    const other = await h.call('recipientAdd', { profileId: h.profileId, source: 'paste', text: generateIdentity().recipient, name: 'Advokat Jensen' });
    const request = (recipientId: string) => ({
      profileId: h.profileId,
      recipientId,
      purpose: 'Kontoudtog til sagen',
      selection: {
        items: [
          { type: 'case', caseId: theCase!.id, parts: [] },
          { type: 'transactions', from: '2026-01-01', to: '2026-03-14', categories: [], fields: ['date', 'amount', 'text'] },
        ],
      },
      expiry: { kind: 'date', date: '2026-06-30' },
    });
    return { theCase: theCase!, toMunicipality: request(municipality.id), toOther: request(other.id) };
  }

  it('is offered and accepted only for the municipality itself, with a case from it', async () => {
    const sent: { caseVaultId: string }[] = [];
    const h = await sharingHarness({ municipalInbox: async (args) => (sent.push(args), { receipt: { id: 'kvit-1' } }) });
    const { theCase, toMunicipality, toOther } = await caseShares(h);
    expect((await h.call('sharePreview', toOther)).channels.municipalInbox).toBe(false);
    const lawyer = await h.call('shareCreate', toOther);
    expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: lawyer.grantId, channel: 'municipal-inbox' })).toMatchObject({
      code: 'inbox-unavailable',
    });
    expect(sent).toEqual([]);

    expect((await h.call('sharePreview', toMunicipality)).channels.municipalInbox).toBe(true);
    const created = await h.call('shareCreate', toMunicipality);
    expect(await h.call('shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'municipal-inbox' })).toMatchObject({
      channel: 'municipal-inbox',
      ok: true,
      detail: 'kvit-1',
    });
    expect(sent.map((s) => s.caseVaultId)).toEqual([theCase.id]);

    const noInbox = await sharingHarness();
    const shares = await caseShares(noInbox);
    expect((await noInbox.call('sharePreview', shares.toMunicipality)).channels.municipalInbox).toBe(false);
    const made = await noInbox.call('shareCreate', shares.toMunicipality);
    expect(await refusal(noInbox, 'shareDeliver', { profileId: noInbox.profileId, grantId: made.grantId, channel: 'municipal-inbox' })).toMatchObject({
      code: 'inbox-unavailable',
    });
  });

  it('turns the connector\u2019s failures into sharing\u2019s codes and keeps each as not delivered', async () => {
    const failure = { next: null as AppError | null };
    const inbox: SharingServiceDeps['municipalInbox'] = async () => {
      throw failure.next!;
    };
    const h = await sharingHarness({ municipalInbox: inbox });
    const { toMunicipality } = await caseShares(h);
    const created = await h.call('shareCreate', toMunicipality);
    const cases: [AppError, { code: ErrorCode; detail?: string }][] = [
      [new MunicipalError('municipality-unreachable', 'network error'), { code: 'inbox-unreachable' }],
      [new VaultError('bad-request', 'inbox: HTTP 413 payload-too-large', { cause: problem(413, 'payload-too-large') }), { code: 'share-too-large' }],
      [new VaultError('bad-request', 'inbox: HTTP 404 not-found', { cause: problem(404, 'not-found') }), { code: 'inbox-refused', detail: 'HTTP 404' }],
      [
        new MunicipalError('municipality-bad-response', 'inbox: HTTP 429 inbox-full', { status: 429, cause: problem(429, 'inbox-full') }),
        { code: 'inbox-full', detail: 'HTTP 429' },
      ],
      [new MunicipalError('municipality-error', 'HTTP 507', { status: 507 }), { code: 'inbox-full', detail: 'HTTP 507' }],
      [new MunicipalError('municipality-error', 'HTTP 503', { status: 503 }), { code: 'inbox-refused', detail: 'HTTP 503' }],
      [new MunicipalError('municipality-bad-response', 'not an inbox receipt'), { code: 'inbox-refused' }],
      [new MunicipalError('signature-invalid', 'receipt: bad-signature'), { code: 'inbox-receipt-invalid' }],
      [new MunicipalError('sign-in-required', 'no tokens'), { code: 'sign-in-required' }],
    ];
    for (const [thrown, expected] of cases) {
      failure.next = thrown;
      expect(await refusal(h, 'shareDeliver', { profileId: h.profileId, grantId: created.grantId, channel: 'municipal-inbox' }), thrown.message).toMatchObject(
        expected,
      );
    }
    const [grant] = await h.call('grantsList', { profileId: h.profileId });
    expect(grant!.status).toBe('active');
    expect(grant!.deliveries).toHaveLength(cases.length);
    expect(grant!.deliveries.every((d) => d.channel === 'municipal-inbox' && !d.ok)).toBe(true);
    expect(grant!.deliveries.map((d) => d.detail.split(' ')[0])).toEqual(cases.map(([, e]) => e.code));
  });
});

describe('the messages of sharing\u2019s codes', () => {
  const SHARING_CODES = Object.keys(ERROR_MESSAGE_KEYS).filter((code) => ERROR_MESSAGE_KEYS[code as ErrorCode].startsWith('sharing.')) as ErrorCode[];

  it('exist for every code the service throws, in both languages, distinct from the generic one', () => {
    const dir = 'src/background/sharing';
    const source = readdirSync(dir)
      .map((file) => readFileSync(`${dir}/${file}`, 'utf8'))
      .join('\n');
    const thrown = new Set([...source.matchAll(/new (?:Vault|Sharing)Error\(\s*'([a-z-]+)'/g)].map((m) => m[1]!));
    thrown.delete('bad-request'); // only for misuse by a page (a guard), never a citizen's situation
    for (const code of thrown) expect(Object.keys(ERROR_MESSAGE_KEYS), code).toContain(code);
    for (const language of ['da', 'en'] as const) {
      const generic = translate(language, 'error.bad-request');
      for (const code of SHARING_CODES) {
        const message = translate(language, ERROR_MESSAGE_KEYS[code], { status: 503 });
        expect(message, `${language} ${code}`).not.toBe(generic);
        expect(message.length, `${language} ${code}`).toBeGreaterThan(40);
      }
    }
    expect(SHARING_CODES.length).toBeGreaterThanOrEqual(20);
  });

  it('show the HTTP status, never the rest of the developer detail', () => {
    setLanguage('en');
    expect(errorMessage(new SharingError('delivery-failed', 'HTTP 503'))).toContain('error 503');
    expect(errorMessage(new SharingError('inbox-unreachable', 'network error at 10.0.0.1'))).not.toContain('10.0.0.1');
    expect(errorMessage(new SharingError('inbox-unreachable'))).toMatch(/did not answer.*Nothing was delivered/);
    setLanguage('da');
    expect(errorMessage(new SharingError('delivery-failed', 'HTTP 502'))).toContain('fejl 502');
    expect(errorMessage(new SharingError('share-too-large', 'HTTP 413'))).toMatch(/for stor/);
    expect(errorMessage(new SharingError('inbox-unreachable'))).toMatch(/Kommunens indbakke svarede ikke/);
  });
});
