/**
 * A ZIP writer and reader for one canonical form: stored (no compression), fixed timestamp
 * (1980-01-01 00:00), UTF-8 names, no extra fields or comments, no ZIP64. The reader accepts a
 * file only if writing its entries again gives the very same bytes, so nothing in a ZIP can
 * change without being seen (and the same entries always give the same bytes). Any unzip tool
 * can read it.
 */
import { nodeBuiltin } from './node-builtin';
import { concatBytes, fromUtf8, utf8 } from '../shared/bytes';
import { CodedError } from '../shared/coded-error';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** `not-zip`: no ZIP end record at all; `non-canonical`: a ZIP, but not in the one form we write. */
export type ZipErrorCode = 'not-zip' | 'non-canonical';

export class ZipError extends CodedError<ZipErrorCode> {
  override readonly name = 'ZipError';
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

/** CRC-32 in JavaScript (what every host without a native one runs); `crc` continues an earlier one. */
export function crc32InJs(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES;
  let c = (crc ^ 0xffffffff) >>> 0;
  let i = 0;
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const a = (c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    c =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * zlib's CRC-32 where the host is Node (≥ 20.15; native, ~10× the JavaScript), checked once
 * against the standard check value so a look-alike is not trusted.
 */
const nativeCrc32 = ((): ((bytes: Uint8Array, crc?: number) => number) | null => {
  const crc = nodeBuiltin<{ crc32?: (data: Uint8Array, value?: number) => number }>('node:zlib')?.crc32;
  try {
    const check = utf8('123456789');
    const whole = typeof crc === 'function' && crc(check) === 0xcbf43926;
    return whole && crc(check.subarray(4), crc(check.subarray(0, 4))) === 0xcbf43926 ? (bytes, value = 0) => crc(bytes, value) >>> 0 : null;
  } catch {
    return null;
  }
})();

/** CRC-32 (IEEE 802.3, as ZIP uses it) of `bytes`; `crc` continues the CRC of the bytes before. */
export const crc32: (bytes: Uint8Array, crc?: number) => number = nativeCrc32 ?? crc32InJs;

const VERSION = 20;
const FLAG_UTF8 = 0x0800;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

// The three records of the canonical form, written by one function each so that the writer and
// the reader's comparison cannot drift apart.

function localHeader(view: DataView, o: number, crc: number, size: number, nameLength: number): void {
  view.setUint32(o, 0x04034b50, true);
  view.setUint16(o + 4, VERSION, true);
  view.setUint16(o + 6, FLAG_UTF8, true);
  view.setUint16(o + 8, 0, true); // stored
  view.setUint16(o + 10, DOS_TIME, true);
  view.setUint16(o + 12, DOS_DATE, true);
  view.setUint32(o + 14, crc, true);
  view.setUint32(o + 18, size, true);
  view.setUint32(o + 22, size, true);
  view.setUint16(o + 26, nameLength, true);
  view.setUint16(o + 28, 0, true);
}

function centralHeader(view: DataView, o: number, crc: number, size: number, nameLength: number, offset: number): void {
  view.setUint32(o, 0x02014b50, true);
  view.setUint16(o + 4, VERSION, true);
  view.setUint16(o + 6, VERSION, true);
  view.setUint16(o + 8, FLAG_UTF8, true);
  view.setUint16(o + 10, 0, true);
  view.setUint16(o + 12, DOS_TIME, true);
  view.setUint16(o + 14, DOS_DATE, true);
  view.setUint32(o + 16, crc, true);
  view.setUint32(o + 20, size, true);
  view.setUint32(o + 24, size, true);
  view.setUint16(o + 28, nameLength, true);
  // extra, comment, disk, internal and external attributes: 0.
  for (let i = 30; i < 42; i += 2) view.setUint16(o + i, 0, true);
  view.setUint32(o + 42, offset, true);
}

function endRecord(view: DataView, o: number, count: number, centralSize: number, centralStart: number): void {
  view.setUint32(o, 0x06054b50, true);
  view.setUint32(o + 4, 0, true); // disk numbers
  view.setUint16(o + 8, count, true);
  view.setUint16(o + 10, count, true);
  view.setUint32(o + 12, centralSize, true);
  view.setUint32(o + 16, centralStart, true);
  view.setUint16(o + 20, 0, true); // no comment
}

/** @throws {RangeError} for duplicate names or sizes beyond plain ZIP (4 GiB, 65535 entries). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('entries: more than 65535');
  const names = entries.map((e) => utf8(e.name));
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw new RangeError('entries: duplicate names');
  if (names.some((n) => n.length > 0xffff)) throw new RangeError('entries: a name longer than 65535 bytes');
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
    localHeader(view, o, crc, e.bytes.length, name.length);
    out.set(name, o + LOCAL);
    out.set(e.bytes, o + LOCAL + name.length);
    o += LOCAL + name.length + e.bytes.length;
  });
  const centralStart = o;
  entries.forEach((e, i) => {
    const name = names[i]!;
    centralHeader(view, o, crcs[i]!, e.bytes.length, name.length, offsets[i]!);
    out.set(name, o + CENTRAL);
    o += CENTRAL + name.length;
  });
  endRecord(view, o, entries.length, o - centralStart, centralStart);
  return out;
}

const scratch = new DataView(new ArrayBuffer(CENTRAL));
const scratchBytes = new Uint8Array(scratch.buffer);

/** An entry as read: its bytes as the parts of the ZIP they lie in, and joined on first use. */
export interface ReadZipEntry {
  readonly name: string;
  readonly size: number;
  /** Views into the ZIP's parts, in order; one view when the ZIP is one buffer. */
  readonly parts: readonly Uint8Array[];
  /** The bytes in one buffer: a view when they lie in one part, else joined once, when first read. */
  readonly bytes: Uint8Array;
}

/** A ZIP held as consecutive parts (decrypted chunks), read as if it were one buffer. */
class Parts {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(private readonly parts: readonly Uint8Array[]) {
    let at = 0;
    for (const part of parts) {
      this.starts.push(at);
      at += part.length;
    }
    this.length = at;
  }

  /** Views covering [start, end), in order. */
  views(start: number, end: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    // The last part that starts at or before `start`.
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < this.parts.length && this.starts[i]! < end; i++) {
      const from = Math.max(start, this.starts[i]!) - this.starts[i]!;
      const to = Math.min(end, this.starts[i]! + this.parts[i]!.length) - this.starts[i]!;
      if (to > from) out.push(this.parts[i]!.subarray(from, to));
    }
    return out;
  }

  /** The bytes [start, end): a view when they lie in one part, else a copy. */
  bytes(start: number, end: number): Uint8Array {
    // The reader checks every range against the records before it reads; this only makes sure.
    if (start < 0 || end > this.length || start > end) throw new ZipError('non-canonical', `bytes ${start}–${end} lie outside the ZIP`);
    const views = this.views(start, end);
    return views.length === 1 ? views[0]! : concatBytes(...views);
  }
}

/** Whether `bytes` begin with the first `length` bytes of the scratch record. */
function matches(bytes: Uint8Array, length: number): boolean {
  if (bytes.length < length) return false;
  for (let i = 0; i < length; i++) if (bytes[i] !== scratchBytes[i]) return false;
  return true;
}

function sameBytes(bytes: Uint8Array, expected: Uint8Array): boolean {
  if (bytes.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[i] !== expected[i]) return false;
  return true;
}

function entryOf(name: string, size: number, parts: Uint8Array[]): ReadZipEntry {
  return {
    name,
    size,
    parts,
    get bytes(): Uint8Array {
      const joined = new Parts(parts).bytes(0, size);
      Object.defineProperty(this, 'bytes', { value: joined, enumerable: true });
      return joined;
    },
  };
}

/**
 * Reads a ZIP in the canonical form {@link writeZip} produces: every record is compared with
 * the one writeZip would write for the same entries (CRCs computed afresh), and the entries
 * must lie back to back with the central directory and end record right after, so a file is
 * accepted only if writing its entries again would give the very same bytes. The ZIP may come
 * as consecutive parts (as {@link ageDecryptParts} gives it); the entries' bytes are then views
 * into those parts, joined only when an entry's `bytes` is read.
 * @throws {ZipError} `not-zip` or `non-canonical`.
 */
export function readZip(input: Uint8Array | readonly Uint8Array[]): ReadZipEntry[] {
  const zip = new Parts(input instanceof Uint8Array ? [input] : input);
  if (zip.length < END) throw new ZipError('not-zip', 'too short to be a ZIP');
  const end = zip.length - END;
  const endBytes = zip.bytes(end, zip.length);
  const endView = new DataView(endBytes.buffer, endBytes.byteOffset, END);
  if (endView.getUint32(0, true) !== 0x06054b50) throw new ZipError('not-zip', 'no ZIP end record (or a ZIP comment)');
  const count = endView.getUint16(10, true);
  const centralStart = endView.getUint32(16, true);
  const entries: ReadZipEntry[] = [];
  const names = new Set<string>();
  let local = 0;
  let central = centralStart;
  for (let i = 0; i < count; i++) {
    if (central + CENTRAL > end) throw new ZipError('non-canonical', `central entry ${i} is missing`);
    const centralBytes = zip.bytes(central, central + CENTRAL);
    const centralView = new DataView(centralBytes.buffer, centralBytes.byteOffset, CENTRAL);
    const size = centralView.getUint32(24, true);
    const nameLength = centralView.getUint16(28, true);
    const dataStart = local + LOCAL + nameLength;
    if (central + CENTRAL + nameLength > end || dataStart + size > centralStart) throw new ZipError('non-canonical', `entry ${i} runs past its room`);
    const nameBytes = zip.bytes(central + CENTRAL, central + CENTRAL + nameLength);
    let name: string;
    try {
      name = fromUtf8(nameBytes);
    } catch {
      throw new ZipError('non-canonical', `entry ${i} has a name that is not UTF-8`);
    }
    if (names.has(name)) throw new ZipError('non-canonical', 'duplicate entry names');
    names.add(name);
    const parts = zip.views(dataStart, dataStart + size);
    const crc = parts.reduce((c, part) => crc32(part, c), 0);
    localHeader(scratch, 0, crc, size, nameLength);
    if (!matches(zip.bytes(local, local + LOCAL), LOCAL) || !sameBytes(zip.bytes(local + LOCAL, dataStart), nameBytes)) {
      throw new ZipError('non-canonical', `the local header of ${name} is not in canonical form (or its CRC is wrong)`);
    }
    centralHeader(scratch, 0, crc, size, nameLength, local);
    if (!matches(centralBytes, CENTRAL)) throw new ZipError('non-canonical', `the central header of ${name} is not in canonical form`);
    entries.push(entryOf(name, size, parts));
    local = dataStart + size;
    central += CENTRAL + nameLength;
  }
  if (local !== centralStart) throw new ZipError('non-canonical', 'bytes between the last entry and the central directory');
  endRecord(scratch, 0, count, central - centralStart, centralStart);
  if (central !== end || !matches(endBytes, END)) throw new ZipError('non-canonical', 'the end record is not in canonical form');
  return entries;
}
