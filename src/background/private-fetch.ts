/**
 * The one door for every request the extension makes (municipal discovery, keys, pages, PDFs,
 * tokens, inbox, revocations; recipients' well-known files and endpoints): nothing it fetches
 * may land in the browser's HTTP cache on disk, whatever the server says. A server's
 * `Cache-Control: private, no-cache` still lets Chromium (Default/Cache/Cache_Data) and Firefox
 * (cache2/entries) keep the answer in the clear; the request's `no-store` mode keeps them from
 * writing it (and from answering from an older copy), in both. No cookies go either way.
 */
import type { FetchLike } from '../municipal/connector/http';

export function privateFetch(fetch: FetchLike): FetchLike {
  return (url, init = {}) => fetch(url, { ...init, cache: 'no-store', credentials: 'omit' });
}
