/**
 * A municipality is named by its origin. Only https is accepted, except on the loopback
 * interface (a reference server on the citizen's own machine, and tests).
 */
import { MunicipalError } from './errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origin of what the user typed ("kommune.dk", "https://kommune.dk/", a pasted link).
 * @throws {MunicipalError} `invalid-address`
 */
export function municipalityOrigin(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new MunicipalError('invalid-address', 'not a URL');
  }
  if (url.username || url.password) throw new MunicipalError('invalid-address', 'credentials in the address');
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url.origin;
  throw new MunicipalError('invalid-address', 'https only (http on loopback)');
}

/**
 * The host permission pattern to request for an origin. Match patterns carry no port in Firefox
 * (and a port-less pattern covers every port in Chrome), so the port is left out.
 */
export function hostPermissionPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** True when `url` is on `origin` (endpoints must be: the permission covers only that host). */
export function isOnOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
