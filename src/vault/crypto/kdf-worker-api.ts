/** What the KDF worker (entrypoints/kdf-worker.ts) exposes through Comlink. */
import { deriveKeyFromPassphrase } from './kdf';

export const kdfWorkerApi = { derive: deriveKeyFromPassphrase };
export type KdfWorkerApi = typeof kdfWorkerApi;
