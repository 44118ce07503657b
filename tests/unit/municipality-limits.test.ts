/**
 * The reference municipality's limits: every endpoint's body bound (declared or chunked, in
 * process and over a socket), each citizen's inbox quota, and bundles held per citizen so one
 * citizen's upload or notice never touches another's.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes, MAX_OAUTH_FORM_BYTES } from '../../src/municipality-server/body-limit';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { createRevocation } from '../../src/bundle/index';
import { KEYS, makeBundle, TIMES } from '../../scripts/make-bundle-vectors';
import { bearer, KLE, makeApp, TODAY, tokenFor, type TestApp } from './municipality-test-helpers';

const CHUNK = 64 * 1024;

/** A body of `total` bytes made on demand; `pulled()` says how many bytes the server asked for. */
function lazyBody(total: number): { stream: ReadableStream<Uint8Array>; pulled(): number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(CHUNK, total - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

async function expectProblem(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  expect(((await res.json()) as { code: string }).code).toBe(code);
}

/** A concrete path for a route pattern (`:caseId` → a case Thomas can see). */
const concrete = (path: string) => path.replace(/:caseId/g, 'thomas-sag-0002').replace(/:[A-Za-z]+/g, 'x');

describe('body limits on every endpoint', () => {
  const { app } = makeApp({ maxInboxBytes: 4096 });
  let thomas: string;
  beforeAll(async () => {
    thomas = (await tokenFor(app, 'thomas')).access;
  });

  const bodyRoutes = () =>
    app.routes
      .filter((r) => r.method === 'POST' || r.method === 'DELETE' || r.method === 'PUT' || r.method === 'PATCH')
      .map((r) => ({ method: r.method, path: concrete(r.path) }));

  it('knows every route that takes a body', () => {
    const routes = bodyRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /oauth/token', 'POST /oauth/authorize', 'POST /revocations', 'POST /citizen/v1/cases/thomas-sag-0002/inbox']),
    );
    for (const { method, path } of bodyRoutes()) expect(maxBodyBytes(method, path, 4096), `${method} ${path}`).toBeLessThanOrEqual(256 * 1024);
  });

  it('refuses a declared Content-Length over the limit with 413 problem+json, on every route', async () => {
    for (const { method, path } of bodyRoutes()) {
      const limit = maxBodyBytes(method, path, 4096);
      const body = new Uint8Array(limit + 1);
      const res = await app.request(path, {
        method,
        headers: { ...bearer(thomas), 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) },
        body,
      });
      await expectProblem(res, 413, 'payload-too-large');
    }
  });

  it('refuses a chunked body the moment it passes the limit, and never reads the rest', async () => {
    for (const { method, path } of bodyRoutes()) {
      const limit = maxBodyBytes(method, path, 4096);
      const body = lazyBody(256 * 1024 * 1024);
      const res = await app.request(path, {
        method,
        headers: { ...bearer(thomas), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      await expectProblem(res, 413, 'payload-too-large');
      expect(body.pulled(), `${method} ${path}`).toBeLessThanOrEqual(limit + 2 * CHUNK);
    }
  });

  it('lets a body at the limit through to the endpoint', async () => {
    const form = `grant_type=password&client_id=x&pad=`;
    const res = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.padEnd(MAX_OAUTH_FORM_BYTES, 'x'),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('refuses a Content-Length that is not a number', async () => {
    const res = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Length': '1e3', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    await expectProblem(res, 400, 'invalid-request');
  });
});

describe('body limits over a real socket', () => {
  let server: RunningMunicipality;
  beforeAll(async () => {
    server = await startMunicipalityServer({ port: 0, today: TODAY, testMode: true, kle: KLE });
  });
  afterAll(() => server.close());

  /** Sends headers, then (if `chunked`) 16 KiB chunks until the answer comes, at most `maxChunks`. */
  function post(path: string, headers: Record<string, string>, chunked: boolean, maxChunks = 4096): Promise<{ status: number; body: string; written: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, server.url);
      let written = 0;
      let answered = false;
      const req = httpRequest(url, { method: 'POST', headers }, (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, written }));
      });
      // The server may close its side once it has answered; that is the point.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      if (!chunked) return req.flushHeaders();
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = (): void => {
        while (!answered && written < maxChunks * chunk.length) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it('answers a 256 MiB Content-Length with 413 without waiting for the body', async () => {
    const res = await post('/oauth/token', { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(256 * 1024 * 1024) }, false);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload-too-large' });
  });

  it('answers a chunked body with no Content-Length with 413 once it passes the limit', async () => {
    const res = await post('/oauth/authorize', { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' }, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload-too-large' });
    // The client stopped long before the 64 MiB it was ready to send.
    expect(res.written).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('inbox quota per citizen', () => {
  it('refuses items past the count (429) or the bytes (507) with a problem the vault can show, storing nothing', async () => {
    const { app, state } = makeApp({ inboxQuota: { items: 3, bytes: 1200 } });
    const thomas = (await tokenFor(app, 'thomas')).access;
    const mette = (await tokenFor(app, 'mette')).access;
    const send = (token: string, caseId: string, bytes: number) =>
      app.request(`/citizen/v1/cases/${caseId}/inbox`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(bytes).fill(1),
      });
    expect((await send(thomas, 'thomas-sag-0002', 600)).status).toBe(201);
    const tooBig = await send(thomas, 'thomas-sag-0002', 601);
    await expectProblem(tooBig.clone(), 507, 'inbox-full');
    expect(((await tooBig.json()) as { detail: string }).detail).toContain('room for 600 more bytes of 1200');
    expect((await send(thomas, 'thomas-sag-0002', 400)).status).toBe(201);
    expect((await send(thomas, 'thomas-sag-0001', 0)).status).toBe(400); // an empty bundle is no item
    const [caseOfMette] = [...state.ledger('mette').changesAfter('cases', 0)].map((e) => e.record.id);
    // Another citizen's inbox is their own.
    expect((await send(mette, caseOfMette!, 1000)).status).toBe(201);
    const correction = { kind: 'correction', target: { resource: 'documents', id: 'thomas-dok-0001' }, message: 'Forkert.' };
    const third = await app.request('/citizen/v1/cases/thomas-sag-0002/inbox', {
      method: 'POST',
      headers: { ...bearer(thomas), 'Content-Type': 'application/json' },
      body: JSON.stringify(correction),
    });
    expect(third.status).toBe(201);
    const tooMany = await send(thomas, 'thomas-sag-0002', 1);
    await expectProblem(tooMany.clone(), 429, 'inbox-full');
    expect(((await tooMany.json()) as { detail: string }).detail).toContain('most items allowed (3)');
    expect(state.inbox.get('thomas')).toHaveLength(3);
    expect(state.inbox.get('mette')).toHaveLength(1);
  });
});

describe('bundles in inboxes are held per citizen', () => {
  const now = TIMES.during.getTime();
  const id = 'AAAAAAAAAAAAAAAAAAAAAA';
  let app: TestApp;
  let receipts: { thomas: string; mette: string };

  const deliver = async (token: string, caseId: string, bundle: Uint8Array): Promise<string> => {
    const res = await app.request(`/citizen/v1/cases/${caseId}/inbox`, {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'application/octet-stream' },
      body: bundle as Uint8Array<ArrayBuffer>,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { receipt: { id: string } }).receipt.id;
  };
  const status = async (receiptId: string) => (await app.request(`/__test/inbox/${receiptId}/revocation`)).json();
  const revoke = (signingSecretKey: Uint8Array, revokedAt: Date) =>
    app.request('/revocations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/jose' },
      body: createRevocation({ signingSecretKey, bundleId: id, revokedAt }),
    });

  beforeAll(async () => {
    const made = makeApp({ recipientIdentity: KEYS.recipient, now: () => now });
    app = made.app;
    const thomas = (await tokenFor(app, 'thomas')).access;
    const mette = (await tokenFor(app, 'mette')).access;
    const [caseOfMette] = [...made.state.ledger('mette').changesAfter('cases', 0)].map((e) => e.record.id);
    // Two citizens' bundles under the same id, signed by different keys.
    receipts = {
      thomas: await deliver(thomas, 'thomas-sag-0002', await makeBundle('thomas', undefined, { id })),
      mette: await deliver(mette, caseOfMette!, await makeBundle('mette', undefined, { id, issuer: KEYS.otherIssuer })),
    };
  });

  it('a second citizen\u2019s upload under the same id leaves the first one\u2019s bundle as it was', async () => {
    expect(await status(receipts.thomas)).toEqual({ revoked: false });
    expect(await status(receipts.mette)).toEqual({ revoked: false });
    expect((await revoke(KEYS.issuer.signingSecretKey, TIMES.during)).status).toBe(200);
    expect(await status(receipts.thomas)).toEqual({ revoked: true, revokedAt: TIMES.during.toISOString() });
    expect(await status(receipts.mette)).toEqual({ revoked: false });
  });

  it('a notice withdraws only the bundle its key signed, and a repeated one keeps the first time', async () => {
    const later = new Date(TIMES.during.getTime() + 3600_000);
    expect((await revoke(KEYS.otherIssuer.signingSecretKey, later)).status).toBe(200);
    expect(await status(receipts.mette)).toEqual({ revoked: true, revokedAt: later.toISOString() });
    expect((await revoke(KEYS.issuer.signingSecretKey, later)).status).toBe(200);
    expect(await status(receipts.thomas)).toEqual({ revoked: true, revokedAt: TIMES.during.toISOString() });
    // A key that signed neither is refused.
    const stranger = new Uint8Array(32).fill(7);
    expect((await revoke(stranger, later)).status).toBe(400);
  });
});
