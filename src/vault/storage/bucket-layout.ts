/**
 * How a bucket of a group is laid out in page rows, so that a write costs what it touches.
 *
 * A bucket (the records whose id tags fall in one of the group's 128 buckets) is a *base* page
 * under `<group>.<bucket>` — the format 2 layout, so an older vault is a vault whose buckets have
 * no segments — plus up to a few *segments* under `<group>.<bucket>.<n>`, where n is the write
 * counter of the write that made it (never reused, so a deleted segment put back cannot pass for
 * a new one). Every part is a sealed page of its own, named with its version in the group's
 * manifest. A record lives in exactly one part of its bucket: a write re-seals only the parts
 * that hold a record it changes, puts new records into one new segment (or into a part it
 * re-seals anyway), and merges parts by size (`partsToMerge`) when the bucket would hold more
 * than `maxSegments` segments.
 */
import { FORMAT_3, RECORD_ENTRY_SIZE, recordEntriesStart } from './page-format3';

/** More segments make writes cheaper and reads of a bucket slower (one row and one tag check each). */
export const DEFAULT_MAX_SEGMENTS = 4;

export const segmentKey = (baseKey: string, version: number): string => `${baseKey}.${version}`;

/** The base key of a part's bucket: the group tag (base64url, no dots) and the bucket number. */
export function baseKeyOf(key: string): string {
  const second = key.indexOf('.', key.indexOf('.') + 1);
  return second < 0 ? key : key.slice(0, second);
}

/** Every key of a bucket's parts sorts between these two (`.` sorts before the digits of a longer bucket number). */
export const bucketRange = (baseKey: string): [string, string] => [baseKey, `${baseKey}.\uffff`];

/**
 * A 16-byte id tag as a map key: two bytes per character, cheaper than base64 for every record
 * of a write. The bytes are spelled out as arguments: spreading or applying a typed array takes
 * the engine's slow path for array-likes (about twice the cost in V8).
 */
export function mapKey(t: Uint8Array): string {
  if (t.length !== 16) throw new RangeError('mapKey: an id tag is 16 bytes');
  return String.fromCharCode(
    (t[0]! << 8) | t[1]!,
    (t[2]! << 8) | t[3]!,
    (t[4]! << 8) | t[5]!,
    (t[6]! << 8) | t[7]!,
    (t[8]! << 8) | t[9]!,
    (t[10]! << 8) | t[11]!,
    (t[12]! << 8) | t[13]!,
    (t[14]! << 8) | t[15]!,
  );
}

/** The index layout of format 1 and 2 pages (page-codec.ts): 44 bytes per record, the id tag first; format 3 lists 24 bytes per record after its frame table. */
const INDEX_ENTRY_SIZE = 44;

/** What a write needs of a part to know whether it may hold a record: its format and its index. */
export interface IndexedPart {
  v: number;
  index: Uint8Array;
}

/**
 * The id tags a write looks for in its parts' indexes. Each index entry is first matched on 30
 * bits of its tag as a small integer, so the scan allocates nothing for the entries that are not
 * looked for (nearly all of them); a match is then checked on the whole tag.
 */
export interface WantedTags {
  prints: ReadonlySet<number>;
  refs: ReadonlySet<string>;
}

/** Bits 32–61 of a tag (its first byte picks the bucket, so it says little within one). */
const printAt = (bytes: Uint8Array, at: number): number => (bytes[at + 4]! << 22) | (bytes[at + 5]! << 14) | (bytes[at + 6]! << 6) | (bytes[at + 7]! >>> 2);

export function wantedTags(idTags: readonly Uint8Array[], refs: ReadonlySet<string>): WantedTags {
  return { prints: new Set(idTags.map((tag) => printAt(tag, 0))), refs };
}

/**
 * Whether any tag is given twice, told by the tags' prints (allocating nothing per tag) and,
 * only where two prints are equal, by the whole tags.
 */
export function repeatsAnyTag(idTags: readonly Uint8Array[]): boolean {
  const prints = new Set<number>();
  let clashes: Uint8Array[] | null = null;
  for (const tag of idTags) {
    const print = printAt(tag, 0);
    if (prints.has(print)) (clashes ??= []).push(tag);
    else prints.add(print);
  }
  if (!clashes) return false;
  const clashing = new Set(clashes.map((tag) => printAt(tag, 0)));
  const seen = new Set<string>();
  for (const tag of idTags) {
    if (!clashing.has(printAt(tag, 0))) continue;
    const ref = mapKey(tag);
    if (seen.has(ref)) return true;
    seen.add(ref);
  }
  return false;
}

/**
 * Whether a page's index lists any of the wanted tags, read without opening the page. Only a
 * hint of which parts a write must open: a part that is not opened is not changed, and one
 * whose index was tampered with fails its own tag when it is read. True when the layout is not
 * known, so that such a page is opened.
 */
export function mayHoldAny(part: IndexedPart, wanted: WantedTags): boolean {
  const { v, index } = part;
  const start = v === FORMAT_3 ? recordEntriesStart(index) : v === 1 || v === 2 ? 0 : null;
  const size = v === FORMAT_3 ? RECORD_ENTRY_SIZE : INDEX_ENTRY_SIZE;
  if (start === null || (index.length - start) % size !== 0) return true;
  for (let at = start; at < index.length; at += size) {
    if (wanted.prints.has(printAt(index, at)) && wanted.refs.has(mapKey(index.subarray(at, at + 16)))) return true;
  }
  return false;
}

export interface PartSize {
  key: string;
  /** Stored bytes; what merging the part costs. */
  bytes: number;
  /** Sound (listed at its version, no problem known) and so free to be merged. */
  mergeable: boolean;
  /** Re-sealed by this write anyway: merging it costs nothing more. */
  resealed: boolean;
}

/**
 * The parts that the new records of a write (`freshBytes` of them) are merged with.
 *
 * Parts re-sealed anyway are always merged: that costs nothing more, and keeps a part off the
 * bucket. Other parts are merged only when the bucket would hold more than `maxSegments`
 * segments, and then by size: the smallest until the limit holds, and after them every part no
 * larger than what is merged so far. So parts grow by at least doubling, as in a size-tiered
 * log: a record is re-sealed about log₂ of the times its bucket grows, where merging the
 * smallest part alone re-sealed the records of small writes again at nearly every write. A
 * read of a bucket opens at most 1 + `maxSegments` parts.
 *
 * Merging the base puts the new records into it. With `maxSegments` 0 every write merges into
 * the base: the format 2 layout, where each write re-seals the whole bucket. Parts with a known
 * problem are never merged (their report must outlive the write), so they may leave a bucket
 * over the limit.
 */
export function partsToMerge(baseKey: string, parts: readonly PartSize[], maxSegments: number, freshBytes: number): string[] {
  if (!parts.some((p) => p.key === baseKey)) return []; // the new records become the base
  const mergeable = parts.filter((p) => p.mergeable);
  const chosen = mergeable.filter((p) => p.resealed);
  const excess = parts.length - maxSegments; // segments after the write: parts - 1 + 1
  if (excess <= 0) return chosen.map((p) => p.key);
  let need = excess - chosen.length;
  let merged = freshBytes + chosen.reduce((n, p) => n + p.bytes, 0);
  for (const part of mergeable.filter((p) => !p.resealed).sort((a, b) => a.bytes - b.bytes)) {
    if (need <= 0 && part.bytes > merged) break;
    chosen.push(part);
    merged += part.bytes;
    need--;
  }
  return chosen.map((p) => p.key);
}
