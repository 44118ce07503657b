/**
 * Format 3 pages written from the primitives, as docs/security.md specifies them, not by the
 * vault's code: the vectors in tests/vectors/page-format-3.json are made and checked with it.
 *
 *   MAC key  = HMAC-SHA256(record-MAC key, framed("handlerum/record/v3", page key))
 *   otk[i]   = bytes 32·i … 32·i + 32 of XChaCha20(MAC key, nonce)
 *   body     = XChaCha20(encryption key, nonce, block counter 1)(records' bytes end to end) ‖ page tag
 *   tag of record i (not damaged) = Poly1305(otk[i + 1], id tag ‖ record i's ciphertext)
 *   page tag = Poly1305(otk[0], framed("handlerum/page/v3", "pages", key, group, u32 version, index))
 */
import { xchacha20 } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { framed, u32s } from '../../../src/vault/crypto/bytes';
import type { VaultKeys } from '../../../src/vault/crypto/keys';
import type { PageRow } from '../../../src/vault/storage/page-codec';
import { concatBytes } from '../../../src/shared/bytes';

export interface SpecEntry {
  idTag: Uint8Array;
  bytes: Uint8Array;
  /** A damaged entry is stored with its flag set and this tag as it is. */
  damagedTag?: Uint8Array;
}

export function specSealPage(keys: VaultKeys, nonce: Uint8Array, key: string, group: string, version: number, entries: SpecEntry[]): PageRow {
  const macKey = hmac(sha256, keys.recordMac, framed('handlerum/record/v3', key));
  const otk = (i: number) => xchacha20(macKey, nonce, new Uint8Array(32 * (i + 1))).subarray(32 * i);
  const ciphertext = xchacha20(keys.encryption, nonce, concatBytes(...entries.map((e) => e.bytes)), undefined, 1);
  const index = new Uint8Array(44 * entries.length);
  const view = new DataView(index.buffer);
  let offset = 0;
  entries.forEach((entry, i) => {
    const recordCiphertext = ciphertext.subarray(offset, offset + entry.bytes.length);
    index.set(entry.idTag, 44 * i);
    view.setUint32(44 * i + 16, offset);
    view.setUint32(44 * i + 20, entry.bytes.length);
    view.setUint32(44 * i + 24, entry.damagedTag ? 1 : 0);
    index.set(entry.damagedTag ?? poly1305(concatBytes(entry.idTag, recordCiphertext), otk(i + 1)), 44 * i + 28);
    offset += entry.bytes.length;
  });
  const pageTag = poly1305(framed('handlerum/page/v3', 'pages', key, group, u32s(version), index), otk(0));
  return { key, group, v: 3, version, nonce, index, body: concatBytes(ciphertext, pageTag) };
}
