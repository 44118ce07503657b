/**
 * The sync's baseline: /me and every feed to its end, page by page, with fetch and JSON.parse only,
 * at the page size the extension asks for. Runs in Node (the citizen benchmark) and in the bench page.
 */
import { RESOURCES } from '../src/municipal/api/schemas';

export interface FetchFigures {
  ms: number;
  items: number;
  pages: number;
  bytes: number;
  /** Each feed's last sync token: where a re-sync with nothing new asks from. */
  tokens: Record<string, string>;
}

export async function fetchEveryPage(apiBase: string, maxPageSize: number, accessToken: string): Promise<FetchFigures> {
  // The page size the extension asks for (see connectionFor in the connector).
  const limit = String(Math.min(1000, maxPageSize));
  const headers = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  let items = 0;
  let pages = 0;
  let bytes = 0;
  const get = async (url: string) => {
    const response = await fetch(url, { headers, credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    const text = await response.text();
    bytes += text.length;
    pages++;
    return JSON.parse(text) as { items?: unknown[]; nextCursor?: string | null; syncToken?: string };
  };
  const tokens: Record<string, string> = {};
  const start = performance.now();
  await get(`${apiBase}/me`);
  for (const resource of RESOURCES) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit });
      if (cursor !== null) query.set('cursor', cursor);
      const page = await get(`${apiBase}/${resource}?${query}`);
      items += page.items?.length ?? 0;
      cursor = page.nextCursor ?? null;
      if (page.syncToken !== undefined) tokens[resource] = page.syncToken;
    } while (cursor !== null);
  }
  return { ms: performance.now() - start, items, pages, bytes, tokens };
}

/** The re-sync's baseline: /me and each feed's one page from its last sync token, which brings nothing new. */
export async function fetchQuietPages(apiBase: string, maxPageSize: number, accessToken: string, tokens: Record<string, string>): Promise<number> {
  const limit = String(Math.min(1000, maxPageSize));
  const headers = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  const get = async (url: string) => {
    const response = await fetch(url, { headers, credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return JSON.parse(await response.text()) as unknown;
  };
  const start = performance.now();
  await get(`${apiBase}/me`);
  for (const resource of RESOURCES) await get(`${apiBase}/${resource}?${new URLSearchParams({ limit, cursor: tokens[resource] ?? '' })}`);
  return performance.now() - start;
}
