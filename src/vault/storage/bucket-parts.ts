/**
 * The parts of a group's buckets as the page store finds them: the rows stored, and the parts
 * the group's manifest names (one named and not found is missing). Reads take every row; a
 * write lists keys only and reads the rows of the parts it does not know (known-parts.ts).
 */
import { baseKeyOf, bucketRange } from './bucket-layout';
import type { StoredPart } from './bucket-write';
import type { VaultDb } from './db';
import type { KnownParts } from './known-parts';
import type { PageRow } from './page-codec';
import type { Manifest } from './page-manifest';

/** Above this many buckets touched in a group, a write lists the whole group's keys in one request. */
const WHOLE_GROUP_BUCKETS = 16;

/** Whether the manifest names the part at the version it carries: then its records are the current ones. */
export function isUsable(manifest: Manifest, key: string, row: PageRow | undefined): boolean {
  const listed = manifest.entries.get(key);
  return listed !== undefined && row !== undefined && (row.version ?? 0) === listed.version;
}

/** Every part of each bucket of a group, by base key: the rows found, and the parts the manifest names. */
export function bucketParts(rows: readonly PageRow[], manifest: Manifest): Map<string, Map<string, PageRow | undefined>> {
  const buckets = new Map<string, Map<string, PageRow | undefined>>();
  const add = (key: string, row: PageRow | undefined) => {
    const base = baseKeyOf(key);
    let parts = buckets.get(base);
    if (!parts) buckets.set(base, (parts = new Map()));
    if (row || !parts.has(key)) parts.set(key, row);
  };
  for (const row of rows) add(row.key, row);
  for (const key of manifest.entries.keys()) add(key, undefined);
  return buckets;
}

/**
 * Every part of some buckets of a group, by base key, for a write; runs in the write's read
 * transaction. A part known as the manifest names it comes without its row, which the write
 * reads only if it opens the part.
 */
export async function storedParts(
  db: VaultDb,
  known: KnownParts,
  group: string,
  baseKeys: readonly string[],
  manifest: Manifest,
): Promise<Map<string, Map<string, StoredPart>>> {
  const wanted = new Set(baseKeys);
  // A new collection for each request: one of key ranges keeps its place as it is read.
  const listed = () =>
    baseKeys.length > WHOLE_GROUP_BUCKETS ? db.pages.where('group').equals(group) : db.pages.where('key').inAnyRange(baseKeys.map(bucketRange));
  const keys = (await listed().primaryKeys()).filter((key) => wanted.has(baseKeyOf(key)));
  const unknown = keys.filter((key) => !known.get(key, manifest.entries.get(key)));
  const rows = new Map<string, PageRow>();
  // Nothing known (the first write of a session): one request for all, not one per row.
  const read = unknown.length === keys.length ? await listed().toArray() : await db.pages.bulkGet(unknown);
  for (const row of read) if (row && wanted.has(baseKeyOf(row.key))) rows.set(row.key, row);
  const buckets = new Map<string, Map<string, StoredPart>>();
  const add = (key: string, part: StoredPart) => {
    const base = baseKeyOf(key);
    if (!wanted.has(base)) return;
    let parts = buckets.get(base);
    if (!parts) buckets.set(base, (parts = new Map()));
    if (!parts.has(key)) parts.set(key, part);
  };
  for (const key of keys) add(key, { row: rows.get(key), known: known.get(key, manifest.entries.get(key)) });
  for (const key of manifest.entries.keys()) add(key, {}); // named, and not found: missing
  return buckets;
}
