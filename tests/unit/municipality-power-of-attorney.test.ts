/**
 * Powers of attorney on the reference municipality: a representative's token reads only what the
 * power covers, by any URL, cursor or inbox; a withdrawal or an expiry refuses the next request;
 * forged, not-yet-valid and overlapping powers are refused with problem+json; the grantor's
 * access log names the representative.
 */
import { describe, expect, it } from 'vitest';
import { PowerOfAttorney, PowerOfAttorneyList, Problem, Session } from '../../src/municipal/api/schemas';
import { mainGroupOf, powerCovers, PowerOfAttorneyStore } from '../../src/municipality-server/powers-of-attorney';
import {
  authorizeQuery,
  bearer,
  exchange,
  getPage,
  makeApp,
  signIn,
  syncAll,
  TODAY,
  tokenFor,
  VERIFIER,
  REDIRECT,
  type TestApp,
} from './municipality-test-helpers';

const RESOURCES = ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'] as const;

async function problemOf(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = Problem.parse(await res.json());
  expect(body.code).toBe(code);
  expect(body.type).toBe(`urn:citizen-data:problem:${code}`);
}

const get = (app: TestApp, token: string, path: string) => app.request(`/citizen/v1${path}`, { headers: bearer(token) });
const post = (app: TestApp, path: string, body?: unknown, token?: string) =>
  app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const signe = (app: TestApp) => tokenFor(app, 'thomas', 'signe', 'fm-thomas-signe');

describe('what a representative may read', () => {
  it('Signe reads exactly Thomas\u2019 activities and payments, and nothing else by any list or PDF', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const own = (await tokenFor(app, 'thomas')).access;
    for (const resource of ['activities', 'payments']) {
      const theirs = (await syncAll(app, rep, resource)).items;
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs).toEqual((await syncAll(app, own, resource)).items);
    }
    for (const resource of ['cases', 'decisions', 'documents', 'access-log']) {
      await problemOf(await get(app, rep, `/${resource}`), 403, 'outside-power-of-attorney');
      await problemOf(await get(app, rep, `/${resource}?cursor=x&limit=5`), 403, 'outside-power-of-attorney');
    }
    const pdf = (await syncAll(app, own, 'documents')).items.find((d) => (d.content as { format: string }).format === 'pdf')!;
    await problemOf(await get(app, rep, `/documents/${pdf.id as string}/content`), 403, 'outside-power-of-attorney');
  });

  it('Signe cannot use the inbox: a power for payments does not act in a case', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const own = (await tokenFor(app, 'thomas')).access;
    const caseId = (await getPage(app, own, 'cases')).items[0]!.id as string;
    const correction = { kind: 'correction', target: { resource: 'payments', id: 'x' }, message: 'Forkert beløb' };
    await problemOf(await post(app, `/citizen/v1/cases/${caseId}/inbox`, correction, rep), 403, 'outside-power-of-attorney');
    await problemOf(await get(app, rep, `/cases/${caseId}/inbox`), 403, 'outside-power-of-attorney');
    await problemOf(await get(app, rep, '/inbox'), 403, 'outside-power-of-attorney');
  });

  it('Lone sees everything of Inger\u2019s but health: no KLE 29 case, note, appointment or dentist visit', async () => {
    const { app } = makeApp();
    const rep = (await tokenFor(app, 'inger', 'lone', 'fm-inger-lone')).access;
    const own = (await tokenFor(app, 'inger')).access;
    const cases = (await syncAll(app, rep, 'cases')).items;
    expect(cases.map((c) => (c.kle as { code: string }).code).sort()).toEqual(['27.36.04', '32.03.12']);
    const healthCase = (await syncAll(app, own, 'cases')).items.find((c) => (c.kle as { code: string }).code === '29.21.04')!;
    for (const resource of RESOURCES) {
      const mine = (await syncAll(app, own, resource)).items;
      const theirs = (await syncAll(app, rep, resource)).items;
      expect(
        theirs.every((r) => r.caseId !== healthCase.id),
        resource,
      ).toBe(true);
      expect(theirs.length, resource).toBeLessThanOrEqual(mine.length);
    }
    const activities = (await syncAll(app, rep, 'activities')).items.map((a) => a.title);
    expect(activities).toContain('Hjemmehjælp: bad');
    expect(activities).not.toContain('Genoptræning i hjemmet');
    // The dentist visit carries no KLE code: its source system counts as health.
    expect(activities).not.toContain('Omsorgstandpleje: eftersyn');
    expect((await syncAll(app, own, 'activities')).items.map((a) => a.title)).toContain('Omsorgstandpleje: eftersyn');

    const pdf = (await syncAll(app, rep, 'documents')).items.find((d) => (d.content as { format: string }).format === 'pdf')!;
    expect((await get(app, rep, `/documents/${pdf.id as string}/content`)).status).toBe(200);
    const note = (await syncAll(app, own, 'documents')).items.find((d) => d.caseId === healthCase.id)!;
    await problemOf(await get(app, rep, `/documents/${note.id as string}/content`), 404, 'not-found');
  });

  it('Lone may write to the inbox of a case her power covers; the receipt says on whose behalf', async () => {
    const { app } = makeApp();
    const rep = (await tokenFor(app, 'inger', 'lone', 'fm-inger-lone')).access;
    const own = (await tokenFor(app, 'inger')).access;
    const all = (await syncAll(app, own, 'cases')).items;
    const care = all.find((c) => (c.kle as { code: string }).code === '27.36.04')!;
    const health = all.find((c) => (c.kle as { code: string }).code === '29.21.04')!;
    const correction = (target: string) => ({ kind: 'correction', target: { resource: 'cases', id: target }, message: 'Forkert dato' });
    const sent = await post(app, `/citizen/v1/cases/${care.id as string}/inbox`, correction(care.id as string), rep);
    expect(sent.status).toBe(201);
    const { receipt } = (await sent.json()) as { receipt: { sentBy?: unknown } };
    expect(receipt.sentBy).toEqual({
      basis: 'power-of-attorney',
      powerOfAttorneyId: 'fm-inger-lone',
      representative: { id: 'lone', name: 'Lone Dahl' },
      onBehalfOf: { id: 'inger', name: 'Inger Vestergaard' },
    });
    await problemOf(await post(app, `/citizen/v1/cases/${health.id as string}/inbox`, correction(health.id as string), rep), 404, 'not-found');
    await problemOf(await post(app, `/citizen/v1/cases/${care.id as string}/inbox`, correction(health.id as string), rep), 400, 'invalid-request');
    // Inger's own receipt for the health case stays out of Lone's list.
    expect((await post(app, `/citizen/v1/cases/${health.id as string}/inbox`, correction(health.id as string), own)).status).toBe(201);
    const listed = ((await (await get(app, rep, '/inbox')).json()) as { items: { caseId: string }[] }).items;
    expect(listed.map((r) => r.caseId)).toEqual([care.id]);
    expect(((await (await get(app, own, '/inbox')).json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('/me names the representative and the power the session rests on', async () => {
    const { app } = makeApp();
    const body = (await (await get(app, (await signe(app)).access, '/me')).json()) as { citizen: { id: string }; session: unknown };
    expect(body.citizen.id).toBe('thomas');
    const session = Session.parse(body.session);
    expect(session.actor).toMatchObject({ id: 'signe', relation: 'power-of-attorney' });
    expect(session.powerOfAttorney).toMatchObject({ id: 'fm-thomas-signe', categories: ['activities', 'payments'], status: 'active' });
    expect(session.youthRestricted).toBe(false);
  });
});

describe('cursors', () => {
  it('a cursor from Thomas\u2019 own session does not work in Signe\u2019s, nor hers in his', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const own = (await tokenFor(app, 'thomas')).access;
    const his = await getPage(app, own, 'payments', undefined, 2);
    const hers = await getPage(app, rep, 'payments', undefined, 2);
    expect(his.nextCursor).not.toBeNull();
    for (const cursor of [his.nextCursor!, his.syncToken]) {
      await problemOf(await get(app, rep, `/payments?cursor=${cursor}`), 400, 'invalid-cursor');
    }
    await problemOf(await get(app, own, `/payments?cursor=${hers.nextCursor!}`), 400, 'invalid-cursor');
    // Her own cursor goes on, and a cursor for payments opens no other resource.
    expect((await get(app, rep, `/payments?cursor=${hers.nextCursor!}`)).status).toBe(200);
    await problemOf(await get(app, rep, `/cases?cursor=${hers.nextCursor!}`), 403, 'outside-power-of-attorney');
  });
});

describe('when a power ends', () => {
  it('a withdrawal by Thomas refuses Signe\u2019s very next request, and her sign-in', async () => {
    const { app } = makeApp();
    const rep = await signe(app);
    const own = (await tokenFor(app, 'thomas')).access;
    expect((await get(app, rep.access, '/payments')).status).toBe(200);

    const res = await post(app, '/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw', undefined, own);
    expect(res.status).toBe(200);
    const withdrawn = PowerOfAttorney.parse(((await res.json()) as { powerOfAttorney: unknown }).powerOfAttorney);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', representative: { id: 'signe', name: 'Signe Nørgaard Holt' } });

    for (const path of ['/payments', '/activities', '/me']) await problemOf(await get(app, rep.access, path), 403, 'power-of-attorney-withdrawn');
    // A refreshed token opens nothing either.
    const refreshed = (await (await exchange(app, { grant_type: 'refresh_token', refresh_token: rep.refresh, client_id: 'test-client' })).json()) as {
      access_token: string;
    };
    await problemOf(await get(app, refreshed.access_token, '/payments'), 403, 'power-of-attorney-withdrawn');
    await problemOf(
      await post(app, '/__test/tokens', { citizenId: 'thomas', actorId: 'signe', powerOfAttorneyId: 'fm-thomas-signe' }),
      403,
      'power-of-attorney-withdrawn',
    );
    const form = authorizeQuery();
    form.set('login', 'fuldmagt:fm-thomas-signe');
    const page = await app.request('/oauth/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Fuldmagten er tilbagekaldt.');

    const again = await post(app, '/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw', undefined, own);
    expect(((await again.json()) as { powerOfAttorney: { withdrawnAt: string } }).powerOfAttorney.withdrawnAt).toBe(withdrawn.withdrawnAt);
    const given = PowerOfAttorneyList.parse(await (await get(app, own, '/powers-of-attorney/given')).json());
    expect(given.items.map((p) => [p.id, p.status])).toEqual([['fm-thomas-signe', 'withdrawn']]);
  });

  it('expiry takes effect on the first request after the last day', async () => {
    let clock = Date.parse(`${TODAY}T12:00:00+01:00`);
    const { app } = makeApp({ now: () => clock, accessTokenTtlSeconds: 5 * 86_400 });
    const power = { id: 'fm-kort', grantor: 'thomas', representative: 'signe', categories: ['activities', 'payments'], validFrom: TODAY, validUntil: TODAY };
    // A second power with the same scope overlaps without conflict.
    expect((await post(app, '/__test/powers-of-attorney', power)).status).toBe(201);
    const rep = (await tokenFor(app, 'thomas', 'signe', 'fm-kort')).access;
    expect((await get(app, rep, '/payments')).status).toBe(200);
    clock += 86_400_000;
    await problemOf(await get(app, rep, '/payments'), 403, 'power-of-attorney-expired');
    // The seeded power, still in force, is unaffected.
    expect((await get(app, (await signe(app)).access, '/payments')).status).toBe(200);
  });

  it('only the grantor, signed in as themselves, sees and withdraws their powers', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const signeSelf = (await tokenFor(app, 'signe')).access;
    const leaByMette = (await tokenFor(app, 'lea', 'mette')).access;
    await problemOf(await get(app, rep, '/powers-of-attorney/given'), 403, 'self-only');
    await problemOf(await post(app, '/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw', undefined, rep), 403, 'self-only');
    await problemOf(await get(app, leaByMette, '/powers-of-attorney/given'), 403, 'self-only');
    await problemOf(await post(app, '/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw', undefined, signeSelf), 404, 'not-found');
    const received = PowerOfAttorneyList.parse(await (await get(app, signeSelf, '/powers-of-attorney/received')).json());
    expect(received.items).toHaveLength(1);
    expect(received.items[0]).toMatchObject({ grantor: { id: 'thomas', name: 'Thomas Nørgaard Jensen' }, validUntil: expect.any(String), status: 'active' });
    expect((await get(app, rep, '/payments')).status).toBe(200);
  });
});

describe('refused powers', () => {
  it('a forged or borrowed grant id gets no token and no sign-in', async () => {
    const { app } = makeApp();
    await problemOf(
      await post(app, '/__test/tokens', { citizenId: 'thomas', actorId: 'signe', powerOfAttorneyId: 'fm-forged' }),
      403,
      'power-of-attorney-invalid',
    );
    await problemOf(
      await post(app, '/__test/tokens', { citizenId: 'thomas', actorId: 'freja', powerOfAttorneyId: 'fm-thomas-signe' }),
      403,
      'power-of-attorney-invalid',
    );
    await problemOf(
      await post(app, '/__test/tokens', { citizenId: 'inger', actorId: 'signe', powerOfAttorneyId: 'fm-thomas-signe' }),
      403,
      'power-of-attorney-invalid',
    );
    const form = authorizeQuery();
    form.set('login', 'fuldmagt:fm-forged');
    const page = await app.request('/oauth/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Der findes ingen sådan fuldmagt.');
  });

  it('a power not yet in force gives no token', async () => {
    const { app } = makeApp();
    const later = { id: 'fm-senere', grantor: 'inger', representative: 'signe', categories: ['payments'], validFrom: '2026-04-01' };
    expect((await post(app, '/__test/powers-of-attorney', later)).status).toBe(201);
    await problemOf(
      await post(app, '/__test/tokens', { citizenId: 'inger', actorId: 'signe', powerOfAttorneyId: 'fm-senere' }),
      403,
      'power-of-attorney-not-yet-valid',
    );
  });

  it('two powers in force between the same people with different scopes: both refused, on the next request', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const wider = { id: 'fm-thomas-signe-2', grantor: 'thomas', representative: 'signe', categories: ['payments', 'documents'], validFrom: TODAY };
    expect((await post(app, '/__test/powers-of-attorney', wider)).status).toBe(201);
    await problemOf(await get(app, rep, '/payments'), 409, 'power-of-attorney-conflict');
    for (const id of ['fm-thomas-signe', 'fm-thomas-signe-2']) {
      await problemOf(await post(app, '/__test/tokens', { citizenId: 'thomas', actorId: 'signe', powerOfAttorneyId: id }), 409, 'power-of-attorney-conflict');
    }
    // Withdrawing one ends the conflict.
    expect((await post(app, '/__test/powers-of-attorney/fm-thomas-signe-2/withdraw')).status).toBe(200);
    expect((await get(app, rep, '/payments')).status).toBe(200);
  });

  it('the test route refuses powers that cannot be', async () => {
    const { app } = makeApp();
    const base = { id: 'fm-ny', grantor: 'inger', representative: 'lone', categories: ['payments'], validFrom: TODAY };
    for (const bad of [
      { ...base, representative: 'inger' },
      { ...base, grantor: 'freja' },
      { ...base, grantor: 'nobody' },
      { ...base, categories: [] },
      { ...base, categories: ['payments', 'payments'] },
      { ...base, excludedTopics: ['2'] },
      { ...base, excludedTopics: ['99'] },
      { ...base, validUntil: '2026-01-01' },
      { ...base, id: 'fm-inger-lone' },
    ]) {
      await problemOf(await post(app, '/__test/powers-of-attorney', bad), 400, 'invalid-request');
    }
  });
});

describe('the sign-in page', () => {
  it('offers each power in force, and signing in by one reads the grantor\u2019s data', async () => {
    const { app } = makeApp();
    const html = await (await app.request(`/oauth/authorize?${authorizeQuery()}`)).text();
    expect(html).toContain('value="fuldmagt:fm-thomas-signe"');
    expect(html).toContain('Signe Nørgaard Holt på vegne af Thomas Nørgaard Jensen');
    expect(html).toContain('Fuldmagt: betalinger, aftaler og frister');
    expect(html).toContain('Lone Dahl på vegne af Inger Vestergaard');
    expect(html).toContain('Fuldmagt: alt undtagen sundhed');
    const code = await signIn(app, 'fuldmagt:fm-thomas-signe');
    const tokens = (await (await exchange(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER })).json()) as {
      access_token: string;
    };
    const me = (await (await get(app, tokens.access_token, '/me')).json()) as { citizen: { id: string }; session: { actor: { relation: string } } };
    expect(me.citizen.id).toBe('thomas');
    expect(me.session.actor.relation).toBe('power-of-attorney');
  });
});

describe('the access log', () => {
  it('names the representative and on whose behalf, once per resource and day', async () => {
    const { app } = makeApp();
    const rep = (await signe(app)).access;
    const own = (await tokenFor(app, 'thomas')).access;
    const before = (await syncAll(app, own, 'access-log')).items.length;
    await syncAll(app, rep, 'payments');
    await syncAll(app, rep, 'payments', { limit: 3 });
    const log = (await syncAll(app, own, 'access-log')).items;
    expect(log).toHaveLength(before + 1);
    const entry = log.find((e) => e.representation !== undefined)!;
    expect(entry).toMatchObject({
      actor: { name: 'Signe Nørgaard Holt', role: 'Fuldmægtig' },
      action: 'viewed',
      what: 'Dine udbetalinger',
      representation: {
        basis: 'power-of-attorney',
        powerOfAttorneyId: 'fm-thomas-signe',
        representative: { id: 'signe', name: 'Signe Nørgaard Holt' },
        onBehalfOf: { id: 'thomas', name: 'Thomas Nørgaard Jensen' },
      },
    });
    await getPage(app, rep, 'activities');
    expect((await syncAll(app, own, 'access-log')).items).toHaveLength(before + 2);
    // Thomas' own reading is not logged as anyone acting for him.
    await syncAll(app, own, 'payments');
    expect((await syncAll(app, own, 'access-log')).items).toHaveLength(before + 2);
  });
});

describe('the scope rules', () => {
  const power = { id: 'p', grantor: 'a', representative: 'b', categories: ['cases', 'activities'] as const, excludedTopics: ['29'], validFrom: TODAY };

  it('a record counts under its KLE code, else its source system', () => {
    expect(mainGroupOf({ kle: '29.21.04' })).toBe('29');
    expect(mainGroupOf({ kle: '27.36.04', source: 'nexus' })).toBe('27');
    expect(mainGroupOf({ source: 'tandpleje' })).toBe('29');
    expect(mainGroupOf({ source: 'jobnet' })).toBeUndefined();
    expect(mainGroupOf({})).toBeUndefined();
  });

  it('covers the granted categories outside the held-back topics', () => {
    expect(powerCovers(power, 'cases', { kle: '27.36.04' })).toBe(true);
    expect(powerCovers(power, 'cases', { kle: '29.21.04' })).toBe(false);
    expect(powerCovers(power, 'activities', { source: 'nsp' })).toBe(false);
    expect(powerCovers(power, 'activities', { source: 'jobnet' })).toBe(true);
    expect(powerCovers(power, 'payments', { kle: '32.03.12' })).toBe(false);
  });

  it('a power holds from its first to its last day, and not once withdrawn', () => {
    const store = new PowerOfAttorneyStore({ nameOf: (id) => id, mainGroupTitle: () => 'Sundhed', adultOn: () => true });
    const held = store.add({ ...power, categories: ['cases'], validUntil: '2026-03-20' }, `${TODAY}T10:00:00+01:00`);
    expect(store.statusOn(held, '2026-03-09')).toBe('not-yet-valid');
    expect(store.statusOn(held, TODAY)).toBe('active');
    expect(store.statusOn(held, '2026-03-20')).toBe('active');
    expect(store.statusOn(held, '2026-03-21')).toBe('expired');
    store.withdraw('p', `${TODAY}T11:00:00+01:00`);
    expect(store.statusOn(held, TODAY)).toBe('withdrawn');
    expect(store.check('p', 'b', 'a', TODAY)).toMatchObject({ ok: false, code: 'power-of-attorney-withdrawn', status: 403 });
  });
});
