/** Reads a municipality's discovery document and checks it names endpoints on its own origin. */
import { Discovery, Jwks } from '../api/schemas';
import { MunicipalError } from './errors';
import { HttpProblem, type MunicipalHttp } from './http';
import { isOnOrigin } from '../api/origin';

export const DISCOVERY_PATH = '/.well-known/citizen-data-api';

/**
 * @throws {MunicipalError} `municipality-not-supported` when the origin does not serve a Citizen
 * Data API, or names endpoints elsewhere (the host permission covers this origin only).
 */
export async function fetchDiscovery(http: MunicipalHttp, origin: string): Promise<Discovery> {
  let body: unknown;
  try {
    body = await http.json(`${origin}${DISCOVERY_PATH}`, { headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error instanceof HttpProblem) throw new MunicipalError('municipality-not-supported', `discovery: HTTP ${error.status}`);
    if (error instanceof MunicipalError && error.code === 'municipality-bad-response')
      throw new MunicipalError('municipality-not-supported', 'discovery is not JSON');
    throw error;
  }
  const parsed = Discovery.safeParse(body);
  if (!parsed.success) throw new MunicipalError('municipality-not-supported', 'not a discovery document');
  const d = parsed.data;
  const sameOrigin = [d.token_endpoint, d.jwks_uri, d.api_base].every((url) => isOnOrigin(url, origin));
  if (!sameOrigin) throw new MunicipalError('municipality-not-supported', 'endpoints on another origin');
  if (!/^https?:$/.test(new URL(d.authorization_endpoint).protocol)) throw new MunicipalError('municipality-not-supported', 'authorization endpoint');
  if (!d.code_challenge_methods_supported.includes('S256')) throw new MunicipalError('municipality-not-supported', 'no PKCE S256');
  return d;
}

/** @throws {MunicipalError} `municipality-bad-response` when the JWKS is not a set of Ed25519 keys. */
export async function fetchJwks(http: MunicipalHttp, url: string): Promise<Jwks> {
  let body: unknown;
  try {
    body = await http.json(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error instanceof HttpProblem) throw new MunicipalError('municipality-error', `jwks: HTTP ${error.status}`);
    throw error;
  }
  const parsed = Jwks.safeParse(body);
  if (!parsed.success) throw new MunicipalError('municipality-bad-response', 'not a JWKS');
  return parsed.data;
}
