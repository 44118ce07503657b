/**
 * Pages as formats 1 and 2 wrote them (one XChaCha20-Poly1305 seal per page, an HMAC-SHA256 per
 * record), written here from the primitives rather than by the vault's code, for upgrade tests.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { seal } from '../../../src/vault/crypto/aead';
import { framed, u32s } from '../../../src/vault/crypto/bytes';
import type { VaultKeys } from '../../../src/vault/crypto/keys';
import type { PageEntry, PageRow } from '../../../src/vault/storage/page-codec';
import { concatBytes } from '../../../src/shared/bytes';

const ENTRY_SIZE = 44;

/** Formats 1 and 2's record MAC: HMAC-SHA256(record-MAC key, "handlerum/record/v1" ‖ page key ‖ id tag ‖ bytes), 128 bits. */
export const legacyRecordMac = (keys: VaultKeys, pageKey: string, idTag: Uint8Array, bytes: Uint8Array): Uint8Array =>
  hmac(sha256, keys.recordMac, framed('handlerum/record/v1', pageKey, idTag, bytes)).subarray(0, 16);

/** The index both formats share: idTag(16) offset(u32) length(u32) flags(u32) mac(16); a damaged entry keeps its MAC. */
function legacyIndex(keys: VaultKeys, key: string, entries: PageEntry[]): Uint8Array {
  const index = new Uint8Array(entries.length * ENTRY_SIZE);
  const view = new DataView(index.buffer);
  let offset = 0;
  entries.forEach((entry, i) => {
    const at = i * ENTRY_SIZE;
    index.set(entry.idTag, at);
    view.setUint32(at + 16, offset);
    view.setUint32(at + 20, entry.bytes.length);
    view.setUint32(at + 24, entry.damaged ? 1 : 0);
    index.set(entry.damaged ? (entry.mac ?? new Uint8Array(16)) : legacyRecordMac(keys, key, entry.idTag, entry.bytes), at + 28);
    offset += entry.bytes.length;
  });
  return index;
}

export function sealLegacyPage(keys: VaultKeys, key: string, group: string, entries: PageEntry[]): PageRow {
  const index = legacyIndex(keys, key, entries);
  const sealed = seal(keys.encryption, concatBytes(...entries.map((e) => e.bytes)), framed('handlerum/page/v1', 'pages', key, group, index));
  return { key, group, v: 1, nonce: sealed.nonce, index, body: sealed.ciphertext };
}

export function sealFormatTwoPage(keys: VaultKeys, key: string, group: string, version: number, entries: PageEntry[]): PageRow {
  const index = legacyIndex(keys, key, entries);
  const context = framed('handlerum/page/v2', 'pages', key, group, u32s(version), index);
  const sealed = seal(keys.encryption, concatBytes(...entries.map((e) => e.bytes)), context);
  return { key, group, v: 2, version, nonce: sealed.nonce, index, body: sealed.ciphertext };
}
