/**
 * Sealed pages: the unit of storage. This module reads and writes formats 1 and 2; every write
 * now seals format 3 (page-format3.ts), and a vault upgraded from format 1 gets format 2 pages.
 *
 * Records of one profile and kind are spread over a fixed number of pages by a keyed hash of
 * their id. A page is sealed with ONE XChaCha20-Poly1305 call, because in a browser the cost of
 * IndexedDB and of the cipher is per call, not per byte (docs/security.md has the figures).
 * Each record in a page also carries its own HMAC, so when a page's tag fails the records
 * that are intact are still read and only the damaged ones are reported.
 *
 * Row layout (everything outside `body` is authenticated as associated data):
 *   key    `${group}.${bucket}` — group is a keyed tag of (profile, kind); bucket from the id tag
 *   version  the vault-wide write counter when the page was last written (format 2), which the
 *          page manifest (page-manifest.ts) must name: an older copy of the page gives itself away
 *   index  44 bytes per record: idTag(16) offset(u32) length(u32) flags(u32) mac(16)
 *   body   ciphertext of the records' JSON bytes laid end to end, then the 16-byte tag
 */
import { dangerouslyDecryptWithoutTag, open, sealInPlace, TAG_LENGTH } from '../crypto/aead';
import { framed, u32s } from '../crypto/bytes';
import { hmacSha256Framed, type VaultKeys } from '../crypto/keys';
import { equalBytes } from '../../shared/bytes';

/** Format 1 pages (no version) are only read, to be rewritten as format 2 when a vault is upgraded. */
export const PAGE_FORMAT = 2;
export const BUCKETS = 128;
const ENTRY_SIZE = 44;
const FLAG_DAMAGED = 1;

export interface PageRow {
  key: string;
  group: string;
  v: number;
  /** Absent in format 1 pages. */
  version?: number | undefined;
  nonce: Uint8Array;
  index: Uint8Array;
  body: Uint8Array;
}

export interface PageEntry {
  idTag: Uint8Array;
  /** The record's plaintext JSON bytes (unverified junk when `damaged`). */
  bytes: Uint8Array;
  /**
   * Format 1 and 2: the record MAC, kept as it was for damaged entries so they stay marked.
   * Absent for a record of a format 3 page (its frame vouches for it) or not yet sealed.
   */
  mac?: Uint8Array | undefined;
  damaged: boolean;
}

export const bucketOf = (idTag: Uint8Array): number => idTag[0]! % BUCKETS;
export const pageKeyOf = (group: string, idTag: Uint8Array): string => `${group}.${bucketOf(idTag)}`;

export function recordMac(keys: VaultKeys, pageKey: string, idTag: Uint8Array, bytes: Uint8Array): Uint8Array {
  return hmacSha256Framed(keys.recordMac, 16, 'handlerum/record/v1', pageKey, idTag, bytes);
}

const pageContext = (row: Pick<PageRow, 'key' | 'group' | 'v' | 'version'>, index: Uint8Array) =>
  row.v === 1
    ? framed('handlerum/page/v1', 'pages', row.key, row.group, index)
    : framed('handlerum/page/v2', 'pages', row.key, row.group, u32s(row.version ?? 0), index);

export const isPageVersion = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0xffffffff;

export function sealPage(keys: VaultKeys, key: string, group: string, version: number, entries: PageEntry[]): PageRow {
  if (!isPageVersion(version)) throw new RangeError('sealPage: version must be a u32');
  const index = new Uint8Array(entries.length * ENTRY_SIZE);
  const view = new DataView(index.buffer);
  let length = 0;
  for (const entry of entries) length += entry.bytes.length;
  // The records go straight into the body's own buffer, which the cipher then seals in place.
  const body = new Uint8Array(length + TAG_LENGTH);
  let offset = 0;
  entries.forEach((entry, i) => {
    const at = i * ENTRY_SIZE;
    index.set(entry.idTag, at);
    view.setUint32(at + 16, offset);
    view.setUint32(at + 20, entry.bytes.length);
    view.setUint32(at + 24, entry.damaged ? FLAG_DAMAGED : 0);
    index.set(entry.mac ?? recordMac(keys, key, entry.idTag, entry.bytes), at + 28);
    body.set(entry.bytes, offset);
    offset += entry.bytes.length;
  });
  const row = { key, group, v: PAGE_FORMAT, version };
  const sealed = sealInPlace(keys.encryption, body, length, pageContext(row, index));
  return { ...row, nonce: sealed.nonce, index, body: sealed.ciphertext };
}

export interface OpenedPage {
  entries: PageEntry[];
  /** False when the page's own tag failed and its records were checked one by one. */
  intact: boolean;
  /** True when not even the record boundaries could be read: the whole page is damaged. */
  unreadable: boolean;
}

/**
 * Opens a page. Fast path: one AEAD check covers every record. When it fails, the records are
 * salvaged one by one: each is used only if its own MAC verifies, the rest come back damaged.
 * A salvaged page's index is unverified, so an id tag listed twice is used once: repeats of a
 * record already accepted come back damaged instead of listing the record twice.
 */
export function openPage(keys: VaultKeys, row: PageRow): OpenedPage {
  const index = row.index;
  const knownFormat = row.v === 1 || (row.v === PAGE_FORMAT && isPageVersion(row.version));
  if (!knownFormat || index.length % ENTRY_SIZE !== 0) return { entries: [], intact: false, unreadable: true };
  const plaintext = open(keys.encryption, { nonce: row.nonce, ciphertext: row.body }, pageContext(row, index));
  const intact = plaintext !== null;
  const bytes = plaintext ?? dangerouslyDecryptWithoutTag(keys.encryption, { nonce: row.nonce, ciphertext: row.body });
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const entries: PageEntry[] = [];
  const seen = intact ? null : new Set<string>();
  for (let at = 0; at < index.length; at += ENTRY_SIZE) {
    const idTag = index.subarray(at, at + 16);
    const offset = view.getUint32(at + 16);
    const length = view.getUint32(at + 20);
    const flags = view.getUint32(at + 24);
    const mac = index.subarray(at + 28, at + 44);
    const inBounds = offset + length <= bytes.length;
    const recordBytes = inBounds ? bytes.subarray(offset, offset + length) : new Uint8Array(0);
    let damaged = (flags & FLAG_DAMAGED) !== 0 || !inBounds;
    if (seen && !damaged) {
      const tag = String.fromCharCode(...idTag);
      damaged = seen.has(tag) || !equalBytes(mac, recordMac(keys, row.key, idTag, recordBytes));
      if (!damaged) seen.add(tag);
    }
    entries.push({ idTag, bytes: recordBytes, mac, damaged });
  }
  return { entries, intact, unreadable: false };
}
