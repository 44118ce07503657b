/**
 * HTTP to a municipality, with the failures a sync must tell apart turned into typed errors:
 * the network (`municipality-unreachable`), the server (`municipality-error`, after a few
 * retries with backoff), an unreadable answer (`municipality-bad-response`). A 401 and a
 * problem the sync handles itself (410, 400 invalid-cursor) come back as `HttpProblem`.
 */
import { MunicipalError } from './errors';
import { bestEffort } from '../../shared/best-effort';
import { CodedError } from '../../shared/coded-error';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Further attempts after a 5xx. */
  retries?: number;
  /** First backoff; it doubles with each retry. */
  backoffMs?: number;
}

/** A 4xx answer, with the problem code from its problem+json body when it has one. */
export class HttpProblem extends CodedError<string> {
  override readonly name = 'HttpProblem';
  readonly status: number;
  constructor(code: string, detail: string, options: { status: number; cause?: unknown }) {
    super(code, detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}

/**
 * The HTTP status of the municipality's answer behind an error: the error's own, or that of an
 * error it was caused by; undefined when no answer came (a network failure, a bad receipt).
 */
export function httpStatusOf(error: unknown): number | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof HttpProblem) return e.status;
    if (e instanceof MunicipalError && e.status !== undefined) return e.status;
  }
  return undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class MunicipalHttp {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(private readonly options: HttpOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** Sends a request; retries 5xx answers; never retries a network failure (the sync stops and resumes later). */
  async send(url: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.options.fetch(url, { ...init, credentials: 'omit' });
      } catch (cause) {
        throw new MunicipalError('municipality-unreachable', 'network error', { cause });
      }
      if (response.status < 500) return response;
      await bestEffort(response.body?.cancel(), 'only frees the connection before the retry');
      if (attempt >= this.retries) throw new MunicipalError('municipality-error', `HTTP ${response.status}`, { status: response.status });
      await this.sleep(this.backoffMs * 2 ** attempt);
    }
  }

  /** The body of a 2xx answer as parsed JSON; a 4xx becomes an `HttpProblem`. */
  async json(url: string, init: RequestInit = {}): Promise<unknown> {
    const response = await this.send(url, init);
    if (response.status >= 400) throw await problemOf(response);
    if (response.status < 200 || response.status >= 300)
      throw new MunicipalError('municipality-bad-response', `HTTP ${response.status}`, { status: response.status });
    return readJson(response);
  }

  /** The body of a 2xx answer as bytes, refusing more than `maxBytes`. */
  async bytes(url: string, init: RequestInit, maxBytes: number): Promise<Uint8Array> {
    const response = await this.send(url, init);
    if (response.status >= 400) throw await problemOf(response);
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (cause) {
      throw new MunicipalError('municipality-unreachable', 'the connection broke while reading', { cause });
    }
    if (body.byteLength > maxBytes) throw new MunicipalError('municipality-bad-response', 'larger than announced');
    return new Uint8Array(body);
  }
}

export async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new MunicipalError('municipality-unreachable', 'the connection broke while reading', { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MunicipalError('municipality-bad-response', 'malformed JSON', { cause });
  }
}

async function problemOf(response: Response): Promise<HttpProblem> {
  let code = 'unknown';
  try {
    const body = (await response.json()) as { code?: unknown; error?: unknown };
    if (typeof body.code === 'string') code = body.code;
    else if (typeof body.error === 'string') code = body.error;
  } catch {
    // Not JSON: the status alone has to do.
  }
  return new HttpProblem(code, `HTTP ${response.status}`, { status: response.status });
}
