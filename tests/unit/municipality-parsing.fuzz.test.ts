/**
 * Property tests of the reference municipality's request parsing: bodies (sizes, chunking,
 * bytes that are not UTF-8), form encoding, JSON, headers and paths. Whatever arrives, the
 * server answers with a 4xx in its documented shape — never a 500, never a redirect to an
 * unregistered place, never more than an endpoint's limit read. Few runs by default; SLOW=1
 * runs many.
 */
import fc from 'fast-check';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { limitBodies } from '../../src/municipality-server/body-limit';
import { formFields } from '../../src/municipality-server/form';
import { bearer, makeApp, REDIRECT, tokenFor } from './municipality-test-helpers';

const SLOW = process.env.SLOW === '1';
const RUNS = { numRuns: SLOW ? 2000 : 60 };
const TIMEOUT = { timeout: SLOW ? 600_000 : 30_000 };
const OAUTH_ERRORS = ['invalid_request', 'invalid_grant', 'unsupported_grant_type', 'invalid_client', 'invalid_scope', 'unauthorized_client'];

/** Header values a client can actually send (fetch refuses control characters). */
const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 80 }).filter((v) => /^[\x20-\x7e]*$/.test(v) && v.trim() === v);
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  anyText.map((t) => new TextEncoder().encode(t)),
);
/** A percent-encoded-looking text, often broken: `%`, `%Z1`, `%C3` alone, `+`, `&&`, `==`. */
const formish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '%',
        '%Z1',
        '%C3',
        '%C3%A6',
        '%00',
        '+',
        '&',
        '=',
        '&&',
        '==',
        'grant_type',
        'client_id',
        'code',
        'refresh_token',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const contentType = fc.oneof(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'application/x-www-form-urlencoded; charset=latin1',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
    'application/json',
    'text/plain',
    '',
  ),
  headerValue,
);

/** Whether a text is valid UTF-16 (no lone surrogate), i.e. can be encoded at all. */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

const isProblem = (res: Response) => res.headers.get('Content-Type') === 'application/problem+json';

describe('body limits and form encoding, as properties', TIMEOUT, () => {
  it('any body, in any chunks, with or without Content-Length: through whole if within the limit, else 413', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 300 }), fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 8 }), fc.boolean(), async (limit, chunks, declare) => {
        const app = new Hono();
        app.use('*', limitBodies(limit));
        app.post('/citizen/v1/cases/:caseId/inbox', async (c) => c.body(await c.req.arrayBuffer()));
        const total = chunks.reduce((n, c) => n + c.length, 0);
        let i = 0;
        const stream = new ReadableStream<Uint8Array>({ pull: (controller) => (i < chunks.length ? controller.enqueue(chunks[i++]!) : controller.close()) });
        const res = await app.request('/citizen/v1/cases/x/inbox', {
          method: 'POST',
          headers: declare ? { 'Content-Length': String(total) } : {},
          body: stream,
          duplex: 'half',
        } as RequestInit);
        if (total > limit) {
          expect(res.status).toBe(413);
          expect(isProblem(res)).toBe(true);
        } else {
          expect(res.status).toBe(200);
          const echoed = new Uint8Array(await res.arrayBuffer());
          const sent = new Uint8Array(total);
          chunks.reduce((offset, c) => (sent.set(c, offset), offset + c.length), 0);
          expect(echoed).toEqual(sent);
        }
      }),
      RUNS,
    );
  });

  const formApp = new Hono().post('/', async (c) => c.json({ fields: await formFields(c) }));
  const readForm = async (body: BodyInit, type = 'application/x-www-form-urlencoded') =>
    ((await (await formApp.request('/', { method: 'POST', headers: { 'Content-Type': type }, body })).json()) as { fields: Record<string, string> | null })
      .fields;

  it('a form round-trips: what URLSearchParams encodes, the reader gives back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 40 }), { maxKeys: 8 }),
        async (fields) => {
          const wellFormed = Object.entries(fields).filter(([k, v]) => isWellFormed(k) && isWellFormed(v));
          expect(await readForm(new URLSearchParams(wellFormed).toString())).toEqual(Object.fromEntries(wellFormed));
        },
      ),
      RUNS,
    );
  });

  it('a repeated parameter, bytes that are not UTF-8, or another media type: no fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), async (name, a, b) => {
        const twice = new URLSearchParams([
          [name, a],
          [name, b],
        ]).toString();
        expect(await readForm(twice)).toBeNull();
      }),
      RUNS,
    );
    expect(await readForm(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]))).toBeNull();
    expect(await readForm('a=b', 'multipart/form-data; boundary=x')).toBeNull();
    expect(await readForm('a=b', 'application/x-www-form-urlencoded; charset=latin1')).toBeNull();
  });
});

describe('the server, given anything', TIMEOUT, () => {
  const { app } = makeApp({ inboxQuota: { items: 1_000_000, bytes: 1024 * 1024 * 1024 } });
  let thomas: string;
  beforeAll(async () => {
    thomas = (await tokenFor(app, 'thomas')).access;
  });

  it('/oauth/token: any body and media type gets an OAuth error (or 413), never tokens or a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyBytes,
          formish.map((t) => new TextEncoder().encode(t)),
        ),
        contentType,
        async (body, type) => {
          const res = await app.request('/oauth/token', {
            method: 'POST',
            headers: type ? { 'Content-Type': type } : {},
            body: body as Uint8Array<ArrayBuffer>,
          });
          expect([400, 413]).toContain(res.status);
          if (res.status === 400) expect(OAUTH_ERRORS).toContain(((await res.json()) as { error: string }).error);
          else expect(isProblem(res)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('/oauth/token: any form fields get an OAuth error', async () => {
    const field = fc.constantFrom('grant_type', 'client_id', 'code', 'redirect_uri', 'code_verifier', 'refresh_token', 'scope');
    const value = fc.oneof(fc.constantFrom('authorization_code', 'refresh_token', 'handlerum-extension', REDIRECT, ''), anyText);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, value), async (fields) => {
        const wellFormed = Object.entries(fields).filter(([, v]) => isWellFormed(v));
        const res = await app.request('/oauth/token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(wellFormed).toString(),
        });
        expect(res.status).toBe(400);
        expect(OAUTH_ERRORS).toContain(((await res.json()) as { error: string }).error);
      }),
      RUNS,
    );
  });

  /** The sign-in answers with its page, an error page, or a redirect — only ever to the registered URI. */
  const expectSignInAnswer = (res: Response) => {
    expect([200, 302, 400, 413]).toContain(res.status);
    if (res.status === 302) expect(res.headers.get('Location')!.startsWith(`${REDIRECT}?`)).toBe(true);
  };

  it('/oauth/authorize: any query, and any posted form, never redirects anywhere but the registered URI', async () => {
    const query = fc.oneof(
      formish,
      fc
        .dictionary(
          fc.constantFrom('response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope', 'login'),
          fc.oneof(fc.constantFrom('code', 'S256', 'handlerum-extension', REDIRECT, 'thomas', 'a'.repeat(43), 'citizen-data'), anyText),
        )
        .map((d) => new URLSearchParams(Object.entries(d).filter(([, v]) => isWellFormed(v))).toString()),
    );
    await fc.assert(
      fc.asyncProperty(query, contentType, async (q, type) => {
        expectSignInAnswer(await app.request(`/oauth/authorize?${q.replace(/#/g, '%23')}`));
        expectSignInAnswer(
          await app.request('/oauth/authorize', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: q }),
        );
        expectSignInAnswer(await app.request('/oauth/authorize', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body: q }));
      }),
      RUNS,
    );
  });

  it('the inbox: any JSON, any text, any media type gets a receipt or a problem, never a 500', async () => {
    const json = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          kind: fc.constantFrom('correction', 'x'),
          target: fc.record({ resource: fc.constantFrom('documents', 'cases', 'nope'), id: fc.constantFrom('thomas-dok-0001', 'x') }),
          message: anyText,
        })
        .map((v) => JSON.stringify(v)),
      anyText,
    );
    await fc.assert(
      fc.asyncProperty(
        json,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/octet-stream', 'text/plain'),
        async (body, type) => {
          const res = await app.request('/citizen/v1/cases/thomas-sag-0002/inbox', {
            method: 'POST',
            headers: { ...bearer(thomas), 'Content-Type': type },
            body,
          });
          expect([201, 400, 415]).toContain(res.status);
          if (res.status !== 201) expect(isProblem(res)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('any Authorization, Content-Type or If-None-Match header on the API: a 401 problem unless the token is real', async () => {
    const header = fc.constantFrom('Authorization', 'Content-Type', 'If-None-Match', 'Accept', 'X-Anything');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(header, headerValue), async (headers) => {
        const res = await app.request('/citizen/v1/cases', { headers });
        expect(res.status).toBe(401);
        expect(isProblem(res)).toBe(true);
        const withToken = await app.request('/citizen/v1/cases?limit=1', { headers: { ...headers, ...bearer(thomas) } });
        expect(withToken.status === 200 || withToken.status === 304 || (withToken.status >= 400 && withToken.status < 500 && isProblem(withToken))).toBe(true);
      }),
      RUNS,
    );
  });

  it('any path, signed in or not, any method: a 4xx problem or a real answer, never a 500', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'citizen',
        'v1',
        'cases',
        'documents',
        'content',
        'inbox',
        'oauth',
        'token',
        '__test',
        'revocations',
        '.well-known',
        'thomas-sag-0002',
        '..',
        '.',
        '%00',
        '%',
        '%2F',
        '%ZZ',
        '%C3',
        '',
        '~',
        ';x=1',
      ),
      fc.string({ maxLength: 10 }).map(encodeURIComponent),
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'), fc.boolean(), async (p, method, signedIn) => {
        const init: RequestInit = { method, headers: signedIn ? bearer(thomas) : {} };
        if (method !== 'GET') init.body = '{}';
        // The test-mode routes change data; the rest of the surface is what matters here.
        if (p.startsWith('/__test') && method !== 'GET') return;
        const res = await app.request(p, init);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && !p.startsWith('/oauth')) expect(isProblem(res)).toBe(true);
      }),
      RUNS,
    );
  });

  it('/revocations and the test-mode endpoints: any text or JSON gets a problem, never a 500', async () => {
    const json = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      anyText,
      formish,
    );
    await fc.assert(
      fc.asyncProperty(
        json,
        fc.constantFrom('/revocations', '/__test/faults', '/__test/tokens', '/__test/citizens/thomas/changes', '/__test/citizens/nobody/changes'),
        async (body, path) => {
          const res = await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(isProblem(res)).toBe(true);
          // An armed fault would change later answers; disarm it.
          if (path === '/__test/faults' && res.status === 201) await app.request('/__test/faults', { method: 'DELETE' });
        },
      ),
      RUNS,
    );
  });
});
