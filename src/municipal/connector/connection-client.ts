/**
 * Requests on behalf of one connection: adds the access token, refreshes it when it is about to
 * expire or is refused, and stores rotated tokens in the vault at once (a refresh token works
 * only once, so losing the new one would mean signing in again).
 */
import { municipalConnectionKind, type MunicipalConnectionData } from '../../records/municipal/index';
import { VaultError } from '../../vault/errors';
import { MunicipalError } from './errors';
import type { RecordStore } from '../../vault/record-store';
import { HttpProblem, type MunicipalHttp } from './http';
import { refreshTokens } from './oauth';
import { powerRefusal } from './power-refusals';
import { isOnOrigin } from '../api/origin';

/** An access token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

export interface ConnectionClientOptions {
  records: () => RecordStore;
  http: MunicipalHttp;
  now: () => number;
  profileId: string;
  connectionId: string;
}

/** A page fetched ahead: its body, the error `getJson` would have thrown, or null to ask again. */
export type Prefetched = { body: unknown } | { error: unknown } | null;

export class ConnectionClient {
  constructor(
    private readonly options: ConnectionClientOptions,
    /** The connection as last stored. */
    public conn: MunicipalConnectionData,
  ) {}

  /** Loads a connection. @throws {VaultError} `record-not-found` */
  static async load(options: ConnectionClientOptions): Promise<ConnectionClient> {
    const stored = await options.records().get(options.profileId, municipalConnectionKind, options.connectionId);
    if (!stored) throw new VaultError('record-not-found', 'no such connection');
    return new ConnectionClient(options, stored.data);
  }

  get http(): MunicipalHttp {
    return this.options.http;
  }

  /** The write that stores `conn` (to put in a larger atomic write); call `adopt` after it landed. */
  putOp(conn: MunicipalConnectionData) {
    return { op: 'put' as const, profileId: this.options.profileId, kind: municipalConnectionKind.name, id: this.options.connectionId, data: conn };
  }

  adopt(conn: MunicipalConnectionData): void {
    this.conn = conn;
  }

  async save(conn: MunicipalConnectionData): Promise<void> {
    await this.options.records().write([this.putOp(conn)]);
    this.conn = conn;
  }

  async refresh(): Promise<void> {
    const tokens = this.conn.tokens;
    if (!tokens) throw new MunicipalError('sign-in-required', 'no tokens');
    try {
      const next = await refreshTokens(this.options.http, this.conn.endpoints.token, tokens.refreshToken, this.options.now(), this.conn.clientId);
      await this.save({ ...this.conn, tokens: next });
    } catch (error) {
      if (error instanceof MunicipalError && error.code === 'sign-in-required') await this.save({ ...this.conn, tokens: null });
      throw error;
    }
  }

  /**
   * Calls with the access token; on a 401 refreshes once and retries, then asks for a new sign-in.
   * A refusal of a representative's power of attorney comes back as its own MunicipalError code.
   */
  async authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await this.authorizedOnce(call);
    } catch (error) {
      throw powerRefusal(error) ?? error;
    }
  }

  private async authorizedOnce<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    if (!this.conn.tokens) throw new MunicipalError('sign-in-required', 'no tokens');
    if (this.conn.tokens.expiresAt - EXPIRY_MARGIN_MS <= this.options.now()) await this.refresh();
    try {
      return await call(this.conn.tokens!.accessToken);
    } catch (error) {
      if (!(error instanceof HttpProblem && error.status === 401)) throw error;
    }
    await this.refresh();
    try {
      return await call(this.conn.tokens!.accessToken);
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 401) throw new MunicipalError('sign-in-required', 'refused after a refresh');
      throw error;
    }
  }

  getJson(url: string): Promise<unknown> {
    return this.authorized((token) => this.options.http.json(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }));
  }

  /**
   * Starts fetching a page the caller will ask for next, so that the network works while the
   * caller verifies and stores the page before it. It is the same request `getJson` would make,
   * only earlier, and its failure is the same failure, carried to the caller to throw, except
   * where a token refresh is needed: a refresh rotates the tokens and must not run beside another
   * request, so then (and for a token about to expire) it gives null, and the caller asks with
   * `getJson` in turn.
   */
  prefetchJson(url: string): Promise<Prefetched> | null {
    const tokens = this.conn.tokens;
    if (!tokens || tokens.expiresAt - EXPIRY_MARGIN_MS <= this.options.now()) return null;
    return this.options.http.json(url, { headers: { Authorization: `Bearer ${tokens.accessToken}`, Accept: 'application/json' } }).then(
      (body) => ({ body }),
      (error: unknown) => (error instanceof HttpProblem && error.status === 401 ? null : { error: powerRefusal(error) ?? error }),
    );
  }

  /** A file on the municipality's origin (a document's PDF), at most `maxBytes` long. */
  getBytes(href: string, maxBytes: number): Promise<Uint8Array> {
    const url = new URL(href, this.conn.origin).toString();
    if (!isOnOrigin(url, this.conn.origin)) return Promise.reject(new MunicipalError('municipality-bad-response', 'file on another origin'));
    return this.authorized((token) => this.options.http.bytes(url, { headers: { Authorization: `Bearer ${token}` } }, maxBytes));
  }
}
