/**
 * Turns what the user typed into a passphrase key, in a worker (Argon2id takes most of a
 * second and 64 MiB). Only the derived key leaves the page, never the passphrase.
 */
import { wrap } from 'comlink';
import { browser } from 'wxt/browser';
import type { KdfWorkerApi } from '../vault/crypto/kdf-worker-api';
import { toBase64Url } from '../vault/crypto/bytes';
import type { KdfParams } from '../vault/crypto/kdf';

export async function derivePassphraseKey(passphrase: string, kdf: KdfParams): Promise<string> {
  const worker = new Worker(browser.runtime.getURL('/kdf-worker.js'));
  try {
    const kek = await wrap<KdfWorkerApi>(worker).derive(passphrase, kdf);
    return toBase64Url(kek);
  } finally {
    worker.terminate();
  }
}
