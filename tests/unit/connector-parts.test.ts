/**
 * The connector's pure parts: addresses and permission patterns, reminder planning and Danish
 * day ends, alarm names, and the page verifier (WebCrypto and noble agree, bad input fails).
 */
import { describe, expect, it } from 'vitest';
import { hostPermissionPattern } from '../../src/municipal/api/origin';
import { municipalityOrigin } from '../../src/messaging/municipal-api';
import { endOfDanishDay } from '../../src/shared/danish-time';
import {
  alarmNameOf,
  parseAlarmName,
  planReminders,
  MAX_REMINDERS_PER_PROFILE,
  reminderLanguage,
  reminderNotification,
} from '../../src/municipal/connector/reminders';
import { checkItems, PageVerifier } from '../../src/municipal/connector/verify';
import { manifestEntryOf, publicJwk, signManifest, SignatureError } from '../../src/municipal/api/signature';
import { authorizationRequest, codeFromRedirect } from '../../src/municipal/connector/oauth';
import { hasCode } from '../../src/messaging/errors';
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';
import { HttpProblem, httpStatusOf, MunicipalHttp } from '../../src/municipal/connector/http';
import { MunicipalError } from '../../src/municipal/connector/errors';
import { VaultError } from '../../src/vault/errors';

describe('municipality addresses', () => {
  it.each([
    ['kommune.dk', 'https://kommune.dk'],
    ['https://kommune.dk/', 'https://kommune.dk'],
    ['  https://Kommune.DK/borger/sager?x=1 ', 'https://kommune.dk'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://localhost:9000', 'http://localhost:9000'],
  ])('%s → %s', (input, origin) => expect(municipalityOrigin(input)).toBe(origin));

  it.each(['http://kommune.dk', 'ftp://kommune.dk', 'https://user:pw@kommune.dk', 'javascript:alert(1)', ''])('refuses %j', (input) => {
    expect(() => municipalityOrigin(input)).toThrow(expect.objectContaining({ code: 'invalid-address' }));
  });

  it('asks for the host, without the port (Firefox match patterns carry none)', () => {
    expect(hostPermissionPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(hostPermissionPattern('https://kommune.dk')).toBe('https://kommune.dk/*');
  });
});

describe('HTTP statuses as data', () => {
  const answering = (status: number) =>
    new MunicipalHttp({ fetch: async () => new Response(JSON.stringify({ code: 'some-problem' }), { status }), sleep: async () => undefined });
  const failure = (work: Promise<unknown>) =>
    work.then(
      () => null,
      (error: unknown) => error,
    );

  it('carries the status of a server error, a problem and a refusal caused by one; none without an answer', async () => {
    const serverError = await failure(answering(507).json('https://kommune.dk/x'));
    expect(serverError).toBeInstanceOf(MunicipalError);
    expect(httpStatusOf(serverError)).toBe(507);
    const problem = await failure(answering(429).json('https://kommune.dk/x'));
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(httpStatusOf(problem)).toBe(429);
    expect(httpStatusOf(new VaultError('bad-request', 'inbox', { cause: problem }))).toBe(429);
    const offline = new MunicipalHttp({ fetch: () => Promise.reject(new TypeError('offline')) });
    expect(httpStatusOf(await failure(offline.json('https://kommune.dk/x')))).toBeUndefined();
    expect(httpStatusOf(new MunicipalError('municipality-error', 'HTTP 507'))).toBeUndefined();
  });
});

describe('sign-in', () => {
  it('builds a PKCE S256 request and takes the code only with the right state', () => {
    const req = authorizationRequest('https://kommune.dk/oauth/authorize', 'https://x.chromiumapp.org/m');
    const url = new URL(req.url);
    expect(url.searchParams.get('code_challenge')).toBe(toBase64Url(sha256(utf8(req.verifier))));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(req.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeFromRedirect(`https://x.chromiumapp.org/m?code=abc&state=${req.state}`, req.state)).toBe('abc');
    expect(() => codeFromRedirect('https://x.chromiumapp.org/m?code=abc&state=other', req.state)).toThrow(
      expect.objectContaining({ code: 'municipality-bad-response' }),
    );
    let error: unknown;
    try {
      codeFromRedirect(`https://x.chromiumapp.org/m?error=access_denied&state=${req.state}`, req.state);
    } catch (e) {
      error = e;
    }
    expect(hasCode(error, 'sign-in-cancelled')).toBe(true);
  });
});

describe('reminders', () => {
  it('a Danish day ends at 23:59 local time, in winter and in summer', () => {
    expect(new Date(endOfDanishDay('2026-01-15')).toISOString()).toBe('2026-01-15T22:59:59.000Z');
    expect(new Date(endOfDanishDay('2026-07-15')).toISOString()).toBe('2026-07-15T21:59:59.000Z');
  });

  it('plans each lead time before each future event, skips the past, nearest first, capped', () => {
    const now = Date.parse('2026-03-10T08:00:00Z');
    const hour = 3_600_000;
    const plan = planReminders(
      'p1',
      [
        { source: 'activity', recordId: 'a', at: now + 3 * hour },
        { source: 'activity', recordId: 'old', at: now - hour },
        { source: 'decision', recordId: 'd', at: now + 72 * hour },
      ],
      [2880, 120],
      now,
    );
    expect(plan.map((p) => [p.recordId, p.leadMinutes, p.when])).toEqual([
      ['a', 120, now + hour],
      ['d', 2880, now + 24 * hour],
      ['d', 120, now + 70 * hour],
    ]);
    const many = Array.from({ length: 500 }, (_, i) => ({ source: 'activity' as const, recordId: `r${i}`, at: now + (i + 10) * hour }));
    expect(planReminders('p1', many, [120], now)).toHaveLength(MAX_REMINDERS_PER_PROFILE);
  });

  it('alarm names round-trip and refuse anything else', () => {
    const target = { profileId: 'prof_1', source: 'decision' as const, recordId: 'abc-DEF', leadMinutes: 120 };
    expect(parseAlarmName(alarmNameOf(target))).toEqual(target);
    for (const bad of ['handlerum-auto-lock', 'handlerum-reminder:a:b', 'handlerum-reminder:p:other:r:1', 'handlerum-reminder:p:activity:r:x']) {
      expect(parseAlarmName(bad)).toBeNull();
    }
  });

  it('chooses the language like the UI and keeps the locked text free of details', () => {
    expect(reminderLanguage('en-GB')).toBe('en');
    expect(reminderLanguage('da')).toBe('da');
    expect(reminderLanguage('de-DE')).toBe('da');
    const at = Date.parse('2026-03-12T09:30:00+01:00');
    const da = reminderNotification('da', { source: 'activity', activityKind: 'appointment', title: 'Møde i jobcentret', at });
    expect(da.title).toBe('Aftale: Møde i jobcentret');
    expect(da.message).toMatch(/12\. marts 2026.*09[.:]30/);
    expect(reminderNotification('en', { source: 'decision', title: 'Befordringsgodtgørelse', at }).title).toBe('Last day to appeal: Befordringsgodtgørelse');
    expect(reminderNotification('da', null).message).toBe('Du har en frist eller aftale snart – lås Handlerum op for at se den.');
  });
});

describe('page verifier', () => {
  const key = { kid: 'k1', secretKey: new Uint8Array(32).fill(7) };
  const jwks = { keys: [publicJwk(key)] };
  const items = [
    { type: 'case', id: 'c1', version: 1, title: 'Sag' },
    { type: 'case', id: 'c2', version: 3, title: 'Anden sag' },
  ];
  const manifest = { iss: 'https://kommune.dk', sub: 'thomas', resource: 'cases', cursor: null, iat: 1, items: items.map(manifestEntryOf) };

  it('accepts a good page, and judges each item on its own', async () => {
    const verified = await new PageVerifier(jwks).verifyJws(signManifest(manifest, key));
    expect(verified.kid).toBe('k1');
    expect(checkItems(items, verified.manifest).map((v) => v.ok)).toEqual([true, true]);
    const changed = [items[0], { ...items[1], title: 'Ændret' }];
    expect(checkItems(changed, verified.manifest).map((v) => v.ok)).toEqual([true, false]);
    expect(checkItems([items[0]], verified.manifest).map((v) => v.ok)).toEqual([false]);
  });

  it('refuses a changed signature, an unknown key and another algorithm', async () => {
    const jws = signManifest(manifest, key);
    const broken = jws.slice(0, -10) + (jws.at(-10) === 'A' ? 'B' : 'A') + jws.slice(-9);
    await expect(new PageVerifier(jwks).verifyJws(broken)).rejects.toSatisfy((e) => e instanceof SignatureError && e.code === 'bad-signature');
    await expect(new PageVerifier({ keys: [] }).verifyJws(jws)).rejects.toSatisfy((e) => e instanceof SignatureError && e.code === 'unknown-key');
    const [, payload, sig] = jws.split('.');
    const none = `${toBase64Url(utf8('{"alg":"none","kid":"k1"}'))}.${payload}.${sig}`;
    await expect(new PageVerifier(jwks).verifyJws(none)).rejects.toSatisfy((e) => e instanceof SignatureError && e.code === 'unsupported-algorithm');
  });
});
