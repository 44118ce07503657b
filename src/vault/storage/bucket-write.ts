/**
 * One write to one bucket (bucket-layout.ts): opens the parts that may hold a changed record,
 * applies the changes, puts the new records into one new part, and says which parts to seal and
 * delete and what the group's manifest must name. Runs between the write's read and its write
 * transaction (page-store.ts): opening a format 3 part is asynchronous.
 */
import { partsToMerge, mapKey, mayHoldAny, segmentKey, storedSize } from './bucket-layout';
import type { OpenedPage, PageEntry, PageRow } from './page-codec';
import { pageProblem, type Manifest, type ManifestEntry, type PageProblem } from './page-manifest';

export interface PageChange {
  group: string;
  idTag: Uint8Array;
  /**
   * Given the record's current bytes (null when absent or damaged), returns its new bytes, or
   * null to delete it. Runs between the write's read and its write transaction, which lands
   * only if no other write landed in between (else the write starts over and it runs again),
   * so read-modify-write is atomic.
   */
  update: (previous: Uint8Array | null) => Uint8Array | null;
}

export interface BucketWrite {
  /** The write counter this write stamps on every part it seals. */
  version: number;
  maxSegments: number;
  /** The group's manifest, changed in place. */
  manifest: Manifest;
  /**
   * Opens a part; throws for one whose record boundaries cannot be read (the index hint opens
   * every such part of a bucket written to: it may hold any of the records).
   */
  open: (row: PageRow) => Promise<OpenedPage>;
  /** Seals a part with these records, at `version`. */
  seal: (key: string, entries: PageEntry[]) => void;
  deletes: string[];
}

interface Part {
  key: string;
  row: PageRow | undefined;
  listed: ManifestEntry | undefined;
  /** Named by the manifest at the version it carries: its records are the current ones. */
  usable: boolean;
  /** Set once opened: its records by id, and what is wrong with it. */
  entries: Map<string, PageEntry> | null;
  problem: PageProblem;
  sound: boolean;
  changed: boolean;
}

const entryFor = (idTag: Uint8Array, bytes: Uint8Array): PageEntry => ({ idTag, bytes, damaged: false });

/** Writes `changes` (all of this bucket) given every part the rows and the manifest know of. */
export async function writeBucket(
  w: BucketWrite,
  baseKey: string,
  rows: ReadonlyMap<string, PageRow | undefined>,
  changes: readonly PageChange[],
): Promise<void> {
  const parts: Part[] = [...rows].map(([key, row]) => {
    const listed = w.manifest.entries.get(key);
    const usable = listed !== undefined && row !== undefined && (row.version ?? 0) === listed.version;
    return { key, row, listed, usable, entries: null, problem: 'none', sound: false, changed: false };
  });
  // Usable parts first: a record's current copy is looked for there before any stale one.
  parts.sort((a, b) => Number(b.usable) - Number(a.usable));
  const open = async (part: Part) => {
    if (part.entries || !part.row) return;
    const opened = await w.open(part.row);
    part.entries = new Map();
    // A damaged entry never hides a verified one of the same id.
    for (const entry of opened.entries) {
      const ref = mapKey(entry.idTag);
      if (!part.entries.has(ref) || !entry.damaged) part.entries.set(ref, entry);
    }
    part.problem = pageProblem(part.listed, part.row, opened.intact);
    part.sound = part.usable && part.problem === 'none' && !opened.entries.some((e) => e.damaged);
  };
  const refList = changes.map((c) => mapKey(c.idTag));
  if (parts.length > 0) {
    const refs = new Set(refList);
    await Promise.all(parts.filter((part) => part.row && mayHoldAny(part.row, refs)).map(open));
  }

  const fresh = new Map<string, { idTag: Uint8Array; bytes: Uint8Array }>();
  for (let i = 0; i < changes.length; i++) {
    const { idTag, update } = changes[i]!;
    const ref = refList[i]!;
    const again = fresh.get(ref);
    let previous = again?.bytes ?? null;
    if (again) fresh.delete(ref);
    let holder: Part | null = null;
    // After the first change of a record in this write it lives in one place; before, stale
    // copies in parts that are not usable are dropped with it.
    for (const part of parts) {
      const entry = part.entries?.get(ref);
      if (!entry) continue;
      if (previous === null && !entry.damaged) previous = entry.bytes;
      if (!holder && part.usable) holder = part;
      part.entries!.delete(ref);
      part.changed = true;
    }
    const bytes = update(previous);
    if (bytes === null) continue;
    if (holder) holder.entries!.set(ref, entryFor(idTag, bytes));
    else fresh.set(ref, { idTag, bytes });
  }

  if (fresh.size > 0) {
    const sizes = parts.map((p) => ({
      key: p.key,
      bytes: storedSize(p.row),
      mergeable: p.usable && p.listed!.problem === 'none' && (!p.entries || p.sound),
      resealed: p.changed,
    }));
    const merged: Part[] = [];
    for (const key of partsToMerge(baseKey, sizes, w.maxSegments)) {
      const part = parts.find((p) => p.key === key)!;
      await open(part);
      if (part.sound) merged.push(part); // one found damaged only now stays as it is
    }
    const hasBase = parts.some((p) => p.key === baseKey);
    const into = !hasBase || merged.some((p) => p.key === baseKey) ? baseKey : segmentKey(baseKey, w.version);
    const entries: PageEntry[] = [];
    for (const part of merged) {
      // Format 2 MACs bind the key of the part that held them: a moved record leaves its own behind.
      for (const entry of part.entries!.values()) entries.push(part.key === into ? entry : entryFor(entry.idTag, entry.bytes));
      part.changed = false;
      part.entries = null;
      if (part.key !== into) {
        w.deletes.push(part.key);
        w.manifest.entries.delete(part.key);
      }
    }
    for (const { idTag, bytes } of fresh.values()) entries.push(entryFor(idTag, bytes));
    w.seal(into, entries);
    w.manifest.entries.set(into, { version: w.version, problem: 'none' });
  }

  for (const part of parts) {
    if (!part.changed) continue;
    // An emptied part with a problem stays, empty, so that its report is not lost with it.
    if (part.entries!.size === 0 && part.problem === 'none') {
      w.deletes.push(part.key);
      w.manifest.entries.delete(part.key);
    } else {
      w.seal(part.key, [...part.entries!.values()]);
      w.manifest.entries.set(part.key, { version: w.version, problem: part.problem });
    }
  }
}
