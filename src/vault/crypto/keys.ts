/**
 * Key hierarchy. One random 256-bit data key per vault; everything else is derived from it with
 * HKDF-SHA256 under fixed labels, so one key unwrap opens the whole vault and the sub-keys are
 * independent (a leaked page tag key does not reveal the encryption key).
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_LENGTH, open, seal, type Sealed } from './aead';
import { framed } from './bytes';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes, utf8 } from '../../shared/bytes';

export interface VaultKeys {
  /** Seals pages of records. */
  readonly encryption: Uint8Array;
  /** Per-record MACs, which keep a damaged record from spoiling its neighbours. */
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
    recordMac: sub('record-mac'),
    tags: sub('index-tags'),
    backup: sub('backup'),
    manifest: sub('page-manifest'),
  };
}

// The tag and record-MAC keys each hash thousands of short messages: their HMAC key schedule
// is done once per key, and each message runs in one reused instance the prepared state is
// copied into (a fresh clone per message costs more than the hash). Entries go when the key is
// wiped (wipeVaultKeys).
type Hmac = _HMAC<ReturnType<typeof sha256.create>>;
const preparedHmacs = new WeakMap<Uint8Array, { prepared: Hmac; scratch: Hmac }>();

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  let state = preparedHmacs.get(key);
  if (!state) {
    const prepared = hmac.create(sha256, key);
    state = { prepared, scratch: prepared.clone() };
    preparedHmacs.set(key, state);
  }
  // Synchronous from copy to digest, so no other call can use the scratch instance meanwhile.
  const mac = state.prepared._cloneInto(state.scratch).update(message);
  const out = new Uint8Array(32);
  mac.digestInto(out);
  return out;
}

/** Overwrites every sub-key and forgets the HMAC states prepared from them. */
export function wipeVaultKeys(keys: VaultKeys): void {
  for (const key of [keys.encryption, keys.recordMac, keys.tags, keys.backup, keys.manifest]) {
    const state = preparedHmacs.get(key);
    state?.prepared.destroy();
    state?.scratch.destroy();
    preparedHmacs.delete(key);
    key.fill(0);
  }
}

/** A keyed, truncated hash: equal inputs give equal tags, and nothing else can be learned. */
export function keyedTag(key: Uint8Array, ...parts: string[]): Uint8Array {
  return hmacSha256(key, framed(...parts)).subarray(0, 16);
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
