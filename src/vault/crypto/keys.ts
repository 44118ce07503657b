/**
 * Key hierarchy. One random 256-bit data key per vault; everything else is derived from it with
 * HKDF-SHA256 under fixed labels, so one key unwrap opens the whole vault and the sub-keys are
 * independent (a leaked page tag key does not reveal the encryption key).
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_LENGTH, open, seal, type Sealed } from './aead';
import { framed, framedScratch } from './bytes';
import { HmacSha256 } from './hmac-sha256';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes, utf8 } from '../../shared/bytes';

export interface VaultKeys {
  /** Seals format 1 and 2 pages of records (XChaCha20-Poly1305). */
  readonly encryption: Uint8Array;
  /** HKDF input of the per-write AES-256-GCM keys that seal format 3 pages' frames (page-format3.ts). */
  readonly pageFrames: Uint8Array;
  /** Per-record MACs of format 1 and 2 pages, which keep a damaged record from spoiling its neighbours. */
  readonly recordMac: Uint8Array;
  /** Keyed hashes that stand in for profile ids, kinds and record ids outside the ciphertext. */
  readonly tags: Uint8Array;
  /** Seals backup files. */
  readonly backup: Uint8Array;
  /** Seals the page manifest: which pages exist, and the version each must carry. */
  readonly manifest: Uint8Array;
}

export const newDataKey = (): Uint8Array => randomBytes(KEY_LENGTH);

export function deriveVaultKeys(dataKey: Uint8Array): VaultKeys {
  if (dataKey.length !== KEY_LENGTH) throw new RangeError('deriveVaultKeys: data key must be 32 bytes');
  const sub = (label: string) => hkdf(sha256, dataKey, undefined, utf8(`handlerum ${label} v1`), KEY_LENGTH);
  return {
    encryption: sub('page-encryption'),
    pageFrames: sub('page-frames'),
    recordMac: sub('record-mac'),
    tags: sub('index-tags'),
    backup: sub('backup'),
    manifest: sub('page-manifest'),
  };
}

// The tag and record-MAC keys each hash thousands of short messages: their HMAC states are
// computed once per key (hmac-sha256.ts). Entries go when the key is wiped (wipeVaultKeys).
const preparedHmacs = new WeakMap<Uint8Array, HmacSha256>();

function prepared(key: Uint8Array): HmacSha256 {
  let mac = preparedHmacs.get(key);
  if (!mac) preparedHmacs.set(key, (mac = new HmacSha256(key)));
  return mac;
}

/** HMAC-SHA256 of `message`, truncated to `length` bytes when asked. */
export const hmacSha256 = (key: Uint8Array, message: Uint8Array, length = 32): Uint8Array => prepared(key).mac(message, length);

/** HMAC-SHA256 of the parts as `framed` lays them out, without allocating the framed message. */
export function hmacSha256Framed(key: Uint8Array, length: number, ...parts: (Uint8Array | string)[]): Uint8Array {
  const message = framedScratch(parts);
  const mac = prepared(key).mac(message, length);
  message.fill(0); // it held a record's plaintext
  return mac;
}

/** Overwrites every sub-key and forgets the HMAC states prepared from them. */
export function wipeVaultKeys(keys: VaultKeys): void {
  for (const key of [keys.encryption, keys.pageFrames, keys.recordMac, keys.tags, keys.backup, keys.manifest]) {
    preparedHmacs.get(key)?.destroy();
    preparedHmacs.delete(key);
    key.fill(0);
  }
}

/** A keyed, truncated hash: equal inputs give equal tags, and nothing else can be learned. */
export function keyedTag(key: Uint8Array, ...parts: string[]): Uint8Array {
  return hmacSha256Framed(key, 16, ...parts);
}

const TAG_LENGTH = 16;
const TAGS_PER_BUFFER = 256;

/**
 * `keyedTag(key, ...prefix, last)` for many values of `last` under one prefix (the id tags of a
 * write share "id" ‖ profile ‖ kind): the prefix is framed once, and each tag frames only its
 * last part after it. The tags are keyedTag's, byte for byte. The prefix is too short to fill a
 * hash block (64 bytes) for any profile and kind of this product, so no compression is shared.
 */
export function keyedTagsUnder(key: Uint8Array, ...prefix: string[]): (last: string) => Uint8Array {
  const head = framed(...prefix);
  let message = new Uint8Array(head.length + 4 + 64);
  message.set(head);
  // The tags are views of shared buffers: a write of 100,000 records would otherwise leave as
  // many small buffers to the garbage collector. Tags are no secret (every page index holds them).
  let tags = new Uint8Array(0);
  let used = 0;
  return (last) => {
    const length = head.length + 4 + last.length;
    if (length > message.length) {
      message = new Uint8Array(length);
      message.set(head);
    }
    message[head.length] = last.length >>> 24;
    message[head.length + 1] = (last.length >>> 16) & 0xff;
    message[head.length + 2] = (last.length >>> 8) & 0xff;
    message[head.length + 3] = last.length & 0xff;
    for (let i = 0; i < last.length; i++) {
      const code = last.charCodeAt(i);
      if (code > 0x7f) return keyedTag(key, ...prefix, last); // framed as UTF-8
      message[head.length + 4 + i] = code;
    }
    if (used === tags.length) {
      tags = new Uint8Array(TAG_LENGTH * TAGS_PER_BUFFER);
      used = 0;
    }
    const at = used;
    used += TAG_LENGTH;
    prepared(key).macInto(tags, at, message, TAG_LENGTH, length);
    return tags.subarray(at, used);
  };
}

export const keyedTagText = (key: Uint8Array, ...parts: string[]): string => toBase64Url(keyedTag(key, ...parts));

export type WrapMethod = 'passphrase' | 'recovery';

const wrapContext = (method: WrapMethod, vaultId: string) => framed('handlerum/wrap/v1', method, vaultId);

export function wrapDataKey(kek: Uint8Array, dataKey: Uint8Array, method: WrapMethod, vaultId: string): Sealed {
  return seal(kek, dataKey, wrapContext(method, vaultId));
}

/** Null when the key-encryption key is wrong. */
export function unwrapDataKey(kek: Uint8Array, wrapped: Sealed, method: WrapMethod, vaultId: string): Uint8Array | null {
  return open(kek, wrapped, wrapContext(method, vaultId));
}
