/** Shared helpers for the reference municipality's tests: an in-process app with a pinned anchor day. */
import { createMunicipalityApp } from '../../src/municipality-server/app';
import { KleCatalog } from '../../src/municipality-server/data/kle';
import { s256 } from '../../src/municipality-server/oauth/tokens';
import type { MunicipalityOptions } from '../../src/municipality-server/state';
import { CHROME_EXTENSION_ID, chromeRedirectUri } from '../../src/municipal/api/extension-identity';

export const TODAY = '2026-03-10';
export const KLE = KleCatalog.load();
/** The redirect URI of the project's Chrome build, which the server registers by default. */
export const REDIRECT = chromeRedirectUri(CHROME_EXTENSION_ID);
export const CLIENT = 'handlerum-extension';

export function makeApp(options: MunicipalityOptions = {}) {
  return createMunicipalityApp({ today: TODAY, testMode: true, kle: KLE, ...options });
}
export type TestApp = ReturnType<typeof makeApp>['app'];

export async function tokenFor(app: TestApp, citizenId: string, actorId?: string, powerOfAttorneyId?: string): Promise<{ access: string; refresh: string }> {
  const res = await app.request('/__test/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ citizenId, ...(actorId ? { actorId } : {}), ...(powerOfAttorneyId ? { powerOfAttorneyId } : {}) }),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
  syncToken: string;
  signature: string;
}

export async function getPage(app: TestApp, token: string, resource: string, cursor?: string, limit?: number): Promise<Page> {
  const q = new URLSearchParams();
  if (cursor) q.set('cursor', cursor);
  if (limit) q.set('limit', String(limit));
  const res = await app.request(`/citizen/v1/${resource}?${q}`, { headers: bearer(token) });
  if (res.status !== 200) throw new Error(`${resource}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Page;
}

/** Follows nextCursor to the end; returns all items, the pages and the last syncToken. */
export async function syncAll(app: TestApp, token: string, resource: string, options: { cursor?: string; limit?: number } = {}) {
  const pages: Page[] = [];
  let cursor = options.cursor;
  for (;;) {
    const page = await getPage(app, token, resource, cursor, options.limit);
    pages.push(page);
    if (page.nextCursor === null) return { items: pages.flatMap((p) => p.items), pages, syncToken: page.syncToken };
    cursor = page.nextCursor;
  }
}

export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-extra-entropy';

export function authorizeQuery(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    code_challenge: s256(VERIFIER),
    code_challenge_method: 'S256',
    state: 'st-123',
    ...overrides,
  });
}

/** Signs in through the form as `login` ("thomas", "mette>lea", …) and returns the code. */
export async function signIn(app: TestApp, login: string, overrides: Record<string, string> = {}): Promise<string> {
  const form = authorizeQuery(overrides);
  form.set('login', login);
  const res = await app.request('/oauth/authorize', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (res.status !== 302) throw new Error(`authorize: ${res.status}`);
  const location = new URL(res.headers.get('Location')!);
  return location.searchParams.get('code')!;
}

export async function exchange(app: TestApp, fields: Record<string, string>): Promise<Response> {
  return app.request('/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT, ...fields }).toString(),
  });
}
