/**
 * In-memory OAuth state: authorization codes bound to a PKCE challenge, client and redirect URI;
 * access tokens; rotating refresh tokens. Reusing a code or an old refresh token revokes every
 * token that came from it (RFC 9700 §2.2.2, §4.14).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlEncode, utf8 } from '../../municipal/api/encoding';

export interface Grant {
  /** The citizen whose data the token reads. */
  readonly subject: string;
  /** Who signed in (the parent, when acting by custody). */
  readonly actor: string;
  readonly relation: 'self' | 'custody';
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
  used: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type TokenError = 'invalid_grant' | 'invalid_request';

const randomToken = (): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(32)));

/** PKCE S256 (RFC 7636 §4.6). */
export function s256(verifier: string): string {
  return base64urlEncode(sha256(utf8(verifier)));
}

export const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export class TokenStore {
  private readonly codes = new Map<string, CodeState>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshState>();
  private readonly revokedFamilies = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly accessTtlSeconds: number,
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
      this.revokedFamilies.add(state.family);
      return 'invalid_grant';
    }
    state.used = true;
    if (state.expiresAt < this.now()) return 'invalid_grant';
    if (state.clientId !== clientId || state.redirectUri !== redirectUri) return 'invalid_grant';
    if (!VERIFIER.test(verifier) || s256(verifier) !== state.challenge) return 'invalid_grant';
    return this.issue(state, state.family);
  }

  refreshTokens(refreshToken: string, clientId: string): IssuedTokens | TokenError {
    const state = this.refresh.get(refreshToken);
    if (!state || this.revokedFamilies.has(state.family)) return 'invalid_grant';
    if (state.used) {
      this.revokedFamilies.add(state.family);
      return 'invalid_grant';
    }
    if (state.clientId !== clientId) return 'invalid_grant';
    state.used = true;
    return this.issue(state, state.family);
  }

  /** Issues tokens without the browser flow (test mode only). */
  issueDirect(grant: Grant): IssuedTokens {
    return this.issue(grant, randomToken());
  }

  private issue(grant: Grant, family: string): IssuedTokens {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const base: Grant = { subject: grant.subject, actor: grant.actor, relation: grant.relation, clientId: grant.clientId };
    this.access.set(accessToken, { ...base, family, expiresAt: this.now() + this.accessTtlSeconds * 1000 });
    this.refresh.set(refreshToken, { ...base, family, used: false });
    return { accessToken, refreshToken, expiresIn: this.accessTtlSeconds };
  }

  /** The grant behind a bearer token, or undefined if unknown, expired or revoked. */
  authenticate(accessToken: string): AccessToken | undefined {
    const token = this.access.get(accessToken);
    if (!token || token.expiresAt < this.now() || this.revokedFamilies.has(token.family)) return undefined;
    return token;
  }

  /** Ends one access token early (the refresh token stays valid), as an expiry would. */
  expireAccessToken(accessToken: string): void {
    this.access.delete(accessToken);
  }
}
