/**
 * Which redirect URIs the sign-in accepts: a browser extension's identity redirect URL (Chrome:
 * https://<extension id>.chromiumapp.org/…, Firefox: https://<hash>.extensions.allizom.org/…)
 * or a loopback URL (for tools and tests). Everything else is refused, so a code can only ever
 * travel to the citizen's own browser or machine.
 */

const CHROME = /^[a-p]{32}\.chromiumapp\.org$/;
const FIREFOX = /^[a-z0-9]{16,64}\.extensions\.allizom\.org$/;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isAllowedRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash || value.includes('#')) return false;
  if (url.protocol === 'https:' && url.port === '') return CHROME.test(url.hostname) || FIREFOX.test(url.hostname);
  if (url.protocol === 'http:') return LOOPBACK.has(url.hostname);
  return false;
}

/** Origins allowed to call the API from a browser (the extension's own pages). */
export function isAllowedOrigin(origin: string): boolean {
  return /^chrome-extension:\/\/[a-p]{32}$/.test(origin) || /^moz-extension:\/\/[0-9a-f-]{36}$/.test(origin);
}
