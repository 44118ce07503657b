/**
 * SHA-256 for the record digests of a sync. A first sync hashes every record it receives, a few
 * hundred bytes each, where hash-wasm's WebAssembly runs about three times as fast as JavaScript;
 * where WebAssembly may not run, @noble/hashes gives the same digests.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { createSHA256 } from 'hash-wasm';
import type { HashFunction } from '../api/signature';
import { bestEffort } from '../../shared/best-effort';

let ready: Promise<HashFunction> | undefined;

async function load(): Promise<HashFunction> {
  let wasm: HashFunction | null = null;
  await bestEffort(
    createSHA256().then((hasher) => {
      // One hasher, used synchronously from start to digest, so calls never interleave.
      wasm = (bytes) => hasher.init().update(bytes).digest('binary');
    }),
    'the JavaScript SHA-256 gives the same digests',
  );
  return wasm ?? sha256;
}

/** The fastest SHA-256 this platform runs, made once. */
export const recordHash = (): Promise<HashFunction> => (ready ??= load());
