/**
 * Turns what the user typed into a passphrase key, in a worker (Argon2id takes most of a
 * second and 64 MiB). Only the derived key leaves the page, never the passphrase.
 */
import { wrap } from 'comlink';
import { browser } from 'wxt/browser';
import type { KdfWorkerApi } from '../vault/crypto/kdf-worker-api';
import type { KdfParams } from '../vault/crypto/kdf';
import { VaultError } from '../messaging/errors';
import { toBase64Url } from '../shared/base64url';

export async function derivePassphraseKey(passphrase: string, kdf: KdfParams): Promise<string> {
  const worker = new Worker(browser.runtime.getURL('/kdf-worker.js'));
  // A worker that fails to load or dies (e.g. out of memory) never answers Comlink: say so instead of waiting forever.
  const failed = new Promise<never>((_, reject) => {
    const fail = (event: Event) => reject(new VaultError('key-derivation-failed', event.type));
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  });
  try {
    const kek = await Promise.race([wrap<KdfWorkerApi>(worker).derive(passphrase, kdf), failed]);
    return toBase64Url(kek);
  } catch (error) {
    throw error instanceof VaultError ? error : new VaultError('key-derivation-failed', (error as Error)?.name ?? 'Error');
  } finally {
    worker.terminate();
  }
}
