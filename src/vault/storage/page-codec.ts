/**
 * Sealed pages: the unit of storage.
 *
 * Records of one profile and kind are spread over a fixed number of pages by a keyed hash of
 * their id. A page is encrypted with ONE XChaCha20 call, because in a browser the cost of
 * IndexedDB and of the cipher is per call, not per byte (docs/security.md has the figures).
 * Each record in a page carries its own tag, so when a page fails its check the records that
 * are intact are still read and only the damaged ones are reported.
 *
 * Row layout (format 3; everything outside `body` is authenticated by the page tag):
 *   key    `${group}.${bucket}` — group is a keyed tag of (profile, kind); bucket from the id tag
 *   version  the vault-wide write counter when the page was last written, which the page
 *          manifest (page-manifest.ts) must name: an older copy of the page gives itself away
 *   index  44 bytes per record: idTag(16) offset(u32) length(u32) flags(u32) tag(16)
 *   body   XChaCha20 (block counter 1) of the records' JSON bytes laid end to end, then the
 *          16-byte page tag
 * The tags are Poly1305 under one-time keys drawn from XChaCha20 under the page's MAC key (the
 * record-MAC key and the page key through HMAC) and the page's nonce: key 0 tags the page's
 * context and index, key i + 1 tags record i's id tag and ciphertext. The record tags are in
 * the index, so the page tag covers every byte of the page through them.
 *
 * Formats 1 and 2 (one XChaCha20-Poly1305 seal per page, HMAC-SHA256 per record) are read, and
 * written again as format 3.
 */
import { xchacha20 } from '@noble/ciphers/chacha.js';
import { dangerouslyDecryptWithoutTag, open } from '../crypto/aead';
import { framed, u32s } from '../crypto/bytes';
import { hmacSha256Framed, type VaultKeys } from '../crypto/keys';
import { MAC_LENGTH, OneTimeMacs } from '../crypto/one-time-macs';
import { equalBytes, randomBytes } from '../../shared/bytes';

export const PAGE_FORMAT = 3;
export const BUCKETS = 128;
const ENTRY_SIZE = 44;
const TAG_AT = 28;
const FLAG_DAMAGED = 1;
const NONCE_LENGTH = 24;
/** XChaCha20-Poly1305 encrypts from block 1 (block 0 keys its Poly1305); format 3 bodies are the same bytes. */
const BODY_COUNTER = 1;

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
   * The record's tag as stored. `sealPage` makes a new one for every entry that is not damaged
   * (a tag depends on the page's nonce and the record's place); a damaged entry keeps the one
   * it had, so it stays marked even if its flag were cleared.
   */
  mac?: Uint8Array | undefined;
  damaged: boolean;
}

export const bucketOf = (idTag: Uint8Array): number => idTag[0]! % BUCKETS;
export const pageKeyOf = (group: string, idTag: Uint8Array): string => `${group}.${bucketOf(idTag)}`;

export const isPageVersion = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0xffffffff;

/** The page's one-time MAC keys: one for the page, one per record, bound to the page key by the MAC key. */
function pageMacs(keys: VaultKeys, pageKey: string, nonce: Uint8Array, records: number): OneTimeMacs {
  const macKey = hmacSha256Framed(keys.recordMac, 32, 'handlerum/record/v3', pageKey);
  const macs = new OneTimeMacs(macKey, nonce, records + 1);
  macKey.fill(0);
  return macs;
}

const pageContext = (row: Pick<PageRow, 'key' | 'group' | 'v' | 'version'>, index: Uint8Array) =>
  framed(`handlerum/page/v${row.v}`, 'pages', row.key, row.group, ...(row.v === 1 ? [] : [u32s(row.version ?? 0)]), index);

export function sealPage(keys: VaultKeys, key: string, group: string, version: number, entries: PageEntry[]): PageRow {
  if (!isPageVersion(version)) throw new RangeError('sealPage: version must be a u32');
  const index = new Uint8Array(entries.length * ENTRY_SIZE);
  const view = new DataView(index.buffer);
  let size = 0;
  for (const entry of entries) size += entry.bytes.length;
  const body = new Uint8Array(size + MAC_LENGTH);
  const ciphertext = body.subarray(0, size);
  let offset = 0;
  entries.forEach((entry, i) => {
    const at = i * ENTRY_SIZE;
    index.set(entry.idTag, at);
    view.setUint32(at + 16, offset);
    view.setUint32(at + 20, entry.bytes.length);
    view.setUint32(at + 24, entry.damaged ? FLAG_DAMAGED : 0);
    if (entry.damaged && entry.mac) index.set(entry.mac, at + TAG_AT);
    body.set(entry.bytes, offset);
    offset += entry.bytes.length;
  });
  const nonce = randomBytes(NONCE_LENGTH);
  xchacha20(keys.encryption, nonce, ciphertext, ciphertext, BODY_COUNTER);
  const macs = pageMacs(keys, key, nonce, entries.length);
  offset = 0;
  entries.forEach((entry, i) => {
    const length = entry.bytes.length;
    const at = i * ENTRY_SIZE;
    if (!entry.damaged) macs.macInto(i + 1, index.subarray(at + TAG_AT, at + ENTRY_SIZE), entry.idTag, ciphertext.subarray(offset, offset + length));
    offset += length;
  });
  const row = { key, group, v: PAGE_FORMAT, version };
  macs.macInto(0, body.subarray(size), pageContext(row, index));
  macs.wipe();
  return { ...row, nonce, index, body };
}

export interface OpenedPage {
  entries: PageEntry[];
  /** False when the page failed its check and its records were checked one by one. */
  intact: boolean;
  /** True when not even the record boundaries could be read: the whole page is damaged. */
  unreadable: boolean;
}

const UNREADABLE: OpenedPage = { entries: [], intact: false, unreadable: true };

/**
 * Opens a page. Each record comes back damaged unless it verifies: in format 3 every record's
 * tag is checked (the page tag covers the index and, through its tags, the records); in formats
 * 1 and 2 one AEAD check covers the page, and only when it fails is each record checked against
 * its own MAC. A page that failed its check has an unverified index, so an id tag listed twice
 * is used once: repeats of a record already accepted come back damaged.
 */
export function openPage(keys: VaultKeys, row: PageRow): OpenedPage {
  if (row.index.length % ENTRY_SIZE !== 0 || row.nonce.length !== NONCE_LENGTH) return UNREADABLE;
  if (row.v === PAGE_FORMAT && isPageVersion(row.version)) return openFormat3(keys, row);
  if (row.v === 1 || (row.v === 2 && isPageVersion(row.version))) return openFormat2(keys, row);
  return UNREADABLE;
}

function openFormat3(keys: VaultKeys, row: PageRow): OpenedPage {
  if (row.body.length < MAC_LENGTH) return UNREADABLE;
  const size = row.body.length - MAC_LENGTH;
  const ciphertext = row.body.subarray(0, size);
  const macs = pageMacs(keys, row.key, row.nonce, row.index.length / ENTRY_SIZE);
  const pageTagHolds = macs.verify(0, row.body.subarray(size), pageContext(row, row.index));
  const plaintext = xchacha20(keys.encryption, row.nonce, ciphertext, undefined, BODY_COUNTER);
  let allHold = pageTagHolds;
  const entries = readIndex(row.index, plaintext, !pageTagHolds, (i, idTag, offset, length, tag) => {
    const holds = offset + length <= size && macs.verify(i + 1, tag, idTag, ciphertext.subarray(offset, offset + length));
    if (!holds) allHold = false;
    return holds;
  });
  macs.wipe();
  // A body longer than its records is not what sealPage writes.
  return { entries, intact: allHold && laidOutLength(row.index) === size, unreadable: false };
}

/** Format 2's record MAC (format 1 used the same): HMAC-SHA256 of the page key, id tag and plaintext. */
const legacyRecordMac = (keys: VaultKeys, pageKey: string, idTag: Uint8Array, bytes: Uint8Array): Uint8Array =>
  hmacSha256Framed(keys.recordMac, 16, 'handlerum/record/v1', pageKey, idTag, bytes);

function openFormat2(keys: VaultKeys, row: PageRow): OpenedPage {
  const sealed = { nonce: row.nonce, ciphertext: row.body };
  const plaintext = open(keys.encryption, sealed, pageContext(row, row.index));
  const intact = plaintext !== null;
  const bytes = plaintext ?? dangerouslyDecryptWithoutTag(keys.encryption, sealed);
  const entries = readIndex(row.index, bytes, !intact, (_, idTag, offset, length, mac) => {
    if (offset + length > bytes.length) return false;
    return intact || equalBytes(mac, legacyRecordMac(keys, row.key, idTag, bytes.subarray(offset, offset + length)));
  });
  return { entries, intact, unreadable: false };
}

/** The bytes the index's records take, laid end to end. */
function laidOutLength(index: Uint8Array): number {
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  let length = 0;
  for (let at = 0; at < index.length; at += ENTRY_SIZE) length += view.getUint32(at + 20);
  return length;
}

/**
 * The entries of an index over the page's plaintext. `verifies` decides for each entry not
 * flagged damaged; with `dedupe`, a repeat of an id tag already accepted comes back damaged.
 */
function readIndex(
  index: Uint8Array,
  plaintext: Uint8Array,
  dedupe: boolean,
  verifies: (i: number, idTag: Uint8Array, offset: number, length: number, tag: Uint8Array) => boolean,
): PageEntry[] {
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const entries: PageEntry[] = [];
  const seen = dedupe ? new Set<string>() : null;
  for (let at = 0, i = 0; at < index.length; at += ENTRY_SIZE, i++) {
    const idTag = index.subarray(at, at + 16);
    const offset = view.getUint32(at + 16);
    const length = view.getUint32(at + 20);
    const flags = view.getUint32(at + 24);
    const mac = index.subarray(at + TAG_AT, at + ENTRY_SIZE);
    const inBounds = offset + length <= plaintext.length;
    const bytes = inBounds ? plaintext.subarray(offset, offset + length) : new Uint8Array(0);
    let damaged = (flags & FLAG_DAMAGED) !== 0 || !verifies(i, idTag, offset, length, mac);
    if (seen && !damaged) {
      const tag = String.fromCharCode(...idTag);
      damaged = seen.has(tag);
      seen.add(tag);
    }
    entries.push({ idTag, bytes, mac, damaged });
  }
  return entries;
}
