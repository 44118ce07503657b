import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isAllowedRedirectUri } from '../../src/municipality-server/oauth/redirect-uri';
import { authorizeQuery, bearer, exchange, makeApp, REDIRECT, signIn, VERIFIER } from './municipality-test-helpers';

const redeem = (app: ReturnType<typeof makeApp>['app'], code: string, extra: Record<string, string> = {}) =>
  exchange(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...extra });

describe('OAuth 2 authorization code with PKCE', () => {
  it('happy path: sign in as Thomas, exchange the code, read /me, refresh', async () => {
    const { app } = makeApp({ testMode: false });
    const page = await app.request(`/oauth/authorize?${authorizeQuery()}`);
    const html = await page.text();
    expect(html).toContain('ikke MitID');
    expect(html).toContain('Thomas Nørgaard Jensen');
    const code = await signIn(app, 'thomas');
    const res = await redeem(app, code);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const tokens = (await res.json()) as { access_token: string; refresh_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    const me = (await (await app.request('/citizen/v1/me', { headers: bearer(tokens.access_token) })).json()) as {
      citizen: { id: string };
      session: { actor: { relation: string } };
    };
    expect(me.citizen.id).toBe('thomas');
    expect(me.session.actor.relation).toBe('self');
    const refreshed = await exchange(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
  });

  it('returns the state and the code to the redirect URI', async () => {
    const { app } = makeApp();
    const form = authorizeQuery();
    form.set('login', 'thomas');
    const res = await app.request('/oauth/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const location = new URL(res.headers.get('Location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong code_verifier', async () => {
    const { app } = makeApp();
    const code = await signIn(app, 'thomas');
    const res = await redeem(app, code, { code_verifier: `${VERIFIER}x` });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses a reused code and revokes the tokens the first use produced', async () => {
    const { app } = makeApp();
    const code = await signIn(app, 'thomas');
    const first = (await (await redeem(app, code)).json()) as { access_token: string; refresh_token: string };
    expect((await app.request('/citizen/v1/me', { headers: bearer(first.access_token) })).status).toBe(200);
    expect((await redeem(app, code)).status).toBe(400);
    expect((await app.request('/citizen/v1/me', { headers: bearer(first.access_token) })).status).toBe(401);
    expect((await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(400);
  });

  it('refuses a bad redirect_uri: shows an error page, never redirects there', async () => {
    const { app } = makeApp();
    for (const uri of ['https://evil.example/cb', 'https://abc.chromiumapp.org.evil.example/', 'javascript:alert(1)']) {
      const res = await app.request(`/oauth/authorize?${authorizeQuery({ redirect_uri: uri })}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('Location')).toBeNull();
    }
    // A code issued for one redirect URI cannot be redeemed with another.
    const code = await signIn(app, 'thomas');
    const res = await redeem(app, code, { redirect_uri: 'http://127.0.0.1:5555/cb' });
    expect(res.status).toBe(400);
  });

  it('refuses plain PKCE and a missing challenge by redirecting with an error', async () => {
    const { app } = makeApp();
    for (const overrides of [{ code_challenge_method: 'plain' }, { code_challenge: '' }] as Record<string, string>[]) {
      const res = await app.request(`/oauth/authorize?${authorizeQuery(overrides)}`);
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('Location')!);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('st-123');
    }
  });

  it('rotates refresh tokens and treats reuse of an old one as theft', async () => {
    const { app } = makeApp();
    const first = (await (await redeem(app, await signIn(app, 'thomas'))).json()) as { refresh_token: string };
    const second = (await (await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).json()) as {
      access_token: string;
      refresh_token: string;
    };
    expect((await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(400);
    expect((await app.request('/citizen/v1/me', { headers: bearer(second.access_token) })).status).toBe(401);
    expect((await exchange(app, { grant_type: 'refresh_token', refresh_token: second.refresh_token })).status).toBe(400);
  });

  it('expires access tokens by the clock', async () => {
    let now = Date.parse('2026-03-10T09:00:00Z');
    const { app } = makeApp({ now: () => now, accessTokenTtlSeconds: 60 });
    const tokens = (await (await redeem(app, await signIn(app, 'thomas'))).json()) as { access_token: string };
    expect((await app.request('/citizen/v1/me', { headers: bearer(tokens.access_token) })).status).toBe(200);
    now += 61_000;
    const res = await app.request('/citizen/v1/me', { headers: bearer(tokens.access_token) });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('invalid_token');
  });

  it('lets a parent sign in for a child in custody', async () => {
    const { app } = makeApp();
    const tokens = (await (await redeem(app, await signIn(app, 'mette>lea'))).json()) as { access_token: string };
    const me = (await (await app.request('/citizen/v1/me', { headers: bearer(tokens.access_token) })).json()) as {
      citizen: { id: string };
      session: { actor: { id: string; relation: string } };
    };
    expect(me.citizen.id).toBe('lea');
    expect(me.session.actor).toMatchObject({ id: 'mette', relation: 'custody' });
    // A small child cannot be chosen to sign in as themselves.
    const form = authorizeQuery();
    form.set('login', 'lea');
    const res = await app.request('/oauth/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(400);
  });
});

describe('redirect URIs and origins', () => {
  it.each([
    ['https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', true],
    ['https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/cb?x=1', true],
    ['https://0f1e2d3c4b5a69788796a5b4c3d2e1f001234567.extensions.allizom.org/', true],
    ['http://127.0.0.1:8123/callback', true],
    ['http://localhost:3000/cb', true],
    ['http://[::1]:3000/cb', true],
    ['https://abcdefghijklmnopabcdefghijklmnoz.chromiumapp.org/', false],
    ['https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org:444/', false],
    ['https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/#frag', false],
    ['http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', false],
    ['https://user@abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', false],
    ['http://192.168.1.10/cb', false],
    ['https://example.com/cb', false],
    ['not a url', false],
  ])('%s → %s', (uri, allowed) => {
    expect(isAllowedRedirectUri(uri)).toBe(allowed);
  });

  it('allows CORS only for extension origins', async () => {
    expect(isAllowedOrigin('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(true);
    expect(isAllowedOrigin('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBe(true);
    expect(isAllowedOrigin('https://evil.example')).toBe(false);
    const { app } = makeApp();
    const ok = await app.request('/.well-known/jwks.json', { headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const no = await app.request('/.well-known/jwks.json', { headers: { Origin: 'https://evil.example' } });
    expect(no.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
