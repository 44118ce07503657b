/**
 * Searches every file of a browser profile for secrets, the way someone who copied the disk
 * would: byte by byte, in every text encoding a browser might use, and through the layers of
 * compression Chromium puts between a value and the disk.
 *
 * What a scan covers, for every regular file under the directory (symlinks are not followed):
 *  - the raw bytes;
 *  - LevelDB write-ahead logs (`NNNNNN.log`): records reassembled across the log's 32 KiB
 *    blocks, so a value split by a block boundary is still whole;
 *  - LevelDB tables (`.ldb`/`.sst`): every data block, Snappy-decompressed when stored so
 *    (LevelDB compresses a block when that saves more than 12.5%);
 *  - Chromium's IndexedDB value compression: any `FF 11 02` wrapper (kVersionTag,
 *    kRequiresProcessingSSVPseudoVersion, kCompressedWithSnappy; idb_value_wrapping.cc) found
 *    in any of the above is Snappy-decompressed and searched too. Values too large for LevelDB
 *    live in `*.indexeddb.blob/` files, which are ordinary files here;
 *  - Firefox's session store (`sessionstore.jsonlz4`, `sessionstore-backups/*.jsonlz4|baklz4`):
 *    any `mozLz40` file is LZ4-decompressed, since a compressed match can split a needle.
 * Firefox keeps IndexedDB values Snappy-compressed inside SQLite pages; a short needle stays a
 * literal run there and is found raw (the positive controls show it), a long repetitive text may
 * not be: the vault stores no plaintext values, so every value it writes is ciphertext anyway.
 * Each needle is searched as UTF-8, UTF-16LE, UTF-16BE and — when it fits — Latin-1, since V8
 * serialises strings with only Latin-1 characters (æ, ø, å included) one byte per character.
 * Anything that looks like LevelDB but cannot be decoded is reported in `undecodable`, so a
 * scan never passes by silently skipping data.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin-1';
export type View = 'raw' | 'leveldb-log' | 'leveldb-table' | 'idb-snappy-value' | 'mozlz4';

export interface Hit {
  needle: string;
  encoding: Encoding;
  file: string;
  view: View;
}

export interface ScanReport {
  hits: Hit[];
  files: number;
  bytes: number;
  leveldbLogs: number;
  leveldbTables: number;
  snappyBlocks: number;
  snappyValues: number;
  mozLz4Files: number;
  undecodable: string[];
}

/** Every byte form a needle can take on disk. */
export function encodingsOf(needle: string): { encoding: Encoding; bytes: Buffer }[] {
  const forms: { encoding: Encoding; bytes: Buffer }[] = [
    { encoding: 'utf-8', bytes: Buffer.from(needle, 'utf8') },
    { encoding: 'utf-16le', bytes: Buffer.from(needle, 'utf16le') },
    { encoding: 'utf-16be', bytes: Buffer.from(needle, 'utf16le').swap16() },
  ];
  const latin1 = [...needle].every((c) => c.codePointAt(0)! <= 0xff);
  if (latin1 && !forms[0]!.bytes.equals(Buffer.from(needle, 'latin1'))) {
    forms.push({ encoding: 'latin-1', bytes: Buffer.from(needle, 'latin1') });
  }
  return forms;
}

export function scanProfile(dir: string, needles: readonly string[]): ScanReport {
  const report: ScanReport = {
    hits: [],
    files: 0,
    bytes: 0,
    leveldbLogs: 0,
    leveldbTables: 0,
    snappyBlocks: 0,
    snappyValues: 0,
    mozLz4Files: 0,
    undecodable: [],
  };
  const forms = needles.map((needle) => ({ needle, forms: encodingsOf(needle) }));
  for (const path of regularFiles(dir)) {
    const file = relative(dir, path);
    const data = readFileSync(path);
    report.files++;
    report.bytes += data.length;
    for (const [view, bytes] of viewsOf(file, data, report)) {
      for (const { needle, forms: byteForms } of forms) {
        for (const { encoding, bytes: form } of byteForms) {
          if (bytes.indexOf(form) !== -1) report.hits.push({ needle, encoding, file, view });
        }
      }
    }
  }
  return report;
}

function* regularFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) yield* regularFiles(path);
    else if (stat.isFile()) yield path;
  }
}

function viewsOf(file: string, data: Buffer, report: ScanReport): [View, Buffer][] {
  const views: [View, Buffer][] = [['raw', data]];
  const name = basename(file);
  if (/^\d{6}\.log$/.test(name)) {
    try {
      views.push(['leveldb-log', readLevelDbLog(data)]);
      report.leveldbLogs++;
    } catch (error) {
      report.undecodable.push(`${file}: ${(error as Error).message}`);
    }
  } else if (/^\d{6}\.(ldb|sst)$/.test(name)) {
    try {
      views.push(['leveldb-table', readLevelDbTable(data, report)]);
      report.leveldbTables++;
    } catch (error) {
      report.undecodable.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (data.subarray(0, MOZ_LZ4_MAGIC.length).equals(MOZ_LZ4_MAGIC)) {
    try {
      views.push(['mozlz4', readMozLz4(data)]);
      report.mozLz4Files++;
    } catch (error) {
      report.undecodable.push(`${file}: ${(error as Error).message}`);
    }
  }
  for (const [, bytes] of [...views]) {
    for (const value of compressedIdbValues(bytes)) {
      views.push(['idb-snappy-value', value]);
      report.snappyValues++;
    }
  }
  return views;
}

// --- LevelDB (https://github.com/google/leveldb/blob/main/doc/log_format.md, table_format.md)

const LOG_BLOCK = 32 * 1024;
const LOG_HEADER = 7;

/** The payloads of all log records, each logical record reassembled from its fragments. */
export function readLevelDbLog(data: Buffer): Buffer {
  const records: Buffer[] = [];
  let pending: Buffer[] = [];
  for (let block = 0; block < data.length; block += LOG_BLOCK) {
    let at = block;
    const end = Math.min(block + LOG_BLOCK, data.length);
    while (at + LOG_HEADER <= end) {
      const length = data.readUInt16LE(at + 4);
      const type = data[at + 6]!;
      if (type === 0 && length === 0) break; // zero padding (preallocated or trailer)
      if (at + LOG_HEADER + length > end) throw new Error(`log record at ${at} runs past its block`);
      const payload = data.subarray(at + LOG_HEADER, at + LOG_HEADER + length);
      if (type === 1)
        records.push(payload); // FULL
      else if (type === 2)
        pending = [payload]; // FIRST
      else if (type === 3)
        pending.push(payload); // MIDDLE
      else if (type === 4)
        records.push(Buffer.concat([...pending, payload])); // LAST
      else throw new Error(`log record at ${at} has unknown type ${type}`);
      at += LOG_HEADER + length;
    }
  }
  if (pending.length) records.push(Buffer.concat(pending)); // a record cut off by a crash
  return Buffer.concat(records);
}

const TABLE_MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);
const FOOTER = 48;
const BLOCK_TRAILER = 5;

/** Every data block of a table, decompressed, laid end to end. */
export function readLevelDbTable(data: Buffer, report?: Pick<ScanReport, 'snappyBlocks'>): Buffer {
  if (data.length < FOOTER || !data.subarray(data.length - 8).equals(TABLE_MAGIC)) throw new Error('not a LevelDB table');
  const footer = new Cursor(data, data.length - FOOTER);
  footer.varint(); // metaindex offset
  footer.varint(); // metaindex size
  const indexHandle = { offset: footer.varint(), size: footer.varint() };
  const index = readBlock(data, indexHandle, report);
  const blocks: Buffer[] = [];
  for (const { value } of blockEntries(index)) {
    const handle = new Cursor(value, 0);
    blocks.push(readBlock(data, { offset: handle.varint(), size: handle.varint() }, report));
  }
  return Buffer.concat(blocks);
}

function readBlock(data: Buffer, handle: { offset: number; size: number }, report?: Pick<ScanReport, 'snappyBlocks'>): Buffer {
  if (handle.offset + handle.size + BLOCK_TRAILER > data.length) throw new Error('block handle out of range');
  const contents = data.subarray(handle.offset, handle.offset + handle.size);
  const type = data[handle.offset + handle.size]!;
  if (type === 0) return contents;
  if (type === 1) {
    if (report) report.snappyBlocks++;
    return snappyDecompress(contents, 0).output;
  }
  throw new Error(`block compression type ${type} is not supported`);
}

function* blockEntries(block: Buffer): Generator<{ key: Buffer; value: Buffer }> {
  const restarts = block.readUInt32LE(block.length - 4);
  const end = block.length - 4 - 4 * restarts;
  const cursor = new Cursor(block, 0);
  let key = Buffer.alloc(0);
  while (cursor.at < end) {
    const shared = cursor.varint();
    const unshared = cursor.varint();
    const valueLength = cursor.varint();
    key = Buffer.concat([key.subarray(0, shared), cursor.take(unshared)]);
    yield { key, value: cursor.take(valueLength) };
  }
}

class Cursor {
  constructor(
    private readonly data: Buffer,
    public at: number,
  ) {}

  varint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.data.length) throw new Error('varint runs past the end');
      const byte = this.data[this.at++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
    throw new Error('varint too long');
  }

  take(length: number): Buffer {
    if (this.at + length > this.data.length) throw new Error('entry runs past the end');
    const bytes = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}

// --- Snappy (https://github.com/google/snappy/blob/main/format_description.txt)

const MAX_SNAPPY_OUTPUT = 256 * 1024 * 1024;

/**
 * Decompresses one raw Snappy stream starting at `start`. The stream says how long its output
 * is, so it needs no end marker: bytes after it are left alone (`end` says where it stopped).
 */
export function snappyDecompress(input: Buffer, start: number): { output: Buffer; end: number } {
  const cursor = new Cursor(input, start);
  const length = cursor.varint();
  if (length > MAX_SNAPPY_OUTPUT) throw new Error('snappy: implausible length');
  const output = Buffer.alloc(length);
  let out = 0;
  let at = cursor.at;
  const need = (n: number) => {
    if (at + n > input.length) throw new Error('snappy: input ends early');
  };
  while (out < length) {
    need(1);
    const tag = input[at++]!;
    let copyLength: number;
    let offset: number;
    switch (tag & 3) {
      case 0: {
        let literal = tag >> 2;
        if (literal >= 60) {
          const bytes = literal - 59;
          need(bytes);
          literal = input.readUIntLE(at, bytes);
          at += bytes;
        }
        literal += 1;
        need(literal);
        if (out + literal > length) throw new Error('snappy: literal overruns output');
        input.copy(output, out, at, at + literal);
        at += literal;
        out += literal;
        continue;
      }
      case 1:
        need(1);
        copyLength = ((tag >> 2) & 7) + 4;
        offset = ((tag >> 5) << 8) | input[at++]!;
        break;
      case 2:
        need(2);
        copyLength = (tag >> 2) + 1;
        offset = input.readUInt16LE(at);
        at += 2;
        break;
      default:
        need(4);
        copyLength = (tag >> 2) + 1;
        offset = input.readUInt32LE(at);
        at += 4;
    }
    if (offset === 0 || offset > out || out + copyLength > length) throw new Error('snappy: bad copy');
    for (let i = 0; i < copyLength; i++, out++) output[out] = output[out - offset]!;
  }
  return { output, end: at };
}

const IDB_SNAPPY_WRAPPER = Buffer.from([0xff, 0x11, 0x02]);

/** Chromium IndexedDB values stored Snappy-compressed, found wherever their wrapper appears. */
export function* compressedIdbValues(bytes: Buffer): Generator<Buffer> {
  for (let at = bytes.indexOf(IDB_SNAPPY_WRAPPER); at !== -1; at = bytes.indexOf(IDB_SNAPPY_WRAPPER, at + 1)) {
    try {
      yield snappyDecompress(bytes, at + IDB_SNAPPY_WRAPPER.length).output;
    } catch {
      // Three bytes that only look like a wrapper (in ciphertext, say): nothing to decode.
    }
  }
}

// --- Firefox's mozLz4 (magic, little-endian 32-bit size, one LZ4 block: lz4_Block_format.md)

const MOZ_LZ4_MAGIC = Buffer.from('mozLz40\0', 'latin1');

export function readMozLz4(data: Buffer): Buffer {
  const size = data.readUInt32LE(MOZ_LZ4_MAGIC.length);
  if (size > MAX_SNAPPY_OUTPUT) throw new Error('mozlz4: implausible length');
  const input = data.subarray(MOZ_LZ4_MAGIC.length + 4);
  const output = Buffer.alloc(size);
  let at = 0;
  let out = 0;
  const length = (start: number): number => {
    let n = start;
    if (start !== 15) return n;
    for (;;) {
      if (at >= input.length) throw new Error('mozlz4: input ends early');
      const byte = input[at++]!;
      n += byte;
      if (byte !== 255) return n;
    }
  };
  while (at < input.length) {
    const token = input[at++]!;
    const literal = length(token >> 4);
    if (at + literal > input.length || out + literal > size) throw new Error('mozlz4: literal overruns');
    input.copy(output, out, at, at + literal);
    at += literal;
    out += literal;
    if (at >= input.length) break; // the last sequence has literals only
    const offset = input.readUInt16LE(at);
    at += 2;
    const match = length(token & 15) + 4;
    if (offset === 0 || offset > out || out + match > size) throw new Error('mozlz4: bad match');
    for (let i = 0; i < match; i++, out++) output[out] = output[out - offset]!;
  }
  if (out !== size) throw new Error(`mozlz4: ${out} bytes instead of ${size}`);
  return output;
}
