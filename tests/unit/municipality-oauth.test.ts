import { describe, expect, it } from 'vitest';
import { ExtensionRegistry } from '../../src/municipality-server/oauth/redirect-uri';
import { CHROME_EXTENSION_ID, CHROME_EXTENSION_KEY, chromeExtensionIdFromKey, firefoxRedirectUri } from '../../src/municipal/api/extension-identity';
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
    for (const uri of ['https://evil.example/cb', 'https://abc.chromiumapp.org.evil.example/', 'javascript:alert(1)', 'http://127.0.0.1:5555/cb']) {
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

  it('ends a refresh token left unused too long, and every sign-in after the session lifetime', async () => {
    let now = Date.parse('2026-03-10T09:00:00Z');
    const day = 24 * 3600;
    const { app } = makeApp({ now: () => now, refreshTokenTtlSeconds: 7 * day, sessionTtlSeconds: 20 * day });
    type Tokens = { access_token: string; refresh_token: string; expires_in: number };
    const refresh = async (token: string) => exchange(app, { grant_type: 'refresh_token', refresh_token: token });

    // Unused for longer than its lifetime: refused.
    const idle = (await (await redeem(app, await signIn(app, 'thomas'))).json()) as Tokens;
    now += 7 * day * 1000 + 1000;
    expect((await refresh(idle.refresh_token)).status).toBe(400);

    // Used every 6 days, each new token lives on, but not past the session's end.
    let tokens = (await (await redeem(app, await signIn(app, 'thomas'))).json()) as Tokens;
    const signedInAt = now;
    while (now + 6 * day * 1000 < signedInAt + 20 * day * 1000) {
      now += 6 * day * 1000;
      const res = await refresh(tokens.refresh_token);
      expect(res.status).toBe(200);
      tokens = (await res.json()) as Tokens;
    }
    // The last access token is cut at the session's end, and says so in expires_in.
    expect(now + tokens.expires_in * 1000).toBeLessThanOrEqual(signedInAt + 20 * day * 1000);
    now = signedInAt + 20 * day * 1000 + 1000;
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
    expect((await app.request('/citizen/v1/me', { headers: bearer(tokens.access_token) })).status).toBe(401);
  });

  it('refuses a refresh token for another client, without spending it', async () => {
    const { app } = makeApp();
    const first = (await (await redeem(app, await signIn(app, 'thomas'))).json()) as { refresh_token: string };
    const other = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'someone-else', grant_type: 'refresh_token', refresh_token: first.refresh_token }).toString(),
    });
    expect(other.status).toBe(400);
    expect((await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(200);
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

describe('redirect URIs and origins: only the registered extensions', () => {
  const CHROME = 'abcdefghijklmnopabcdefghijklmnop';
  const registry = new ExtensionRegistry({ chromeExtensionIds: [CHROME], firefoxAddonIds: ['vault@handlerum.dk'] });
  const firefox = firefoxRedirectUri('vault@handlerum.dk');

  it('derives the redirect URIs each browser gives the project\u2019s builds', () => {
    // Chromium's id for the manifest key, as chrome://extensions shows it for the build.
    expect(CHROME_EXTENSION_ID).toMatch(/^[a-p]{32}$/);
    expect(chromeExtensionIdFromKey(CHROME_EXTENSION_KEY)).toBe(CHROME_EXTENSION_ID);
    // Firefox: the SHA-1 of the add-on id, hex.
    expect(firefox).toBe('https://765423f81c3175aefdbbf90c1c9791bb9ede6c38.extensions.allizom.org/municipality');
  });

  it.each([
    [`https://${CHROME}.chromiumapp.org/municipality`, true],
    [firefox, true],
    // Another extension, another path, another port, a fragment, user info, plain http.
    ['https://bbcdefghijklmnopabcdefghijklmnop.chromiumapp.org/municipality', false],
    [`https://${CHROME}.chromiumapp.org/`, false],
    [`https://${CHROME}.chromiumapp.org/municipality?x=1`, false],
    [`https://${CHROME}.chromiumapp.org:444/municipality`, false],
    [`https://${CHROME}.chromiumapp.org/municipality#frag`, false],
    [`https://user@${CHROME}.chromiumapp.org/municipality`, false],
    [`http://${CHROME}.chromiumapp.org/municipality`, false],
    ['https://0f1e2d3c4b5a69788796a5b4c3d2e1f001234567.extensions.allizom.org/municipality', false],
    // Loopback is off unless a developer turns it on.
    ['http://127.0.0.1:8123/callback', false],
    ['http://localhost:3000/cb', false],
    ['https://example.com/cb', false],
    ['not a url', false],
  ])('%s → %s', (uri, allowed) => {
    expect(registry.isAllowedRedirectUri(uri)).toBe(allowed);
  });

  it('accepts loopback redirects on any port only when turned on', () => {
    const dev = new ExtensionRegistry({ loopbackRedirects: true });
    for (const uri of ['http://127.0.0.1:8123/callback', 'http://localhost:3000/cb', 'http://[::1]:3000/cb']) expect(dev.isAllowedRedirectUri(uri)).toBe(true);
    for (const uri of ['http://192.168.1.10/cb', 'http://127.0.0.1.evil.example/cb', 'https://127.0.0.1:8123/cb', 'http://u@127.0.0.1:1/cb']) {
      expect(dev.isAllowedRedirectUri(uri)).toBe(false);
    }
  });

  it('refuses ids and origins that cannot be one', () => {
    expect(() => new ExtensionRegistry({ chromeExtensionIds: ['*'] })).toThrow(RangeError);
    expect(() => new ExtensionRegistry({ extraOrigins: ['https://evil.example'] })).toThrow(RangeError);
    expect(() => new ExtensionRegistry({ extraOrigins: ['moz-extension://*'] })).toThrow(RangeError);
  });

  it('answers CORS only for the registered origins', async () => {
    const uuid = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const { app } = makeApp({ extensions: { chromeExtensionIds: [CHROME], extraOrigins: [`moz-extension://${uuid}`] } });
    const allowOrigin = async (origin: string) =>
      (await app.request('/.well-known/jwks.json', { headers: { Origin: origin } })).headers.get('Access-Control-Allow-Origin');
    expect(await allowOrigin(`chrome-extension://${CHROME}`)).toBe(`chrome-extension://${CHROME}`);
    expect(await allowOrigin(`moz-extension://${uuid}`)).toBe(`moz-extension://${uuid}`);
    expect(await allowOrigin('chrome-extension://bbcdefghijklmnopabcdefghijklmnop')).toBeNull();
    expect(await allowOrigin('moz-extension://1f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBeNull();
    expect(await allowOrigin('https://evil.example')).toBeNull();
    // The default registers the project's Chrome build, and no Firefox origin (random per installation).
    const defaults = makeApp().app;
    const origin = `chrome-extension://${CHROME_EXTENSION_ID}`;
    expect((await defaults.request('/.well-known/jwks.json', { headers: { Origin: origin } })).headers.get('Access-Control-Allow-Origin')).toBe(origin);
  });

  it('signs in only through a registered redirect URI, and binds the code to it', async () => {
    const { app } = makeApp({ extensions: { chromeExtensionIds: [CHROME] } });
    const own = `https://${CHROME}.chromiumapp.org/municipality`;
    const other = await app.request(`/oauth/authorize?${authorizeQuery()}`);
    expect(other.status).toBe(400);
    expect(other.headers.get('Location')).toBeNull();
    const code = await signIn(app, 'thomas', { redirect_uri: own });
    expect((await redeem(app, code, { redirect_uri: REDIRECT })).status).toBe(400);
  });
});
