/**
 * How a bucket of a group is laid out in page rows, so that a write costs what it touches.
 *
 * A bucket (the records whose id tags fall in one of the group's 128 buckets) is a *base* page
 * under `<group>.<bucket>` — the format 2 layout, so an older vault is a vault whose buckets have
 * no segments — plus up to a few *segments* under `<group>.<bucket>.<n>`, where n is the write
 * counter of the write that made it (never reused, so a deleted segment put back cannot pass for
 * a new one). Every part is a sealed page of its own, named with its version in the group's
 * manifest. A record lives in exactly one part of its bucket: a write re-seals only the parts
 * that hold a record it changes, puts new records into one new segment, and merges the smallest
 * parts when the bucket would hold more than `maxSegments` segments.
 */
import type { PageRow } from './page-codec';
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

/**
 * Whether a page's index lists any of `refs`, read without opening the page. Only a hint of
 * which parts a write must open: a part that is not opened is not changed, and one whose index
 * was tampered with fails its own tag when it is read. True when the layout is not known, so
 * that such a page is opened.
 */
export function mayHoldAny(row: PageRow, refs: ReadonlySet<string>): boolean {
  const start = row.v === FORMAT_3 ? recordEntriesStart(row.index) : row.v === 1 || row.v === 2 ? 0 : null;
  const size = row.v === FORMAT_3 ? RECORD_ENTRY_SIZE : INDEX_ENTRY_SIZE;
  if (start === null || (row.index.length - start) % size !== 0) return true;
  for (let at = start; at < row.index.length; at += size) {
    if (refs.has(mapKey(row.index.subarray(at, at + 16)))) return true;
  }
  return false;
}

export const storedSize = (row: PageRow | undefined): number => (row ? row.index.length + row.body.length : 0);

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
 * The parts that new records of a write are merged with, so that the bucket keeps at most
 * `maxSegments` segments: the parts re-sealed anyway, then the smallest. Merging the base puts
 * the new records into it. With `maxSegments` 0 every write merges into the base: the format 2
 * layout, where each write re-seals the whole bucket. Parts with a known problem are never
 * merged (their report must outlive the write), so they may leave a bucket over the limit.
 */
export function partsToMerge(baseKey: string, parts: readonly PartSize[], maxSegments: number): string[] {
  if (!parts.some((p) => p.key === baseKey)) return []; // the new records become the base
  const excess = parts.length - maxSegments; // segments after the write: parts - 1 + 1
  if (excess <= 0) return [];
  return parts
    .filter((p) => p.mergeable)
    .sort((a, b) => Number(b.resealed) - Number(a.resealed) || a.bytes - b.bytes)
    .slice(0, excess)
    .map((p) => p.key);
}
