/** OAuth 2 authorization code flow with PKCE (S256) for public clients, and refresh tokens. */
import { Hono, type Context } from 'hono';
import { LEA_ID, METTE_ID } from '../data/personas/family';
import { PERSONAS } from '../data/catalog';
import { formFields, queryFields } from '../form';
import { errorPage, LOGIN_CHOICES, loginPage } from '../oauth/login-page';
import { grantOfPowerChoice, powerChoices } from '../oauth/power-choices';
import type { ExtensionRegistry } from '../oauth/redirect-uri';
import type { IssuedTokens, TokenError } from '../oauth/tokens';
import type { MunicipalityState } from '../state';
import type { OAuthError, TokenResponse } from '../../municipal/api/schemas';

const SCOPE = 'citizen-data';
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const FORWARDED = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope'] as const;

type AuthorizeCheck = { ok: true; params: Record<string, string> } | { ok: false; page: string } | { ok: false; redirect: string };

/** Validates an authorization request: errors before the redirect URI is trusted are shown, never redirected. */
function checkAuthorize(input: Record<string, string | undefined>, extensions: ExtensionRegistry): AuthorizeCheck {
  const clientId = input.client_id ?? '';
  const redirectUri = input.redirect_uri ?? '';
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(clientId)) return { ok: false, page: 'Ugyldig eller manglende client_id.' };
  if (!extensions.isAllowedRedirectUri(redirectUri)) return { ok: false, page: 'Adressen, der skal sendes tilbage til (redirect_uri), er ikke tilladt.' };
  const fail = (error: string, description: string) => {
    const url = new URL(redirectUri);
    url.searchParams.set('error', error);
    url.searchParams.set('error_description', description);
    if (input.state) url.searchParams.set('state', input.state);
    return { ok: false as const, redirect: url.toString() };
  };
  if (input.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (input.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!CHALLENGE.test(input.code_challenge ?? '')) return fail('invalid_request', 'code_challenge must be a base64url SHA-256');
  if (input.scope && !input.scope.split(' ').every((s) => s === SCOPE)) return fail('invalid_scope', `only ${SCOPE} is offered`);
  const params: Record<string, string> = {};
  for (const key of FORWARDED) if (input[key] !== undefined) params[key] = input[key]!;
  return { ok: true, params };
}

function oauthError(c: Context, error: OAuthError['error'], description: string): Response {
  const body: OAuthError = { error, error_description: description };
  return c.json(body, 400, { 'Cache-Control': 'no-store' });
}

function tokenResponse(c: Context, issued: IssuedTokens | TokenError): Response {
  if (typeof issued === 'string') return oauthError(c, issued, 'the grant is invalid, expired, used or does not match');
  const body: TokenResponse = {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    scope: SCOPE,
  };
  return c.json(body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

export function oauthRoutes(state: MunicipalityState): Hono {
  const app = new Hono();

  app.get('/authorize', (c) => {
    const query = queryFields(c);
    if (!query) return c.html(errorPage('En parameter er angivet flere gange.'), 400);
    const check = checkAuthorize(query, state.extensions);
    if (check.ok) {
      const nameOf = (id: string) => state.catalog.get(id).citizen.name.full;
      return c.html(
        loginPage(
          check.params,
          state.testMode,
          powerChoices(state.powers, state.currentDay(), nameOf, (code) => state.mainGroupTitle(code)),
        ),
      );
    }
    if ('page' in check) return c.html(errorPage(check.page), 400);
    return c.redirect(check.redirect, 302);
  });

  app.post('/authorize', async (c) => {
    const input = await formFields(c);
    if (!input) return c.html(errorPage('Formularen kunne ikke læses.'), 400);
    const check = checkAuthorize(input, state.extensions);
    if (!check.ok) return 'page' in check ? c.html(errorPage(check.page), 400) : c.redirect(check.redirect, 302);
    const byPower = grantOfPowerChoice(input.login ?? '', state.powers, state.currentDay(), check.params.client_id!);
    if (byPower && !byPower.ok) return c.html(errorPage(byPower.message), 400);
    let grant = byPower?.grant;
    if (!grant) {
      const choice = LOGIN_CHOICES.find((ch) => ch.value === input.login);
      if (!choice) return c.html(errorPage('Vælg en person på listen.'), 400);
      const [actor, subject = actor] = choice.value.split('>') as [string, string?];
      grant = { subject: subject!, actor, relation: subject === actor ? 'self' : 'custody', clientId: check.params.client_id! };
    }
    const code = state.tokens.issueCode(grant, check.params.redirect_uri!, check.params.code_challenge!);
    const url = new URL(check.params.redirect_uri!);
    url.searchParams.set('code', code);
    if (check.params.state) url.searchParams.set('state', check.params.state);
    return c.redirect(url.toString(), 302);
  });

  app.post('/token', async (c) => {
    const form = await formFields(c);
    if (!form) return oauthError(c, 'invalid_request', 'send a UTF-8 application/x-www-form-urlencoded body');
    const field = (name: string) => form[name] ?? '';
    const clientId = field('client_id');
    if (!clientId) return oauthError(c, 'invalid_request', 'client_id is required');
    switch (field('grant_type')) {
      case 'authorization_code': {
        if (!field('code') || !field('redirect_uri') || !field('code_verifier')) {
          return oauthError(c, 'invalid_request', 'code, redirect_uri and code_verifier are required');
        }
        return tokenResponse(c, state.tokens.redeemCode(field('code'), clientId, field('redirect_uri'), field('code_verifier')));
      }
      case 'refresh_token': {
        if (!field('refresh_token')) return oauthError(c, 'invalid_request', 'refresh_token is required');
        return tokenResponse(c, state.tokens.refreshTokens(field('refresh_token'), clientId));
      }
      default:
        return oauthError(c, 'unsupported_grant_type', 'use authorization_code or refresh_token');
    }
  });

  return app;
}

/** Who may be signed in as whom, for direct (test-mode) tokens too. */
export function mayActFor(actor: string, subject: string): boolean {
  if (actor === subject) return PERSONAS.some((p) => p.id === actor && p.selfSignIn);
  return actor === METTE_ID && subject === LEA_ID;
}
