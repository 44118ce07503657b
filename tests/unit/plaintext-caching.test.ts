/**
 * Nothing the extension fetches may be kept by the browser's HTTP cache: every request goes
 * through privateFetch (no-store, no cookies), and the reference municipality marks everything
 * about a citizen `no-store` (keys and discovery documents stay `public`). The end-to-end proof
 * is tests/e2e/plaintext-profile-scan.e2e.test.ts; this pins the pieces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateFetch } from '../../src/background/private-fetch';
import { bearer, makeApp, tokenFor } from './municipality-test-helpers';

const ROOT = resolve(import.meta.dirname, '../..');

describe('privateFetch', () => {
  it('asks the browser to store nothing and send no cookies, whatever the caller passed', async () => {
    const seen: RequestInit[] = [];
    const fetch = privateFetch(async (_url, init) => {
      seen.push(init ?? {});
      return new Response('{}');
    });
    await fetch('https://kommune.example/a');
    await fetch('https://kommune.example/b', {
      method: 'POST',
      body: 'x',
      headers: { Accept: 'application/json' },
      cache: 'force-cache',
      credentials: 'include',
    });
    expect(seen[0]).toEqual({ cache: 'no-store', credentials: 'omit' });
    expect(seen[1]).toEqual({ method: 'POST', body: 'x', headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'omit' });
  });

  /**
   * Source files of the extension (not the servers or the receiver's CLI, which run in Node, nor
   * the receiver's own web page, which is a separate site).
   */
  const extensionSources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory())
        return /^(municipality-server|example-budget-service|receiver|receiver-page|receiver-view)$/.test(name) ? [] : extensionSources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });

  it('is the only way the extension reaches the network: no other module calls fetch itself', () => {
    const direct = [...extensionSources(join(ROOT, 'src')), ...extensionSources(join(ROOT, 'entrypoints'))]
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(ROOT, path)}:${i + 1}`, line })),
      )
      .filter(({ where, line }) => /(^|[^.\w])fetch\(/.test(line) && !/^\s*(\/\/|\*)/.test(line) && !where.startsWith('src/background/private-fetch.ts'));
    // The one raw call is the browser's fetch handed to privateFetch in the background's wiring.
    expect(direct.map((d) => d.where)).toEqual([expect.stringMatching(/^entrypoints\/background\.ts:\d+$/)]);
    expect(direct[0]!.line).toContain('privateFetch((url, init) => fetch(url, init))');
  });
});

describe('the reference municipality’s cache headers', () => {
  const personal = async (oldCacheHeader: boolean, testMode = true) => {
    const { app, state } = makeApp({ oldCacheHeader, testMode });
    const token = testMode ? (await tokenFor(app, 'thomas')).access : '';
    const docs = testMode
      ? ((await (await app.request('/citizen/v1/documents?limit=1000', { headers: bearer(token) })).json()) as { items: { content: { href?: string } }[] })
      : { items: [] };
    const pdf = docs.items.find((d) => d.content.href)?.content.href;
    const paths = [
      '/oauth/authorize?client_id=x',
      '/citizen/v1/me',
      '/citizen/v1/cases',
      '/citizen/v1/documents',
      '/citizen/v1/inbox',
      '/citizen/v1/nope',
      ...(pdf ? [pdf] : []),
    ];
    const headers: Record<string, string | null> = {};
    for (const path of paths) headers[path] = (await app.request(path, { headers: bearer(token) })).headers.get('Cache-Control');
    return { app, state, headers, pdf };
  };

  it('says no-store on the sign-in page, /me, every resource page, PDFs, inboxes and errors', async () => {
    const { headers, pdf } = await personal(false);
    expect(pdf).toBeDefined();
    for (const [path, header] of Object.entries(headers)) expect(header, path).toBe('no-store');
  });

  it('lets keys and discovery documents be cached as public', async () => {
    const { app } = makeApp();
    for (const path of ['/.well-known/jwks.json', '/.well-known/handlerum-recipient.json']) {
      expect((await app.request(path)).headers.get('Cache-Control'), path).toMatch(/^public, max-age=\d+$/);
    }
  });

  it('sends the old private, no-cache header only when a test asks for it', async () => {
    for (const header of Object.values((await personal(true)).headers)) expect(header).toBe('private, no-cache');
    const { state } = makeApp({ oldCacheHeader: true, testMode: false });
    expect(state.oldCacheHeader).toBe(false);
  });
});
