/**
 * The page manifest: the vault's authenticated list of its pages and of the version each must
 * carry. A page's tag proves its content; only the manifest can tell that a page is missing, or
 * that a genuine page is an older copy than the one last written. It is rewritten in the same
 * IndexedDB transaction as every page write, sealed under its own sub-key.
 *
 * Plaintext layout: u32 counter, u32 n, then n times: u8 key length, key (ASCII), u32 version,
 * u8 problem. `counter` is the version the next write gives its pages, so a page deleted and
 * written again never reuses a version an older copy of it could carry.
 */
import { open, seal } from '../crypto/aead';
import { framed } from '../crypto/bytes';
import type { VaultKeys } from '../crypto/keys';
import { VaultError } from '../errors';

export const MANIFEST_KEY = 'page-manifest';
export const MANIFEST_FORMAT = 1;

/**
 * What is known to be wrong with a page, kept in the manifest once the page has been written
 * over, so the report outlives the write until the user restores or discards it.
 */
export type PageProblem = 'none' | 'damaged' | 'missing' | 'rolled-back';
const PROBLEMS: readonly PageProblem[] = ['none', 'damaged', 'missing', 'rolled-back'];

export interface ManifestEntry {
  version: number;
  problem: PageProblem;
}

export interface PageManifest {
  counter: number;
  pages: Map<string, ManifestEntry>;
}

/** The manifest as stored in the `meta` table. */
export interface StoredManifest {
  v: number;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export const emptyManifest = (): PageManifest => ({ counter: 1, pages: new Map() });

const context = framed('handlerum/manifest/v1');

export function sealManifest(keys: VaultKeys, manifest: PageManifest): StoredManifest {
  if (manifest.counter > 0xffffffff) throw new RangeError('sealManifest: the write counter is exhausted');
  let size = 8;
  for (const key of manifest.pages.keys()) size += 1 + key.length + 5;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, manifest.counter);
  view.setUint32(4, manifest.pages.size);
  let at = 8;
  for (const [key, entry] of manifest.pages) {
    if (key.length > 255) throw new RangeError('sealManifest: page key too long');
    out[at++] = key.length;
    for (let i = 0; i < key.length; i++) out[at++] = key.charCodeAt(i); // keys are base64url and digits
    view.setUint32(at, entry.version);
    out[at + 4] = PROBLEMS.indexOf(entry.problem);
    at += 5;
  }
  const sealed = seal(keys.manifest, out, context);
  return { v: MANIFEST_FORMAT, nonce: sealed.nonce, ciphertext: sealed.ciphertext };
}

/**
 * `absent` when no manifest is stored, `invalid` when one is stored but fails its check or
 * does not parse. A manifest from a newer format is refused.
 */
export function openManifest(keys: VaultKeys, value: unknown): PageManifest | 'absent' | 'invalid' {
  if (value === undefined) return 'absent';
  const stored = value as Partial<StoredManifest> | null;
  if (typeof stored?.v === 'number' && stored.v > MANIFEST_FORMAT) throw new VaultError('vault-from-newer-version', `manifest format ${stored.v}`);
  if (stored?.v !== MANIFEST_FORMAT || !(stored.nonce instanceof Uint8Array) || !(stored.ciphertext instanceof Uint8Array)) return 'invalid';
  if (stored.nonce.length !== 24) return 'invalid';
  const plain = open(keys.manifest, { nonce: stored.nonce, ciphertext: stored.ciphertext }, context);
  return plain ? parse(plain) : 'invalid';
}

function parse(plain: Uint8Array): PageManifest | 'invalid' {
  if (plain.length < 8) return 'invalid';
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const manifest: PageManifest = { counter: view.getUint32(0), pages: new Map() };
  const count = view.getUint32(4);
  let at = 8;
  for (let i = 0; i < count; i++) {
    const length = plain[at];
    if (length === undefined || at + 1 + length + 5 > plain.length) return 'invalid';
    const key = String.fromCharCode(...plain.subarray(at + 1, at + 1 + length));
    at += 1 + length;
    const problem = PROBLEMS[plain[at + 4]!];
    if (!problem) return 'invalid';
    manifest.pages.set(key, { version: view.getUint32(at), problem });
    at += 5;
  }
  return at === plain.length ? manifest : 'invalid';
}

/** A copy to change inside a write; the cached manifest stays as it was should the write fail. */
export const copyManifest = (m: PageManifest): PageManifest => ({ counter: m.counter, pages: new Map(m.pages) });

/**
 * The problem of a page as the manifest and the stored row show it. A problem already recorded
 * in the manifest wins: it was seen before the page was written over.
 */
export function pageProblem(
  entry: ManifestEntry | undefined,
  row: { version?: number } | undefined,
  intact: boolean,
): PageProblem {
  if (entry && entry.problem !== 'none') return entry.problem;
  if (!row) return entry ? 'missing' : 'none';
  if (!intact) return 'damaged';
  return entry && (row.version ?? 0) === entry.version ? 'none' : 'rolled-back';
}
