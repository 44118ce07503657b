/**
 * The contract: the OpenAPI document is valid OpenAPI 3.1, the committed openapi.json is the
 * generated one, and every response the reference server gives — for every operation and every
 * documented status — validates against the document (JSON Schema 2020-12 via ajv).
 */
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRevocation } from '../../src/bundle/index';
import { ed25519Jwk } from '../../src/bundle/keys';
import { buildOpenApiDocument, RESOURCES } from '../../src/municipal/api';
import { OPENAPI_PATH } from '../../src/municipality-server/paths';
import { authorizeQuery, bearer, exchange, makeApp, signIn, tokenFor, VERIFIER, type TestApp } from './municipality-test-helpers';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
};
const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Doc;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc as object, 'openapi.json');

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const covered = new Set<string>();

/** Sends a request and checks the response against the document's entry for (template, method, status, media type). */
async function checked(app: TestApp, method: string, template: string, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await app.request(path, { ...init, method: method.toUpperCase() });
  const status = String(res.status);
  const op = doc.paths[template]?.[method];
  expect(op, `${method} ${template} is documented`).toBeDefined();
  const documented = op!.responses[status];
  expect(documented, `${method} ${template} ${status} is documented`).toBeDefined();
  covered.add(`${method} ${template} ${status}`);
  if (!documented!.content) return res;
  const mediaType = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
  expect(Object.keys(documented!.content), `${method} ${template} ${status} media type`).toContain(mediaType);
  const clone = res.clone();
  const body = mediaType.endsWith('json') ? await clone.json() : await clone.text();
  const validate = ajv.getSchema(`openapi.json#/${pointer('paths', template, method, 'responses', status, 'content', mediaType, 'schema')}`)!;
  expect(validate, 'schema compiles').toBeDefined();
  const ok = validate(body);
  expect(ok, `${method} ${path} → ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return res;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is exactly what the schemas generate (regenerate with npm run municipality -- --write-openapi)', () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});

describe('every response validates against the document', () => {
  const { app, state } = makeApp({ maxInboxBytes: 1024 });
  let thomas: string;
  let freja: string;
  let leaByMette: string;

  beforeAll(async () => {
    thomas = (await tokenFor(app, 'thomas')).access;
    freja = (await tokenFor(app, 'freja')).access;
    leaByMette = (await tokenFor(app, 'lea', 'mette')).access;
  });

  it('discovery and keys', async () => {
    await checked(app, 'get', '/.well-known/citizen-data-api', '/.well-known/citizen-data-api');
    await checked(app, 'get', '/.well-known/jwks.json', '/.well-known/jwks.json');
    await checked(app, 'get', '/.well-known/handlerum-recipient.json', '/.well-known/handlerum-recipient.json');
  });

  it('revocation notices: accepted, refused, unknown, too large', async () => {
    const secret = new Uint8Array(32).fill(3);
    const bundleId = crypto.randomUUID();
    state.inboxes.rememberBundle('thomas', bundleId, ed25519Jwk(secret).x, 'kvit-1');
    const post = (body: string) => ({ headers: { 'Content-Type': 'application/jose' }, body });
    const notice = (key: Uint8Array, id = bundleId) => createRevocation({ signingSecretKey: key, bundleId: id, revokedAt: new Date('2026-03-01T10:00:00Z') });
    expect((await checked(app, 'post', '/revocations', '/revocations', post(notice(secret)))).status).toBe(200);
    expect((await checked(app, 'post', '/revocations', '/revocations', post(notice(new Uint8Array(32).fill(4))))).status).toBe(400);
    expect((await checked(app, 'post', '/revocations', '/revocations', post(notice(secret, crypto.randomUUID())))).status).toBe(404);
    expect((await checked(app, 'post', '/revocations', '/revocations', post('x'.repeat(20_000)))).status).toBe(413);
  });

  it('sign-in and tokens', async () => {
    await checked(app, 'get', '/oauth/authorize', `/oauth/authorize?${authorizeQuery()}`);
    await checked(app, 'get', '/oauth/authorize', `/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://evil.example/cb' })}`);
    await checked(app, 'get', '/oauth/authorize', `/oauth/authorize?${authorizeQuery({ response_type: 'token' })}`);
    const form = (login: string) => ({
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorizeQuery()), login }).toString(),
    });
    await checked(app, 'post', '/oauth/authorize', '/oauth/authorize', form('thomas'));
    await checked(app, 'post', '/oauth/authorize', '/oauth/authorize', form('nobody'));
    const code = await signIn(app, 'thomas');
    const tokenInit = (fields: Record<string, string>) => ({
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'handlerum-extension', ...fields }).toString(),
    });
    const good = await checked(
      app,
      'post',
      '/oauth/token',
      '/oauth/token',
      tokenInit({
        grant_type: 'authorization_code',
        code,
        redirect_uri: authorizeQuery().get('redirect_uri')!,
        code_verifier: VERIFIER,
      }),
    );
    const { refresh_token } = (await good.json()) as { refresh_token: string };
    await checked(app, 'post', '/oauth/token', '/oauth/token', tokenInit({ grant_type: 'refresh_token', refresh_token }));
    await checked(app, 'post', '/oauth/token', '/oauth/token', tokenInit({ grant_type: 'password' }));
    await checked(app, 'post', '/oauth/token', '/oauth/token', tokenInit({ grant_type: 'password', padding: 'x'.repeat(9000) }));
    await checked(app, 'post', '/oauth/authorize', '/oauth/authorize', { ...form('thomas'), body: `${form('thomas').body}&pad=${'x'.repeat(9000)}` });
    expect((await exchange(app, { grant_type: 'refresh_token', refresh_token })).status).toBe(400);
  });

  it('me, for a citizen, a young citizen and a parent acting for a child', async () => {
    for (const token of [thomas, freja, leaByMette]) {
      await checked(app, 'get', '/citizen/v1/me', '/citizen/v1/me', { headers: bearer(token) });
    }
    await checked(app, 'get', '/citizen/v1/me', '/citizen/v1/me', { headers: bearer('nope') });
  });

  it('every resource, page by page, for every kind of viewer', async () => {
    for (const token of [thomas, freja, leaByMette]) {
      for (const resource of RESOURCES) {
        const template = `/citizen/v1/${resource}`;
        let cursor: string | null = '';
        let etag: string | null = null;
        while (cursor !== null) {
          const res = await checked(app, 'get', template, `${template}?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { headers: bearer(token) });
          etag = res.headers.get('ETag');
          cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
        }
        expect(etag).toBeTruthy();
      }
    }
  });

  it('sync errors: 304, 400, 401, 410, 500', async () => {
    for (const resource of RESOURCES) {
      const template = `/citizen/v1/${resource}`;
      const first = await checked(app, 'get', template, `${template}?limit=1000`, { headers: bearer(thomas) });
      const etag = first.headers.get('ETag')!;
      const { syncToken } = (await first.json()) as { syncToken: string };
      await checked(app, 'get', template, `${template}?limit=1000`, { headers: { ...bearer(thomas), 'If-None-Match': etag } });
      await checked(app, 'get', template, `${template}?limit=0`, { headers: bearer(thomas) });
      await checked(app, 'get', template, template, { headers: bearer('expired') });
      state.faults.arm({ kind: 'server-error', path: template, skip: 0, times: 1, delayMs: 0 });
      await checked(app, 'get', template, template, { headers: bearer(thomas) });
      state.epoch = `${state.epoch}x`; // as after a restart or reset
      await checked(app, 'get', template, `${template}?cursor=${syncToken}`, { headers: bearer(thomas) });
    }
    for (const template of ['/citizen/v1/me', '/citizen/v1/inbox', '/citizen/v1/documents/{documentId}/content', '/citizen/v1/cases/{caseId}/inbox']) {
      const path = template.replace('{documentId}', 'x').replace('{caseId}', 'x');
      state.faults.arm({ kind: 'server-error', path, skip: 0, times: 2, delayMs: 0 });
      await checked(app, 'get', template, path, { headers: bearer(thomas) });
      if (template.endsWith('/inbox') && template.includes('{caseId}')) {
        await checked(app, 'post', template, path, { method: 'POST', headers: bearer(thomas), body: 'x' });
      }
      await checked(app, 'get', template, path, { headers: bearer('expired') });
      if (template.includes('{caseId}')) await checked(app, 'post', template, path, { headers: bearer('expired'), body: 'x' });
    }
    state.faults.clear();
  });

  it('document PDFs', async () => {
    const docs = (await (await app.request('/citizen/v1/documents?limit=1000', { headers: bearer(thomas) })).json()) as {
      items: { id: string; content: { format: string; href?: string } }[];
    };
    const pdf = docs.items.find((d) => d.content.format === 'pdf')!;
    const res = await checked(app, 'get', '/citizen/v1/documents/{documentId}/content', pdf.content.href!, { headers: bearer(thomas) });
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    await checked(app, 'get', '/citizen/v1/documents/{documentId}/content', '/citizen/v1/documents/nope/content', { headers: bearer(thomas) });
  });

  it('the inbox: bundles, correction requests and their errors', async () => {
    const template = '/citizen/v1/cases/{caseId}/inbox';
    const path = '/citizen/v1/cases/thomas-sag-0002/inbox';
    const bundle = { headers: { ...bearer(thomas), 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) };
    await checked(app, 'post', template, path, bundle);
    const correction = {
      kind: 'correction',
      target: { resource: 'documents', id: 'thomas-dok-0001', field: 'text' },
      message: 'Jeg har ikke en bil mere – den blev solgt i januar.',
    };
    const json = (body: unknown) => ({ headers: { ...bearer(thomas), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await checked(app, 'post', template, path, json(correction));
    await checked(app, 'post', template, path, json({ kind: 'correction' }));
    await checked(app, 'post', template, '/citizen/v1/cases/nope/inbox', bundle);
    await checked(app, 'post', template, path, { ...bundle, body: new Uint8Array(2048) });
    await checked(app, 'post', template, path, { headers: { ...bearer(thomas), 'Content-Type': 'text/plain' }, body: 'hej' });
    await checked(app, 'get', template, path, { headers: bearer(thomas) });
    await checked(app, 'get', template, '/citizen/v1/cases/nope/inbox', { headers: bearer(thomas) });
    await checked(app, 'get', '/citizen/v1/inbox', '/citizen/v1/inbox', { headers: bearer(thomas) });
  });

  it('the inbox quota: too many items, too many bytes', async () => {
    const small = makeApp({ inboxQuota: { items: 2, bytes: 100 } }).app;
    const token = (await tokenFor(small, 'thomas')).access;
    const path = '/citizen/v1/cases/thomas-sag-0002/inbox';
    const bundle = (bytes: number) => ({ headers: { ...bearer(token), 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    await checked(small, 'post', '/citizen/v1/cases/{caseId}/inbox', path, bundle(60));
    await checked(small, 'post', '/citizen/v1/cases/{caseId}/inbox', path, bundle(60));
    await checked(small, 'post', '/citizen/v1/cases/{caseId}/inbox', path, bundle(40));
    await checked(small, 'post', '/citizen/v1/cases/{caseId}/inbox', path, bundle(1));
  });

  it('powers of attorney: the lists, a withdrawal, a representative\u2019s session and log', async () => {
    const { app: poa, state: poaState } = makeApp();
    const own = (await tokenFor(poa, 'thomas')).access;
    const signe = (await tokenFor(poa, 'thomas', 'signe', 'fm-thomas-signe')).access;
    const signeSelf = (await tokenFor(poa, 'signe')).access;
    await checked(poa, 'get', '/citizen/v1/me', '/citizen/v1/me', { headers: bearer(signe) });
    await checked(poa, 'get', '/citizen/v1/payments', '/citizen/v1/payments', { headers: bearer(signe) });
    await checked(poa, 'get', '/citizen/v1/access-log', '/citizen/v1/access-log', { headers: bearer(own) });
    await checked(poa, 'get', '/citizen/v1/powers-of-attorney/given', '/citizen/v1/powers-of-attorney/given', { headers: bearer(own) });
    await checked(poa, 'get', '/citizen/v1/powers-of-attorney/received', '/citizen/v1/powers-of-attorney/received', { headers: bearer(signeSelf) });
    const withdraw = '/citizen/v1/powers-of-attorney/{powerOfAttorneyId}/withdraw';
    await checked(poa, 'post', withdraw, '/citizen/v1/powers-of-attorney/fm-inger-lone/withdraw', { headers: bearer(own) });
    await checked(poa, 'post', withdraw, '/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw', { headers: bearer(own) });
    for (const [method, template] of [
      ['get', '/citizen/v1/powers-of-attorney/given'],
      ['get', '/citizen/v1/powers-of-attorney/received'],
      ['post', withdraw],
    ] as const) {
      const path = template.replace('{powerOfAttorneyId}', 'fm-thomas-signe');
      await checked(poa, method, template, path, { headers: bearer('nope') });
      poaState.faults.arm({ kind: 'server-error', path, skip: 0, times: 1, delayMs: 0 });
      await checked(poa, method, template, path, { headers: bearer(own) });
    }
  });

  it('a representative is refused on every secured operation: 403 once the power ended, 409 on a conflict', async () => {
    const { app: poa } = makeApp();
    const signe = (await tokenFor(poa, 'thomas', 'signe', 'fm-thomas-signe')).access;
    const lone = (await tokenFor(poa, 'inger', 'lone', 'fm-inger-lone')).access;
    const post = (path: string, body?: unknown) =>
      poa.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await post('/__test/powers-of-attorney/fm-thomas-signe/withdraw')).status).toBe(200);
    const rival = { id: 'fm-inger-lone-2', grantor: 'inger', representative: 'lone', categories: ['payments'], validFrom: '2026-03-01' };
    expect((await post('/__test/powers-of-attorney', rival)).status).toBe(201);
    const secured = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => (op as { security?: unknown[] }).security?.length)
        .map(([method]) => [template, method] as const),
    );
    expect(secured.length).toBeGreaterThan(10);
    for (const [template, method] of secured) {
      const path = template.replace(/\{[^}]+\}/g, 'x');
      for (const [token, status] of [
        [signe, 403],
        [lone, 409],
      ] as const) {
        const init = {
          headers: { ...bearer(token), 'Content-Type': 'application/json' },
          ...(template.endsWith('/inbox') && method === 'post' ? { body: '{}' } : {}),
        };
        const res = await checked(poa, method, template, path, init);
        expect(res.status, `${method} ${template}`).toBe(status);
      }
    }
  });

  afterAll(() => {
    // Every documented (operation, status) pair was produced by the server at least once.
    const documented = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method} ${template} ${status}`)),
    );
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
  });
});
