/**
 * OAuth 2 authorization code with PKCE (S256) for a public client — the extension — and refresh
 * tokens, which the municipality rotates: the new one must be stored before the old one is lost.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { TokenResponse } from '../api/schemas';
import type { OAuthTokens } from '../../records/municipal/index';
import { MunicipalError } from './errors';
import { HttpProblem, type MunicipalHttp } from './http';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes, utf8 } from '../../shared/bytes';

export const CLIENT_ID = 'handlerum-extension';
export const SCOPE = 'citizen-data';

export interface AuthorizationRequest {
  url: string;
  state: string;
  verifier: string;
}

const randomText = (bytes: number): string => toBase64Url(randomBytes(bytes));

/** A fresh verifier (43 characters of 256 random bits), state and the authorization URL. */
export function authorizationRequest(authorizationEndpoint: string, redirectUri: string, clientId = CLIENT_ID): AuthorizationRequest {
  const verifier = randomText(32);
  const state = randomText(16);
  const url = new URL(authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: toBase64Url(sha256(utf8(verifier))),
    code_challenge_method: 'S256',
    scope: SCOPE,
    state,
  }).toString();
  return { url: url.toString(), state, verifier };
}

/**
 * The code from the URL the sign-in redirected to.
 * @throws {MunicipalError} `sign-in-cancelled` when the citizen declined; `municipality-bad-response`
 * for a wrong state or a missing code.
 */
export function codeFromRedirect(redirectedTo: string, expectedState: string): string {
  let url: URL;
  try {
    url = new URL(redirectedTo);
  } catch {
    throw new MunicipalError('municipality-bad-response', 'redirect is not a URL');
  }
  const params = url.searchParams;
  if (params.get('state') !== expectedState) throw new MunicipalError('municipality-bad-response', 'state does not match');
  const error = params.get('error');
  if (error === 'access_denied') throw new MunicipalError('sign-in-cancelled', 'access denied');
  if (error) throw new MunicipalError('municipality-bad-response', `authorization error ${error}`);
  const code = params.get('code');
  if (!code) throw new MunicipalError('municipality-bad-response', 'no code');
  return code;
}

async function tokenRequest(http: MunicipalHttp, tokenEndpoint: string, form: Record<string, string>, now: number): Promise<OAuthTokens> {
  let body: unknown;
  try {
    body = await http.json(tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    // invalid_grant: the code or refresh token is used, expired or revoked: sign in again.
    if (error instanceof HttpProblem) throw new MunicipalError('sign-in-required', `token endpoint: ${error.code}`);
    throw error;
  }
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) throw new MunicipalError('municipality-bad-response', 'not a token response');
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: now + parsed.data.expires_in * 1000,
  };
}

export function exchangeCode(
  http: MunicipalHttp,
  tokenEndpoint: string,
  args: { code: string; verifier: string; redirectUri: string; clientId?: string },
  now: number,
): Promise<OAuthTokens> {
  return tokenRequest(
    http,
    tokenEndpoint,
    { grant_type: 'authorization_code', code: args.code, code_verifier: args.verifier, redirect_uri: args.redirectUri, client_id: args.clientId ?? CLIENT_ID },
    now,
  );
}

export function refreshTokens(http: MunicipalHttp, tokenEndpoint: string, refreshToken: string, now: number, clientId = CLIENT_ID): Promise<OAuthTokens> {
  return tokenRequest(http, tokenEndpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }, now);
}
