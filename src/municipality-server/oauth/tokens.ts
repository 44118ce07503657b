/**
 * In-memory OAuth state: authorization codes bound to a PKCE challenge, client and redirect URI;
 * access tokens; rotating refresh tokens. Reusing a code or an old refresh token revokes every
 * token that came from it (RFC 9700 §2.2.2, §4.14). Refresh tokens expire when left unused, and
 * one sign-in's chain of them ends after the session lifetime however often it is used.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes, utf8 } from '../../shared/bytes';

export interface Grant {
  /** The citizen whose data the token reads. */
  readonly subject: string;
  /** Who signed in (the parent, when acting by custody; the representative, by a power of attorney). */
  readonly actor: string;
  readonly relation: 'self' | 'custody' | 'power-of-attorney';
  /** The power of attorney a representative's tokens rest on; checked again on every request. */
  readonly powerOfAttorneyId?: string;
  readonly clientId: string;
}

interface CodeState extends Grant {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly expiresAt: number;
  readonly family: string;
  used: boolean;
}

export interface AccessToken extends Grant {
  readonly expiresAt: number;
  readonly family: string;
}

interface RefreshState extends Grant {
  readonly family: string;
  readonly expiresAt: number;
  used: boolean;
}

/** When a sign-in's chain ends, and whether it was cut short. */
interface FamilyState {
  readonly endsAt: number;
  revoked: boolean;
}

export interface TokenLifetimes {
  readonly accessSeconds: number;
  /** A refresh token unused this long is dead. */
  readonly refreshSeconds: number;
  /** No token of one sign-in outlives this, counted from the sign-in. */
  readonly sessionSeconds: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type TokenError = 'invalid_grant' | 'invalid_request';

const randomToken = (): string => toBase64Url(randomBytes(32));

/** PKCE S256 (RFC 7636 §4.6). */
export function s256(verifier: string): string {
  return toBase64Url(sha256(utf8(verifier)));
}

export const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export class TokenStore {
  private readonly codes = new Map<string, CodeState>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshState>();
  private readonly families = new Map<string, FamilyState>();
  private nextSweep = 0;

  constructor(
    private readonly now: () => number,
    private readonly lifetimes: TokenLifetimes,
    private readonly codeTtlSeconds = 120,
  ) {}

  issueCode(grant: Grant, redirectUri: string, challenge: string): string {
    const code = randomToken();
    this.codes.set(code, {
      ...grant,
      redirectUri,
      challenge,
      expiresAt: this.now() + this.codeTtlSeconds * 1000,
      family: randomToken(),
      used: false,
    });
    return code;
  }

  redeemCode(code: string, clientId: string, redirectUri: string, verifier: string): IssuedTokens | TokenError {
    const state = this.codes.get(code);
    if (!state) return 'invalid_grant';
    if (state.used) {
      // A code used twice may have been stolen: revoke what the first use produced.
      this.revoke(state.family);
      return 'invalid_grant';
    }
    state.used = true;
    if (state.expiresAt < this.now()) return 'invalid_grant';
    if (state.clientId !== clientId || state.redirectUri !== redirectUri) return 'invalid_grant';
    if (!VERIFIER.test(verifier) || s256(verifier) !== state.challenge) return 'invalid_grant';
    return this.issue(state, this.startFamily(state.family));
  }

  refreshTokens(refreshToken: string, clientId: string): IssuedTokens | TokenError {
    const state = this.refresh.get(refreshToken);
    if (!state || !this.isLive(state.family)) return 'invalid_grant';
    if (state.used) {
      // Someone holds a token that was already exchanged: either it or its successor was stolen.
      this.revoke(state.family);
      return 'invalid_grant';
    }
    if (state.clientId !== clientId || state.expiresAt < this.now()) return 'invalid_grant';
    state.used = true;
    return this.issue(state, state.family);
  }

  /** Issues tokens without the browser flow (test mode only). */
  issueDirect(grant: Grant): IssuedTokens {
    return this.issue(grant, this.startFamily(randomToken()));
  }

  private startFamily(family: string): string {
    this.families.set(family, { endsAt: this.now() + this.lifetimes.sessionSeconds * 1000, revoked: false });
    return family;
  }

  private revoke(family: string): void {
    const state = this.families.get(family);
    if (state) state.revoked = true;
    else this.families.set(family, { endsAt: this.now() + this.lifetimes.sessionSeconds * 1000, revoked: true });
  }

  private isLive(family: string): boolean {
    const state = this.families.get(family);
    return state !== undefined && !state.revoked && state.endsAt >= this.now();
  }

  private issue(grant: Grant, family: string): IssuedTokens {
    this.sweep();
    const now = this.now();
    const endsAt = this.families.get(family)?.endsAt ?? now;
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const base: Grant = {
      subject: grant.subject,
      actor: grant.actor,
      relation: grant.relation,
      ...(grant.powerOfAttorneyId !== undefined ? { powerOfAttorneyId: grant.powerOfAttorneyId } : {}),
      clientId: grant.clientId,
    };
    const accessExpiresAt = Math.min(now + this.lifetimes.accessSeconds * 1000, endsAt);
    this.access.set(accessToken, { ...base, family, expiresAt: accessExpiresAt });
    this.refresh.set(refreshToken, { ...base, family, used: false, expiresAt: Math.min(now + this.lifetimes.refreshSeconds * 1000, endsAt) });
    return { accessToken, refreshToken, expiresIn: Math.max(0, Math.floor((accessExpiresAt - now) / 1000)) };
  }

  /**
   * Forgets what can no longer be used, at most once a minute. A used refresh token is kept
   * until it would have expired, so its reuse is still seen as theft; a family is kept while
   * any of its tokens is.
   */
  private sweep(): void {
    const now = this.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    // A used code stays while its sign-in does, so a late second use still revokes it.
    for (const [key, code] of this.codes) if (code.expiresAt < now && !(code.used && this.families.has(code.family))) this.codes.delete(key);
    for (const [key, token] of this.access) if (token.expiresAt < now) this.access.delete(key);
    for (const [key, token] of this.refresh) if (token.expiresAt < now) this.refresh.delete(key);
    for (const [key, family] of this.families) if (family.endsAt < now) this.families.delete(key);
  }

  /** The grant behind a bearer token, or undefined if unknown, expired or revoked. */
  authenticate(accessToken: string): AccessToken | undefined {
    const token = this.access.get(accessToken);
    if (!token || token.expiresAt < this.now() || !this.isLive(token.family)) return undefined;
    return token;
  }

  /** Ends one access token early (the refresh token stays valid), as an expiry would. */
  expireAccessToken(accessToken: string): void {
    this.access.delete(accessToken);
  }
}
