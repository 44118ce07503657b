/**
 * Format 3 pages: the page's records cut into frames, each sealed with one WebCrypto
 * AES-256-GCM call under a key of this page write (frame-keys.ts). A frame's tag vouches for its
 * records and for their entries in the index, so a damaged byte spoils the records of one frame
 * and the rest of the page is read: no per-record MAC is needed, and sealing costs a native
 * cipher pass instead of noble's XChaCha20-Poly1305 and an HMAC per record. Sealing and opening
 * are asynchronous, so they run outside IndexedDB transactions (page-store.ts).
 *
 * Row layout (format 2's fields; everything but `body` is in the clear):
 *   nonce  the page write's random 32-byte salt: the frames' key is HKDF(page-frames, salt)
 *   index  u32 frameCount, then per frame 16 bytes: u32 first, u32 count (its records in the
 *          list below), u32 offset, u32 length (its ciphertext and tag in `body`); then per
 *          record 24 bytes: idTag(16), u32 length, u32 flags
 *   body   the frames' ciphertexts, each followed by its 16-byte tag, end to end
 *
 * Frame i is sealed with nonce i and the associated data
 *   "handlerum/page/v3" ‖ key ‖ group ‖ u32 version ‖ u32 i ‖ u32 frameCount ‖ u32 recordCount ‖
 *   its frame-table entry ‖ its records' index entries
 * so a frame cannot be changed, dropped, repeated, reordered, or moved to another page, group,
 * version or frame count without failing; a page with no records still has one (empty) frame,
 * so an emptied index cannot pass for an empty page.
 */
import { FRAME_SALT_LENGTH, GCM_TAG_LENGTH, openFrame, sealFrame, type FrameKeyring } from '../crypto/frame-keys';
import { framed, u32s } from '../crypto/bytes';
import { randomBytes } from '../../shared/bytes';
import { isPageVersion, type OpenedPage, type PageEntry, type PageRow } from './page-codec';

export const FORMAT_3 = 3;
/**
 * A frame holds at most this many records, and closes before it passes FRAME_BYTES of them: at
 * most this many records share a fate. Part of the format: a frame claiming more fails unread,
 * so a forged index costs no more than its size to look at.
 */
export const FRAME_RECORDS = 32;
export const FRAME_BYTES = 16 * 1024;
const FRAME_ENTRY_SIZE = 16;
export const RECORD_ENTRY_SIZE = 24;
const FLAG_DAMAGED = 1;

/** Where the record entries of a format 3 index start, or null when the index has no such layout. */
export function recordEntriesStart(index: Uint8Array): number | null {
  if (index.length < 4) return null;
  const frames = new DataView(index.buffer, index.byteOffset, 4).getUint32(0);
  const start = 4 + frames * FRAME_ENTRY_SIZE;
  return frames > 0 && start <= index.length && (index.length - start) % RECORD_ENTRY_SIZE === 0 ? start : null;
}

interface Frame {
  first: number;
  count: number;
  /** Plaintext bytes of its records. */
  size: number;
}

function planFrames(entries: readonly PageEntry[]): Frame[] {
  const frames: Frame[] = [];
  let current: Frame = { first: 0, count: 0, size: 0 };
  entries.forEach((entry, i) => {
    if (current.count === FRAME_RECORDS || (current.count > 0 && current.size + entry.bytes.length > FRAME_BYTES)) {
      frames.push(current);
      current = { first: i, count: 0, size: 0 };
    }
    current.count++;
    current.size += entry.bytes.length;
  });
  frames.push(current);
  return frames;
}

function frameContext(
  row: Pick<PageRow, 'key' | 'group' | 'version'>,
  index: Uint8Array,
  frameCount: number,
  recordCount: number,
  i: number,
  first: number,
  count: number,
) {
  const tableEntry = index.subarray(4 + i * FRAME_ENTRY_SIZE, 4 + (i + 1) * FRAME_ENTRY_SIZE);
  const records = 4 + frameCount * FRAME_ENTRY_SIZE + first * RECORD_ENTRY_SIZE;
  return framed(
    'handlerum/page/v3',
    row.key,
    row.group,
    u32s(row.version ?? 0, i, frameCount, recordCount),
    tableEntry,
    index.subarray(records, records + count * RECORD_ENTRY_SIZE),
  );
}

/** Seals a page as format 3 under a fresh random salt. */
export const sealPage3 = (ring: FrameKeyring, key: string, group: string, version: number, entries: readonly PageEntry[]): Promise<PageRow> =>
  dangerouslySealPage3WithSalt(ring, key, group, version, entries, randomBytes(FRAME_SALT_LENGTH));

/**
 * DANGEROUS: sealing twice under one salt reuses the frames' nonces under one key. Only for
 * fixed test vectors; the vault seals with `sealPage3`.
 */
export async function dangerouslySealPage3WithSalt(
  ring: FrameKeyring,
  key: string,
  group: string,
  version: number,
  entries: readonly PageEntry[],
  salt: Uint8Array,
): Promise<PageRow> {
  if (!isPageVersion(version)) throw new RangeError('sealPage3: version must be a u32');
  const frames = planFrames(entries);
  const start = 4 + frames.length * FRAME_ENTRY_SIZE;
  const index = new Uint8Array(start + entries.length * RECORD_ENTRY_SIZE);
  const view = new DataView(index.buffer);
  view.setUint32(0, frames.length);
  let total = 0;
  for (const entry of entries) total += entry.bytes.length;
  // Laid out before the first await: the caller's buffers are copied here, once.
  const plain = new Uint8Array(total);
  let at = 0;
  for (let i = 0, e = start; i < entries.length; i++, e += RECORD_ENTRY_SIZE) {
    const { idTag, bytes, damaged } = entries[i]!;
    if (idTag.length !== 16) throw new RangeError('sealPage3: an id tag is 16 bytes');
    // Byte by byte: a typed array's set() costs more than 16 stores for so few bytes.
    for (let j = 0; j < 16; j++) index[e + j] = idTag[j]!;
    view.setUint32(e + 16, bytes.length);
    view.setUint32(e + 20, damaged ? FLAG_DAMAGED : 0);
    plain.set(bytes, at);
    at += bytes.length;
  }
  let offset = 0;
  frames.forEach((frame, i) => {
    const t = 4 + i * FRAME_ENTRY_SIZE;
    view.setUint32(t, frame.first);
    view.setUint32(t + 4, frame.count);
    view.setUint32(t + 8, offset);
    view.setUint32(t + 12, frame.size + GCM_TAG_LENGTH);
    offset += frame.size + GCM_TAG_LENGTH;
  });
  const row = { key, group, v: FORMAT_3, version };
  const body = new Uint8Array(offset);
  try {
    const pageKey = await ring.pageKey(salt);
    let from = 0;
    await Promise.all(
      frames.map((frame, i) => {
        const plaintext = plain.subarray(from, from + frame.size);
        from += frame.size;
        const context = frameContext(row, index, frames.length, entries.length, i, frame.first, frame.count);
        return sealFrame(pageKey, i, plaintext, context).then((sealed) => body.set(sealed, view.getUint32(4 + i * FRAME_ENTRY_SIZE + 8)));
      }),
    );
  } finally {
    plain.fill(0);
  }
  return { ...row, nonce: salt.slice(), index, body };
}

const UNREADABLE: OpenedPage = { entries: [], intact: false, unreadable: true };

/**
 * Opens a format 3 page. Each frame is checked on its own: the records of a frame whose tag
 * fails, or that no sound frame covers, come back damaged; `intact` is false when any did.
 */
export async function openPage3(ring: FrameKeyring, row: PageRow): Promise<OpenedPage> {
  const { index, body } = row;
  const start = recordEntriesStart(index);
  if (row.v !== FORMAT_3 || !isPageVersion(row.version) || row.nonce.length !== FRAME_SALT_LENGTH || start === null) return UNREADABLE;
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const frameCount = view.getUint32(0);
  const recordCount = (index.length - start) / RECORD_ENTRY_SIZE;
  const empty = new Uint8Array(0);
  const entries: PageEntry[] = [];
  for (let e = start; e < index.length; e += RECORD_ENTRY_SIZE) entries.push({ idTag: index.subarray(e, e + 16), bytes: empty, damaged: true });
  const covered = new Uint8Array(recordCount);
  let intact = true;
  const pageKey = await ring.pageKey(row.nonce);
  await Promise.all(
    Array.from({ length: frameCount }, async (_, i) => {
      const t = 4 + i * FRAME_ENTRY_SIZE;
      const [first, count, offset, length] = [view.getUint32(t), view.getUint32(t + 4), view.getUint32(t + 8), view.getUint32(t + 12)];
      let size = 0;
      if (first + count <= recordCount && count <= FRAME_RECORDS)
        for (let j = first; j < first + count; j++) size += view.getUint32(start + j * RECORD_ENTRY_SIZE + 16);
      const plain =
        first + count <= recordCount && count <= FRAME_RECORDS && offset + length <= body.length && length === size + GCM_TAG_LENGTH
          ? await openFrame(pageKey, i, body.subarray(offset, offset + length), frameContext(row, index, frameCount, recordCount, i, first, count))
          : null;
      if (!plain) {
        intact = false;
        return;
      }
      let at = 0;
      for (let j = first; j < first + count; j++) {
        const e = start + j * RECORD_ENTRY_SIZE;
        const length = view.getUint32(e + 16);
        if (covered[j])
          intact = false; // never sealed so: keep the first copy
        else entries[j] = { idTag: entries[j]!.idTag, bytes: plain.subarray(at, at + length), damaged: (view.getUint32(e + 20) & FLAG_DAMAGED) !== 0 };
        covered[j] = 1;
        at += length;
      }
    }),
  );
  if (covered.includes(0)) intact = false;
  return { entries, intact, unreadable: false };
}
