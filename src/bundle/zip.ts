/**
 * A ZIP writer and reader for one canonical form: stored (no compression), fixed timestamp
 * (1980-01-01 00:00), UTF-8 names, no extra fields or comments, no ZIP64. The reader accepts a
 * file only if writing its entries again gives the very same bytes, so nothing in a ZIP can
 * change without being seen (and the same entries always give the same bytes). Any unzip tool
 * can read it.
 */
import { fromUtf8, utf8 } from './encoding';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export class ZipError extends Error {
  override readonly name = 'ZipError';
  constructor(
    /** `not-zip`: no ZIP end record at all; `non-canonical`: a ZIP, but not in the one form we write. */
    readonly code: 'not-zip' | 'non-canonical',
    message: string,
  ) {
    super(message);
  }
}

// CRC-32 (IEEE), slicing by 8: eight table look-ups per 8 bytes instead of one per byte.
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0]![n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 8; t++) tables[t]![n] = (tables[0]![tables[t - 1]![n]! & 0xff]! ^ (tables[t - 1]![n]! >>> 8)) >>> 0;
  }
  return tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
})();

export function crc32(bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const a = (c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    c =
      t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^
      t3[bytes[i + 4]!]! ^ t2[bytes[i + 5]!]! ^ t1[bytes[i + 6]!]! ^ t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const VERSION = 20;
const FLAG_UTF8 = 0x0800;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

/** @throws {RangeError} for duplicate names or sizes beyond plain ZIP (4 GiB, 65535 entries). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('entries: more than 65535');
  const names = entries.map((e) => utf8(e.name));
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw new RangeError('entries: duplicate names');
  const localSize = entries.reduce((n, e, i) => n + LOCAL + names[i]!.length + e.bytes.length, 0);
  const centralSize = names.reduce((n, name) => n + CENTRAL + name.length, 0);
  if (localSize + centralSize + END > 0xffffffff) throw new RangeError('entries: larger than 4 GiB');
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs: number[] = [];
  let o = 0;
  entries.forEach((e, i) => {
    const name = names[i]!;
    const crc = crc32(e.bytes);
    offsets.push(o);
    crcs.push(crc);
    view.setUint32(o, 0x04034b50, true);
    view.setUint16(o + 4, VERSION, true);
    view.setUint16(o + 6, FLAG_UTF8, true);
    view.setUint16(o + 8, 0, true);
    view.setUint16(o + 10, DOS_TIME, true);
    view.setUint16(o + 12, DOS_DATE, true);
    view.setUint32(o + 14, crc, true);
    view.setUint32(o + 18, e.bytes.length, true);
    view.setUint32(o + 22, e.bytes.length, true);
    view.setUint16(o + 26, name.length, true);
    view.setUint16(o + 28, 0, true);
    out.set(name, o + LOCAL);
    out.set(e.bytes, o + LOCAL + name.length);
    o += LOCAL + name.length + e.bytes.length;
  });
  const centralStart = o;
  entries.forEach((e, i) => {
    const name = names[i]!;
    view.setUint32(o, 0x02014b50, true);
    view.setUint16(o + 4, VERSION, true);
    view.setUint16(o + 6, VERSION, true);
    view.setUint16(o + 8, FLAG_UTF8, true);
    view.setUint16(o + 10, 0, true);
    view.setUint16(o + 12, DOS_TIME, true);
    view.setUint16(o + 14, DOS_DATE, true);
    view.setUint32(o + 16, crcs[i]!, true);
    view.setUint32(o + 20, e.bytes.length, true);
    view.setUint32(o + 24, e.bytes.length, true);
    view.setUint16(o + 28, name.length, true);
    // extra, comment, disk, internal attributes: 0; external attributes: 0; then the offset.
    view.setUint32(o + 42, offsets[i]!, true);
    out.set(name, o + CENTRAL);
    o += CENTRAL + name.length;
  });
  view.setUint32(o, 0x06054b50, true);
  view.setUint16(o + 8, entries.length, true);
  view.setUint16(o + 10, entries.length, true);
  view.setUint32(o + 12, o - centralStart, true);
  view.setUint32(o + 16, centralStart, true);
  return out;
}

/**
 * Reads a ZIP in the canonical form {@link writeZip} produces.
 * @throws {ZipError} `not-zip` or `non-canonical`.
 */
export function readZip(zip: Uint8Array): ZipEntry[] {
  if (zip.length < END) throw new ZipError('not-zip', 'too short to be a ZIP');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - END;
  if (view.getUint32(end, true) !== 0x06054b50) throw new ZipError('not-zip', 'no ZIP end record (or a ZIP comment)');
  const count = view.getUint16(end + 10, true);
  const centralStart = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  let o = centralStart;
  for (let i = 0; i < count; i++) {
    if (o + CENTRAL > end || view.getUint32(o, true) !== 0x02014b50) throw new ZipError('non-canonical', `central entry ${i} is missing`);
    const size = view.getUint32(o + 24, true);
    const nameLength = view.getUint16(o + 28, true);
    const offset = view.getUint32(o + 42, true);
    if (o + CENTRAL + nameLength > end) throw new ZipError('non-canonical', `central entry ${i} runs past the end`);
    let name: string;
    try {
      name = fromUtf8(zip.subarray(o + CENTRAL, o + CENTRAL + nameLength));
    } catch {
      throw new ZipError('non-canonical', `entry ${i} has a name that is not UTF-8`);
    }
    const dataStart = offset + LOCAL + nameLength;
    if (dataStart + size > centralStart) throw new ZipError('non-canonical', `entry ${name} runs past its room`);
    entries.push({ name, bytes: zip.subarray(dataStart, dataStart + size) });
    o += CENTRAL + nameLength;
  }
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw new ZipError('non-canonical', 'duplicate entry names');
  let again: Uint8Array;
  try {
    again = writeZip(entries);
  } catch (cause) {
    throw new ZipError('non-canonical', (cause as Error).message);
  }
  if (again.length !== zip.length) throw new ZipError('non-canonical', 'the ZIP is not in canonical form');
  for (let i = 0; i < zip.length; i++) if (again[i] !== zip[i]) throw new ZipError('non-canonical', `the ZIP differs from its canonical form at byte ${i}`);
  return entries;
}
