/**
 * The page manifest: the vault's authenticated list of its pages and of the version each must
 * carry. A page's tag proves its content; only the manifest can tell that a page is missing, or
 * that a genuine page is an older copy than the one last written. It is rewritten in the same
 * IndexedDB transaction as every page write, sealed under its own sub-key.
 *
 * It has two levels, so that a write costs in proportion to the groups it touches, not to the
 * vault: a top manifest names every group with the version of the group's manifest, and each
 * group's manifest names its pages with their versions. Both are the same sealed list, bound to
 * their scope (`""` for the top, the group tag for a group) as associated data.
 *
 * Plaintext layout: u32 version, u8 lost, u32 n, then n times: u8 key length, key (ASCII),
 * u32 version, u8 problem. The top's version is the write counter: the version the next write
 * gives its pages, so a page deleted and written again never reuses a version an older copy of
 * it could carry. `lost` marks a group whose manifest was removed or replaced: pages of it may
 * be gone that cannot be named.
 */
import { open, seal } from '../crypto/aead';
import { framed } from '../crypto/bytes';
import type { VaultKeys } from '../crypto/keys';
import { VaultError } from '../errors';

/** Meta-table key of the top manifest; a group's manifest is stored under `${MANIFEST_KEY}:${group}`. */
export const MANIFEST_KEY = 'page-manifest';
/**
 * Format 2 is written since buckets have append segments (bucket-layout.ts); its layout is that
 * of format 1, which is still read. The number tells an older Handlerum, which would read a
 * bucket's base page only and miss its segments, to refuse the vault.
 */
export const MANIFEST_FORMAT = 2;
export const groupManifestKey = (group: string): string => `${MANIFEST_KEY}:${group}`;

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

export interface Manifest {
  version: number;
  lost: boolean;
  entries: Map<string, ManifestEntry>;
}

/** A manifest as stored in the `meta` table. */
export interface StoredManifest {
  v: number;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export const emptyManifest = (version: number): Manifest => ({ version, lost: false, entries: new Map() });

const context = (scope: string) => framed('handlerum/manifest/v1', scope);

export function sealManifest(keys: VaultKeys, scope: string, manifest: Manifest): StoredManifest {
  if (manifest.version > 0xffffffff) throw new RangeError('sealManifest: the write counter is exhausted');
  let size = 9;
  for (const key of manifest.entries.keys()) size += 1 + key.length + 5;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, manifest.version);
  out[4] = manifest.lost ? 1 : 0;
  view.setUint32(5, manifest.entries.size);
  let at = 9;
  for (const [key, entry] of manifest.entries) {
    if (key.length > 255) throw new RangeError('sealManifest: key too long');
    out[at++] = key.length;
    for (let i = 0; i < key.length; i++) out[at++] = key.charCodeAt(i); // tags are base64url, dots and digits
    view.setUint32(at, entry.version);
    out[at + 4] = PROBLEMS.indexOf(entry.problem);
    at += 5;
  }
  const sealed = seal(keys.manifest, out, context(scope));
  return { v: MANIFEST_FORMAT, nonce: sealed.nonce, ciphertext: sealed.ciphertext };
}

/**
 * `absent` when none is stored, `invalid` when one is stored but fails its check (changed, or
 * moved from another scope) or does not parse. A manifest from a newer format is refused.
 */
export function openManifest(keys: VaultKeys, scope: string, value: unknown): Manifest | 'absent' | 'invalid' {
  if (value === undefined) return 'absent';
  const stored = value as Partial<StoredManifest> | null;
  if (typeof stored?.v === 'number' && stored.v > MANIFEST_FORMAT) throw new VaultError('vault-from-newer-version', `manifest format ${stored.v}`);
  if ((stored?.v !== 1 && stored?.v !== MANIFEST_FORMAT) || !(stored.nonce instanceof Uint8Array) || !(stored.ciphertext instanceof Uint8Array))
    return 'invalid';
  if (stored.nonce.length !== 24) return 'invalid';
  const plain = open(keys.manifest, { nonce: stored.nonce, ciphertext: stored.ciphertext }, context(scope));
  return plain ? parse(plain) : 'invalid';
}

function parse(plain: Uint8Array): Manifest | 'invalid' {
  if (plain.length < 9 || plain[4]! > 1) return 'invalid';
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const manifest: Manifest = { version: view.getUint32(0), lost: plain[4] === 1, entries: new Map() };
  const count = view.getUint32(5);
  let at = 9;
  for (let i = 0; i < count; i++) {
    const length = plain[at];
    if (length === undefined || at + 1 + length + 5 > plain.length) return 'invalid';
    const key = String.fromCharCode(...plain.subarray(at + 1, at + 1 + length));
    at += 1 + length;
    const problem = PROBLEMS[plain[at + 4]!];
    if (!problem) return 'invalid';
    manifest.entries.set(key, { version: view.getUint32(at), problem });
    at += 5;
  }
  return at === plain.length ? manifest : 'invalid';
}

/** A copy to change inside a write; the cached manifest stays as it was should the write fail. */
export const copyManifest = (m: Manifest): Manifest => ({ version: m.version, lost: m.lost, entries: new Map(m.entries) });

/**
 * The problem of a page as the manifest and the stored row show it. A problem already recorded
 * in the manifest wins: it was seen before the page was written over.
 */
export function pageProblem(entry: ManifestEntry | undefined, row: { version?: number | undefined } | undefined, intact: boolean): PageProblem {
  if (entry && entry.problem !== 'none') return entry.problem;
  if (!row) return entry ? 'missing' : 'none';
  if (!intact) return 'damaged';
  return entry && (row.version ?? 0) === entry.version ? 'none' : 'rolled-back';
}
