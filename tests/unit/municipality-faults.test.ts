import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureError, verifyPage } from '../../src/municipal/api';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { bearer, CLIENT, exchange, getPage, KLE, makeApp, REDIRECT, TODAY, tokenFor } from './municipality-test-helpers';

async function arm(app: ReturnType<typeof makeApp>['app'], spec: Record<string, unknown>) {
  const res = await app.request('/__test/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(res.status).toBe(201);
}

describe('fault switches (test mode)', () => {
  it('bad-signature: the page JWS no longer verifies', async () => {
    const { app, state } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    await arm(app, { kind: 'bad-signature', path: '/citizen/v1/cases' });
    const broken = await getPage(app, access, 'cases');
    expect(() => verifyPage(broken, state.keys.jwks())).toThrow(SignatureError);
    expect(() => verifyPage(broken, state.keys.jwks())).toThrow(/does not verify/);
    verifyPage(await getPage(app, access, 'cases'), state.keys.jwks()); // one time only
  });

  it('tampered-record: a record differs from what was signed', async () => {
    const { app, state } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    await arm(app, { kind: 'tampered-record', path: '/citizen/v1/decisions' });
    const page = await getPage(app, access, 'decisions');
    try {
      verifyPage(page, state.keys.jwks());
      throw new Error('should not verify');
    } catch (error) {
      expect((error as SignatureError).code).toBe('manifest-mismatch');
    }
  });

  it('server-error and malformed-json', async () => {
    const { app } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    await arm(app, { kind: 'server-error' });
    const res = await app.request('/citizen/v1/payments', { headers: bearer(access) });
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    await arm(app, { kind: 'malformed-json' });
    const bad = await app.request('/citizen/v1/payments', { headers: bearer(access) });
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow(SyntaxError);
  });

  it('unauthorized in the middle of a sync: the token expires, a refresh resumes the sync', async () => {
    const { app } = makeApp();
    const { access, refresh } = await tokenFor(app, 'thomas');
    await arm(app, { kind: 'unauthorized', path: '/citizen/v1/documents', skip: 2 });
    const p1 = await getPage(app, access, 'documents', undefined, 5);
    const p2 = await getPage(app, access, 'documents', p1.nextCursor!, 5);
    const third = await app.request(`/citizen/v1/documents?limit=5&cursor=${p2.nextCursor}`, { headers: bearer(access) });
    expect(third.status).toBe(401);
    expect(third.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await app.request('/citizen/v1/me', { headers: bearer(access) })).status).toBe(401);
    const renewed = (await (await exchange(app, { grant_type: 'refresh_token', refresh_token: refresh, client_id: 'test-client' })).json()) as {
      access_token: string;
    };
    const p3 = await getPage(app, renewed.access_token, 'documents', p2.nextCursor!, 5);
    expect(p3.items[0]!.id).toBe('thomas-dok-0011');
  });

  it('faults can be listed and cleared, and count skip and times', async () => {
    const { app } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    await arm(app, { kind: 'server-error', path: '/citizen/v1/cases', skip: 1, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/citizen/v1/cases', { headers: bearer(access) })).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
    await arm(app, { kind: 'server-error' });
    expect(((await (await app.request('/__test/faults')).json()) as { faults: unknown[] }).faults).toHaveLength(1);
    await app.request('/__test/faults', { method: 'DELETE' });
    expect((await app.request('/citizen/v1/cases', { headers: bearer(access) })).status).toBe(200);
  });

  it('does not exist outside test mode', async () => {
    const { app } = makeApp({ testMode: false });
    expect((await app.request('/__test/faults', { method: 'POST', body: '{"kind":"server-error"}' })).status).toBe(404);
    expect((await app.request('/__test/tokens', { method: 'POST', body: '{"citizenId":"thomas"}' })).status).toBe(404);
  });
});

describe('over a real socket', () => {
  let server: RunningMunicipality;
  beforeAll(async () => {
    server = await startMunicipalityServer({ port: 0, today: TODAY, testMode: true, kle: KLE });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and serves the sign-in page and the JWKS', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain('vestera-demo-2026');
    const login = await fetch(
      `${server.url}/oauth/authorize?response_type=code&client_id=${CLIENT}&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`,
    );
    expect(await login.text()).toContain('Demo – ikke MitID');
  });

  it('drop-connection: the client sees a network error, and the next request works', async () => {
    const token = (await (
      await fetch(`${server.url}/__test/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ citizenId: 'thomas' }),
      })
    ).json()) as { access_token: string };
    await fetch(`${server.url}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'drop-connection', path: '/citizen/v1/activities' }),
    });
    await expect(fetch(`${server.url}/citizen/v1/activities`, { headers: bearer(token.access_token) })).rejects.toThrow(TypeError);
    expect((await fetch(`${server.url}/citizen/v1/activities`, { headers: bearer(token.access_token) })).status).toBe(200);
  });
});
