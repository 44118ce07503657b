/**
 * Drives the background's vault through its one message API, from inside an extension page:
 * every call is `runtime.sendMessage` run by page.evaluate, exactly the path the UI takes, so
 * the router's sender check and argument schemas are exercised too. Works with a Playwright
 * page (Chromium) and a Puppeteer page (Firefox).
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { TRANSFER_CHUNK_BYTES, type ApiArgsOf, type ApiMethod, type ApiRequest, type ApiResponse, type ApiResult } from '../../../src/messaging/api';
import { deriveKeyFromPassphrase, newKdfParams, type KdfParams } from '../../../src/vault/crypto/kdf';
import type { ErrorCode } from '../../../src/messaging/errors';
import { fromBase64Url, toBase64Url } from '../../../src/shared/base64url';

/** Runs a self-contained function in the page (it is serialised: it may not close over anything). */
export type PageEvaluator = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

export const playwrightEvaluator =
  (page: PlaywrightPage): PageEvaluator =>
  (fn, arg) =>
    page.evaluate(fn as (arg: unknown) => Promise<never>, arg);

export const puppeteerEvaluator =
  (page: PuppeteerPage): PageEvaluator =>
  (fn, arg) =>
    page.evaluate(fn as (arg: unknown) => Promise<never>, arg);

/** Small Argon2id parameters: the tests prove behaviour, not KDF strength. */
export const TEST_KDF_BASE = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

export interface PassphraseKeyArgs {
  kdf: KdfParams;
  kek: string;
}

/** Derives a passphrase key in Node (as the page's KDF worker would), base64url for the API. */
export async function kekFor(passphrase: string, kdf: KdfParams): Promise<string> {
  return toBase64Url(await deriveKeyFromPassphrase(passphrase, kdf));
}

/** A fresh salt with the given parameters, and the key for `passphrase` under them. */
export async function passphraseKey(passphrase: string, base: Omit<KdfParams, 'salt'> = TEST_KDF_BASE): Promise<PassphraseKeyArgs> {
  const kdf = newKdfParams(base);
  return { kdf, kek: await kekFor(passphrase, kdf) };
}

export class VaultCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${method} failed: ${code}${detail ? ` (${detail})` : ''}`);
  }
}

export class VaultApi {
  constructor(private readonly evaluate: PageEvaluator) {}

  static playwright(page: PlaywrightPage): VaultApi {
    return new VaultApi(playwrightEvaluator(page));
  }

  static puppeteer(page: PuppeteerPage): VaultApi {
    return new VaultApi(puppeteerEvaluator(page));
  }

  /** The raw answer, `{ ok: true, value }` or `{ ok: false, error }`. */
  async call<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResponse<M>> {
    const request: ApiRequest<M> = { channel: 'handlerum-vault', method, args };
    return this.evaluate(async (message) => {
      // Firefox has the promise-based `browser`; Chromium's `chrome` returns promises in MV3.
      const scope = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const runtime = (scope.browser ?? scope.chrome)!.runtime;
      return (await runtime.sendMessage(message)) as ApiResponse<M>;
    }, request);
  }

  /** The value of a call that must succeed; throws a VaultCallError naming the code otherwise. */
  async ok<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResult<M>> {
    const response = await this.call(method, args);
    if (!response) throw new Error(`${method}: no answer from the background`);
    if (!response.ok) throw new VaultCallError(method, response.error.code, response.error.detail);
    return response.value;
  }

  /** The error code of a call that must fail; throws if it succeeded. */
  async errorOf<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ErrorCode> {
    const response = await this.call(method, args);
    if (!response) throw new Error(`${method}: no answer from the background`);
    if (response.ok) throw new Error(`${method} was expected to fail, but succeeded`);
    return response.error.code;
  }

  /** Makes a backup and reads it back part by part, as the vault page saves it to a file. */
  async downloadBackup(): Promise<{ file: Uint8Array; fileName: string }> {
    const transfer = await this.ok('backupCreate', {});
    const parts: Uint8Array[] = [];
    for (let index = 0; index < transfer.chunkCount; index++) {
      const { data } = await this.ok('backupRead', { transferId: transfer.transferId, index });
      parts.push(fromBase64Url(data));
    }
    const file = new Uint8Array(transfer.size);
    let at = 0;
    for (const part of parts) {
      file.set(part, at);
      at += part.length;
    }
    if (at !== transfer.size) throw new Error(`downloadBackup: got ${at} of ${transfer.size} bytes`);
    return { file, fileName: transfer.fileName };
  }

  /** Hands a backup file to the background part by part; returns the transfer to finish. */
  async uploadBackup(file: Uint8Array): Promise<string> {
    const { transferId, chunkCount } = await this.ok('restoreBegin', { size: file.length });
    for (let index = 0; index < chunkCount; index++) {
      const part = file.subarray(index * TRANSFER_CHUNK_BYTES, (index + 1) * TRANSFER_CHUNK_BYTES);
      await this.ok('restoreWrite', { transferId, index, data: toBase64Url(part) });
    }
    return transferId;
  }

  /**
   * Derives a passphrase key inside the extension, in its own KDF worker (kdf-worker.js), the
   * way the vault page does: the passphrase then passes through the browser as in real use.
   * Speaks Comlink's message format directly, since the test cannot import into the page.
   */
  async deriveKeyInBrowser(passphrase: string, kdf: KdfParams): Promise<string> {
    const bytes = await this.evaluate(
      async ({ passphrase, kdf }) => {
        const scope = globalThis as unknown as {
          browser?: { runtime: { getURL(path: string): string } };
          chrome?: { runtime: { getURL(path: string): string } };
        };
        const worker = new Worker((scope.browser ?? scope.chrome)!.runtime.getURL('/kdf-worker.js'));
        try {
          const reply = await new Promise<{ type: string; value: unknown }>((resolve, reject) => {
            worker.onmessage = (event) => resolve(event.data as { type: string; value: unknown });
            worker.onerror = (event) => reject(new Error(`kdf worker: ${event.message}`));
            worker.postMessage({
              id: 'derive',
              type: 'APPLY',
              path: ['derive'],
              argumentList: [
                { type: 'RAW', value: passphrase },
                { type: 'RAW', value: kdf },
              ],
            });
          });
          if (reply.type !== 'RAW') throw new Error('kdf worker: derivation failed');
          return Array.from(reply.value as Uint8Array);
        } finally {
          worker.terminate();
        }
      },
      { passphrase, kdf },
    );
    return toBase64Url(Uint8Array.from(bytes));
  }
}

/** Records in a stable order, for comparing a vault's contents before and after. */
export const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
